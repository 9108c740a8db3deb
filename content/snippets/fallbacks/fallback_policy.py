"""What to do with a failed Claude call: retry the same model, fall back, or stop.

Fall back only on errors about the API's capacity or health (429 from a rate
limit, 529, 5xx, timeouts). An error about your request (400, 404, 413) fails the
same way on every model and every cloud. A spend cap (error_code
enforced_spend_limit_reached or contract_spend_limit_reached) is a 429 that no
model billed to the same organisation can serve; only a provider billed
separately can. Classified by error code, never by a missing retry-after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import anthropic

from retry import error_code, error_type, is_connection_drop, is_spend_cap, retry_after_seconds  # rate-limits/retry.py


@dataclass(frozen=True)
class Action:
    kind: Literal["retry-same", "fall-back", "stop"]
    reason: str
    after_s: float = 0.0
    scope: Literal["model", "provider"] = "model"
    alert: bool = False


def decide(err: BaseException, attempt: int, remaining_s: float, max_same_model_wait_s: float = 2.0) -> Action:
    if isinstance(err, anthropic.APITimeoutError):
        return Action("fall-back", "timeout", scope="model")
    if isinstance(err, anthropic.APIConnectionError) or is_connection_drop(err):
        if attempt == 0:
            return Action("retry-same", "connection error", after_s=0.25)
        return Action("fall-back", "repeated connection errors", scope="provider", alert=True)
    if not isinstance(err, anthropic.APIStatusError):
        return Action("stop", "not an API error (a bug in our code?)", alert=True)

    status = err.status_code
    code = error_code(err)
    if status == 200:
        # An `error` event inside a stream: the SDK raises it with the response's 200; error.type decides.
        kind = error_type(err)
        if kind == "overloaded_error":
            return Action("fall-back", "overloaded mid-stream", scope="model")
        if kind == "api_error" and attempt == 0:
            return Action("retry-same", "api_error mid-stream", after_s=0.5)
        return Action("stop", f"stream error {kind}", alert=True)
    if status == 429:
        if is_spend_cap(err):
            # Every model billed to this organisation fails until the cap resets; only a provider billed separately can serve.
            return Action("fall-back", f"spend cap reached ({code})", scope="provider", alert=True)
        # A rate limit, a ramp limit or a cloud quota (Bedrock ThrottlingException, Vertex RESOURCE_EXHAUSTED,
        # which carry no retry-after): a throttle of this model's pool, never the spend cap.
        wait = retry_after_seconds(err)
        if attempt == 0 and wait is not None and wait <= min(max_same_model_wait_s, remaining_s):
            return Action("retry-same", f"{code or 'rate limited'}, short retry-after", after_s=wait)
        return Action("fall-back", code or "rate limited", scope="model")
    if status == 503 and code == "storage_not_ready":
        # The workspace is still being connected to its storage: every model in it fails alike for a few minutes.
        if attempt == 0 and remaining_s > 5:
            return Action("retry-same", "storage_not_ready", after_s=5.0)
        return Action("fall-back", "storage_not_ready", scope="provider")
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
