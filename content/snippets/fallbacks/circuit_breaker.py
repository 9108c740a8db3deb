"""Circuit breaker, one per model or provider (Python twin of content/recipes/circuit-breaker.ts).

closed:    calls go through; failures are counted over a sliding window.
open:      after `failure_threshold` failures within `window_s`, calls fail at once
           without reaching the API, so callers fall back straight away.
half-open: after `cooldown_s`, one probe call goes through. Success closes the
           breaker; failure opens it for another cooldown.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, TypeVar

import anthropic

T = TypeVar("T")


def is_failure(err: BaseException) -> bool:
    """Count only the API's trouble (429, 5xx, 529, timeouts), never a 400 you sent."""
    if isinstance(err, anthropic.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(err, anthropic.APIStatusError):
        return err.status_code in (408, 429) or err.status_code >= 500
    return False


class CircuitOpenError(Exception):
    def __init__(self, key: str, retry_at: float) -> None:
        super().__init__(f"circuit for {key} is open for another {max(0.0, retry_at - time.monotonic()):.1f}s")
        self.key, self.retry_at = key, retry_at


class CircuitBreaker:
    def __init__(self, key: str, failure_threshold: int = 5, window_s: float = 30.0, cooldown_s: float = 30.0) -> None:
        self.key = key
        self.failure_threshold, self.window_s, self.cooldown_s = failure_threshold, window_s, cooldown_s
        self.state = "closed"
        self._failures: list[float] = []
        self._opened_at = 0.0
        self._probing = False
        self._lock = threading.Lock()

    def call(self, fn: Callable[[], T]) -> T:
        with self._lock:
            now = time.monotonic()
            if self.state == "open":
                if now - self._opened_at < self.cooldown_s:
                    raise CircuitOpenError(self.key, self._opened_at + self.cooldown_s)
                self.state = "half-open"
            if self.state == "half-open":
                if self._probing:  # one probe at a time
                    raise CircuitOpenError(self.key, now)
                self._probing = True
        try:
            result = fn()
        except BaseException as err:
            self._record(failed=is_failure(err))
            raise
        self._record(failed=False)
        return result

    def _record(self, failed: bool) -> None:
        with self._lock:
            now = time.monotonic()
            self._probing = False
            if not failed:
                if self.state == "half-open":
                    self._failures = []
                self.state = "closed"
                return
            self._failures = [t for t in self._failures if now - t < self.window_s] + [now]
            if self.state == "half-open" or len(self._failures) >= self.failure_threshold:
                self.state, self._opened_at = "open", now


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
