"""Retry with `retry-after`, jittered backoff and a retry budget.

The Python counterpart of content/recipes/retry.ts, with the same policy. Build the client with
`max_retries=0` when you use this: the SDK's own retry (2 retries by default) retries every 429,
the monthly spend cap included, and it cannot share a budget across calls.
"""
from __future__ import annotations

import random
import threading
import time
from typing import Any, Callable, Mapping, Optional, TypeVar

import anthropic

T = TypeVar("T")


def retry_after_seconds(err: anthropic.APIStatusError) -> Optional[float]:
    value = err.response.headers.get("retry-after")
    if value is None or value.strip() == "":
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def _error_code(err: anthropic.APIStatusError) -> Optional[str]:
    body = err.body
    if isinstance(body, Mapping):
        error = body.get("error", body)
        details = error.get("details") if isinstance(error, Mapping) else None
        if isinstance(details, Mapping) and isinstance(details.get("error_code"), str):
            return details["error_code"]
    return None


def is_spend_cap(err: anthropic.APIStatusError) -> bool:
    """The tier's monthly spend cap: a 429 with error_code enforced_spend_limit_reached and no
    retry-after. Every retry fails until the next month, so never retry it. A 429 without
    retry-after is treated the same way: the API did not say when to come back."""
    return err.status_code == 429 and (
        _error_code(err) == "enforced_spend_limit_reached" or retry_after_seconds(err) is None
    )


def is_retryable(err: BaseException) -> bool:
    if isinstance(err, anthropic.APIConnectionError):  # network error or client timeout
        return True
    if not isinstance(err, anthropic.APIStatusError):
        return False
    if err.status_code == 429:
        return not is_spend_cap(err)
    # 408 and 5xx (500 api_error, 504 timeout_error, 529 overloaded_error) are transient.
    # Every other 4xx (400, 401, 403, 404, 413...) fails the same way every time.
    return err.status_code == 408 or err.status_code >= 500


class RetryBudget:
    """Shared by all calls: each call earns `ratio` of a retry, each retry spends one, up to `cap`.
    During an outage this keeps retries to about `ratio` of your traffic instead of multiplying it."""

    def __init__(self, ratio: float = 0.1, cap: float = 10) -> None:
        self.ratio = ratio
        self.cap = cap
        self._balance = cap
        self._lock = threading.Lock()

    def earn(self) -> None:
        with self._lock:
            self._balance = min(self.cap, self._balance + self.ratio)

    def try_spend(self) -> bool:
        with self._lock:
            if self._balance < 1:
                return False
            self._balance -= 1
            return True


def retry_delay_seconds(
    err: BaseException, attempt: int, base: float = 0.5, max_backoff: float = 8.0, max_wait: float = 60.0
) -> Optional[float]:
    """How long to wait before the next attempt, or None to give up (and fall back instead)."""
    asked = retry_after_seconds(err) if isinstance(err, anthropic.APIStatusError) else None
    if asked is not None:
        if asked > max_wait:
            return None
        return asked + random.random() * base  # never earlier than asked
    return random.random() * min(max_backoff, base * 2**attempt)  # full jitter


def with_retry(
    fn: Callable[[], T],
    max_attempts: int = 4,
    budget: Optional[RetryBudget] = None,
    sleep: Callable[[float], Any] = time.sleep,
) -> T:
    if budget is not None:
        budget.earn()
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as err:
            if not is_retryable(err) or attempt + 1 >= max_attempts:
                raise
            delay = retry_delay_seconds(err, attempt)
            if delay is None or (budget is not None and not budget.try_spend()):
                raise
            sleep(delay)
            attempt += 1


def summarize(client: anthropic.Anthropic, budget: RetryBudget, text: str) -> str:
    """client = anthropic.Anthropic(max_retries=0); budget = RetryBudget(), both shared process-wide."""
    message = with_retry(
        lambda: client.messages.create(
            model="claude-sonnet-4-6",
            max_tokens=512,
            messages=[{"role": "user", "content": f"Summarize in two sentences:\n\n{text}"}],
        ),
        budget=budget,
    )
    return "".join(block.text for block in message.content if block.type == "text")
