"""Retry with `retry-after`, jittered backoff and a retry budget.

The Python counterpart of content/recipes/retry.ts, with the same policy. Build the client with
`max_retries=0` when you use this: the SDK's own retry (2 retries by default) cannot share a budget
across calls. Errors are classified by `error.details.error_code` and `error.type`, never by a missing
header; an error event after HTTP 200 is raised with status_code 200 and is judged by its error.type.
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


def _error(err: anthropic.APIStatusError) -> Mapping[str, Any]:
    body = err.body
    if isinstance(body, Mapping):
        error = body.get("error", body)
        if isinstance(error, Mapping):
            return error
    return {}


def error_code(err: anthropic.APIStatusError) -> Optional[str]:
    """`error.details.error_code` from the body: the stable name of the cause."""
    details = _error(err).get("details")
    code = details.get("error_code") if isinstance(details, Mapping) else None
    return code if isinstance(code, str) else None


def error_type(err: anthropic.APIStatusError) -> Optional[str]:
    """`error.type` from the body, e.g. overloaded_error; the only signal of an error event after HTTP 200."""
    kind = _error(err).get("type")
    return kind if isinstance(kind, str) else None


SPEND_CAP_CODES = frozenset({"enforced_spend_limit_reached", "contract_spend_limit_reached"})


def is_spend_cap(err: BaseException) -> bool:
    """A spend cap (the tier's monthly one, or a contract's): a 429 whose error_code says so. No retry
    fixes it until the cap resets or is raised, so never retry it. A 429 without retry-after is NOT a
    spend cap: Bedrock's ThrottlingException and Vertex's RESOURCE_EXHAUSTED arrive exactly like that."""
    return (
        isinstance(err, anthropic.APIStatusError) and err.status_code == 429 and error_code(err) in SPEND_CAP_CODES
    )


def is_connection_drop(err: BaseException) -> bool:
    """A connection cut while a stream was being read: the SDK's HTTP library raises it as is (e.g.
    RemoteProtocolError, a TransportError), not wrapped in APIConnectionError, because the SDK had already
    returned the response. Matched by class name so it holds whichever httpx build the SDK depends on."""
    return any(cls.__name__ == "TransportError" for cls in type(err).__mro__)


def is_retryable(err: BaseException) -> bool:
    if isinstance(err, anthropic.APIConnectionError) or is_connection_drop(err):  # network error, reset, timeout
        return True
    if not isinstance(err, anthropic.APIStatusError):
        return False
    if err.status_code == 200:
        # An `error` event inside a stream: the SDK raises it with the 200 of the response, so read error.type.
        return error_type(err) in ("overloaded_error", "api_error", "rate_limit_error")
    if err.status_code == 429:
        # A rate limit, a ramp limit (ramp_limit_exceeded) or a cloud quota: a throttle. Only a spend cap is final.
        return not is_spend_cap(err)
    # 408 and 5xx (500 api_error, 503 storage_not_ready, 504 timeout_error, 529 overloaded_error) are transient.
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

    def balance(self) -> float:
        with self._lock:
            return self._balance

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


def summarize(client: anthropic.Anthropic, budget: RetryBudget, text: str, model: str = "claude-sonnet-5-5") -> str:
    """client = anthropic.Anthropic(max_retries=0); budget = RetryBudget(), both shared process-wide."""
    message = with_retry(
        lambda: client.messages.create(
            model=model,
            max_tokens=512,
            messages=[{"role": "user", "content": f"Summarize in two sentences:\n\n{text}"}],
        ),
        budget=budget,
    )
    return "".join(block.text for block in message.content if block.type == "text")
