"""Smooth bursts before they reach the API. The API enforces its per-minute limits as a token
bucket that refills continuously, so 60 RPM can mean one request per second, not 60 at :00.
This pacer spaces requests evenly and ramps a new workload up instead of switching it on."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


class Pacer:
    def __init__(self, target_per_minute: float, ramp_minutes: float = 10.0) -> None:
        self.target_per_minute = target_per_minute  # stay below your real limit (read it from the headers)
        self.ramp_minutes = ramp_minutes  # grow from 10% to 100% of the target over this time
        self._started = time.monotonic()
        self._next_slot = 0.0
        self._lock = threading.Lock()

    def rate_per_minute(self) -> float:
        """A linear ramp, so the acceleration limit never sees a step change."""
        elapsed_min = (time.monotonic() - self._started) / 60
        share = min(1.0, 0.1 + 0.9 * elapsed_min / self.ramp_minutes)
        return max(1.0, self.target_per_minute * share)

    def acquire(self) -> None:
        """Blocks until the caller may send its next request."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot)
            self._next_slot = slot + 60.0 / self.rate_per_minute()
        if slot > now:
            time.sleep(slot - now)


def paced(pacer: Pacer, jobs: Sequence[Callable[[], T]], concurrency: int = 8) -> list[T]:
    def run(job: Callable[[], T]) -> T:
        pacer.acquire()
        return job()

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(run, jobs))
