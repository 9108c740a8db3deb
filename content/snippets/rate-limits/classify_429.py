"""Tell apart the failures that look alike: your own rate limit, a ramp (acceleration) limit, a cloud
quota, a spend cap (a 429 that no retry will fix), and 529 overload (not your quota at all). Same rules as
retry.py (is_spend_cap), by error code, never by a missing header."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

import anthropic

from retry import error_code, error_type, is_spend_cap


@dataclass(frozen=True)
class Throttle:
    kind: str  # "spend-cap" | "acceleration" | "rate-limit" | "cloud-quota" | "overloaded" | "not-a-throttle"
    retry: bool
    after_seconds: Optional[float] = None
    window: Optional[str] = None


def _exhausted_window(headers: Mapping[str, str]) -> Optional[str]:
    for family in ("requests", "input-tokens", "output-tokens", "tokens"):
        if headers.get(f"anthropic-ratelimit-{family}-remaining") == "0":
            return family
    return None


def _cloud_quota(err: anthropic.APIStatusError) -> bool:
    """Bedrock names the exception in a header; Vertex puts a Google status in the body."""
    if err.response.headers.get("x-amzn-errortype", "").startswith("ThrottlingException"):
        return True
    body = err.body if isinstance(err.body, Mapping) else {}
    error = body.get("error")
    return isinstance(error, Mapping) and error.get("status") == "RESOURCE_EXHAUSTED"


def classify_throttle(err: BaseException) -> Throttle:
    if not isinstance(err, anthropic.APIStatusError):
        return Throttle("not-a-throttle", retry=False)
    if err.status_code == 529 or error_type(err) == "overloaded_error":
        return Throttle("overloaded", retry=True)
    if err.status_code != 429:
        return Throttle("not-a-throttle", retry=False)
    if is_spend_cap(err):
        return Throttle("spend-cap", retry=False)

    headers = err.response.headers
    retry_after = headers.get("retry-after")
    try:
        after = float(retry_after) if retry_after is not None else None
    except ValueError:
        after = None
    if error_code(err) == "ramp_limit_exceeded":
        return Throttle("acceleration", retry=True, after_seconds=after)
    if _cloud_quota(err):
        return Throttle("cloud-quota", retry=True, after_seconds=after)
    return Throttle("rate-limit", retry=True, after_seconds=after, window=_exhausted_window(headers))
