"""What to do with a failed Claude call: retry the same model, fall back, or stop.

Fall back only on errors about the API's capacity or health (429 from a rate
limit, 529, 5xx, timeouts). An error about your request (400, 404, 413) fails the
same way on every model and every cloud. The monthly spend cap is a 429 that no
Claude API model can serve until the month resets; only a provider billed
separately can.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

import anthropic


@dataclass(frozen=True)
class Action:
    kind: Literal["retry-same", "fall-back", "stop"]
    reason: str
    after_s: float = 0.0
    scope: Literal["model", "provider"] = "model"
    alert: bool = False


def _retry_after_s(err: anthropic.APIStatusError) -> Optional[float]:
    value = err.response.headers.get("retry-after")
    try:
        seconds = float(value) if value else None
    except ValueError:
        return None
    return seconds if seconds is not None and seconds >= 0 else None


def _error_code(err: anthropic.APIStatusError) -> Optional[str]:
    body = err.body if isinstance(err.body, dict) else {}
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    details = error.get("details") if isinstance(error.get("details"), dict) else {}
    code = details.get("error_code")
    return code if isinstance(code, str) else None


def decide(err: BaseException, attempt: int, remaining_s: float, max_same_model_wait_s: float = 2.0) -> Action:
    if isinstance(err, anthropic.APITimeoutError):
        return Action("fall-back", "timeout", scope="model")
    if isinstance(err, anthropic.APIConnectionError):
        if attempt == 0:
            return Action("retry-same", "connection error", after_s=0.25)
        return Action("fall-back", "repeated connection errors", scope="provider", alert=True)
    if not isinstance(err, anthropic.APIStatusError):
        return Action("stop", "not an API error (a bug in our code?)", alert=True)

    status = err.status_code
    if status == 429:
        wait = _retry_after_s(err)
        if _error_code(err) == "enforced_spend_limit_reached" or wait is None:
            return Action("fall-back", "spend cap reached", scope="provider", alert=True)
        if attempt == 0 and wait <= min(max_same_model_wait_s, remaining_s):
            return Action("retry-same", "rate limited, short retry-after", after_s=wait)
        return Action("fall-back", "rate limited", scope="model")
    if status == 529:
        return Action("fall-back", "overloaded", scope="model")
    if status in (408, 409, 500):
        if attempt == 0:
            return Action("retry-same", f"HTTP {status}", after_s=0.5)
        return Action("fall-back", f"repeated HTTP {status}", scope="model")
    if status in (401, 403):
        return Action("stop", "credentials or permissions: fix the key, do not mask it", alert=True)
    if status == 402:
        return Action("fall-back", "billing problem on this provider", scope="provider", alert=True)
    if status == 404:
        return Action("stop", "model or path not found", alert=True)
    if status >= 500:
        return Action("fall-back", f"HTTP {status}", scope="model")
    return Action("stop", f"HTTP {status}: the request is invalid on every model")
