"""Circuit breaker, one per model or provider (Python twin of content/recipes/circuit-breaker.ts).

closed:    calls go through; failures are counted over a sliding window.
open:      after `failure_threshold` failures within `window_s`, calls fail at once
           without reaching the API, so callers fall back straight away.
half-open: after `cooldown_s`, one probe call goes through. Its success closes the
           breaker; its failure opens it for another cooldown. Only the probe can close
           it: a slow call admitted before the breaker opened is ignored when it ends.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, TypeVar

from retry import is_retryable  # rate-limits/retry.py

T = TypeVar("T")


def is_failure(err: BaseException) -> bool:
    """Count only the API's trouble (throttles, 5xx, 529, timeouts, errors mid-stream), never a 400 you sent."""
    return is_retryable(err)


class CircuitOpenError(Exception):
    def __init__(self, key: str, retry_at: float) -> None:
        super().__init__(f"circuit for {key} is open for another {max(0.0, retry_at - time.monotonic()):.1f}s")
        self.key, self.retry_at = key, retry_at


class CircuitBreaker:
    def __init__(
        self,
        key: str,
        failure_threshold: int = 5,
        window_s: float = 30.0,
        cooldown_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.key, self._clock = key, clock
        self.failure_threshold, self.window_s, self.cooldown_s = failure_threshold, window_s, cooldown_s
        self.state = "closed"
        self._failures: list[float] = []
        self._opened_at = 0.0
        self._probing = False
        self._generation = 0  # bumped each time the breaker opens
        self._lock = threading.Lock()

    def call(self, fn: Callable[[], T]) -> T:
        with self._lock:
            now = self._clock()
            if self.state == "open":
                if now - self._opened_at < self.cooldown_s:
                    raise CircuitOpenError(self.key, self._opened_at + self.cooldown_s)
                self.state = "half-open"
            probe = self.state == "half-open"
            if probe:
                if self._probing:  # one probe at a time
                    raise CircuitOpenError(self.key, now)
                self._probing = True
            # What this call was admitted as: a straggler admitted while closed must not close
            # (or re-open) a breaker that has opened since; only the half-open probe decides.
            generation = self._generation
        try:
            result = fn()
        except BaseException as err:
            self._settle(probe, generation, failed=is_failure(err))
            raise
        self._settle(probe, generation, failed=False)
        return result

    def _settle(self, probe: bool, generation: int, failed: bool) -> None:
        with self._lock:
            if generation != self._generation:
                return  # admitted before the breaker last opened: too late to count
            now = self._clock()
            if probe:
                self._probing = False
                if failed:
                    self._open(now)
                else:
                    self._failures, self.state = [], "closed"  # the probe worked: start afresh
                return
            if not failed or self.state != "closed":
                return
            self._failures = [t for t in self._failures if now - t < self.window_s] + [now]
            if len(self._failures) >= self.failure_threshold:
                self._open(now)

    def _open(self, now: float) -> None:
        self.state, self._opened_at = "open", now
        self._generation += 1


class BreakerRegistry:
    """One breaker per key, e.g. breakers.get("anthropic/opus-4-7")."""

    def __init__(self, **options: float) -> None:
        self._options = options
        self._breakers: dict[str, CircuitBreaker] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> CircuitBreaker:
        with self._lock:
            if key not in self._breakers:
                self._breakers[key] = CircuitBreaker(key, **self._options)  # type: ignore[arg-type]
            return self._breakers[key]
