"""Tell apart the failures that look alike: your own rate limit, an acceleration (ramp) limit,
the monthly spend cap (a 429 that no retry will fix), and 529 overload (not your quota at all)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

import anthropic


@dataclass(frozen=True)
class Throttle:
    kind: str  # "spend-cap" | "acceleration" | "rate-limit" | "overloaded" | "not-a-throttle"
    retry: bool
    after_seconds: Optional[float] = None
    window: Optional[str] = None


def _error_code(body: Any) -> Optional[str]:
    if isinstance(body, Mapping):
        error = body.get("error", body)
        if isinstance(error, Mapping):
            details = error.get("details")
            if isinstance(details, Mapping) and isinstance(details.get("error_code"), str):
                return details["error_code"]
    return None


def _exhausted_window(headers: Mapping[str, str]) -> Optional[str]:
    for family in ("requests", "input-tokens", "output-tokens", "tokens"):
        if headers.get(f"anthropic-ratelimit-{family}-remaining") == "0":
            return family
    return None


def classify_throttle(err: BaseException) -> Throttle:
    if not isinstance(err, anthropic.APIStatusError):
        return Throttle("not-a-throttle", retry=False)
    if err.status_code == 529:
        return Throttle("overloaded", retry=True)
    if err.status_code != 429:
        return Throttle("not-a-throttle", retry=False)

    headers = err.response.headers
    code = _error_code(err.body)
    retry_after = headers.get("retry-after")
    after = float(retry_after) if retry_after is not None else None

    if code == "enforced_spend_limit_reached":
        return Throttle("spend-cap", retry=False)
    if code == "ramp_limit_exceeded":
        return Throttle("acceleration", retry=True, after_seconds=after)
    if retry_after is None and code is not None:
        # Any other coded 429 without retry-after (for example a contract spend limit) will not clear by itself.
        return Throttle("spend-cap", retry=False)
    return Throttle("rate-limit", retry=True, after_seconds=after, window=_exhausted_window(headers))
