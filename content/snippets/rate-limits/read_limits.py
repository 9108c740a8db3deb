"""Read your organization's live rate limits from the response headers of a real call.

Every Messages API response carries them, successful or not, so log them on every request
instead of trusting a table copied from a blog post.
"""
from __future__ import annotations

import json
import logging
import os
from typing import Any, Mapping, Optional

import anthropic

log = logging.getLogger(__name__)

FAMILIES = ("requests", "input-tokens", "output-tokens", "tokens")


def _num(value: Optional[str]) -> Optional[float]:
    if value is None or value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        return None


def parse_rate_limit_headers(headers: Mapping[str, str]) -> dict[str, Any]:
    """Token "remaining" values are rounded to the nearest thousand; resets are RFC 3339."""
    snapshot: dict[str, Any] = {}
    for family in FAMILIES:
        prefix = f"anthropic-ratelimit-{family}"
        snapshot[family] = {
            "limit": _num(headers.get(f"{prefix}-limit")),
            "remaining": _num(headers.get(f"{prefix}-remaining")),
            "reset": headers.get(f"{prefix}-reset"),
        }
    snapshot["retry_after_seconds"] = _num(headers.get("retry-after"))
    return snapshot


def create_with_limits(client: anthropic.Anthropic, **params: Any) -> tuple[anthropic.types.Message, dict[str, Any]]:
    """Sends one request and returns the answer together with the limits that applied to it."""
    try:
        raw = client.messages.with_raw_response.create(**params)
    except anthropic.RateLimitError as err:
        # A 429 carries the same headers: log which window ran out before re-raising.
        log.warning("rate limited %s", json.dumps(parse_rate_limit_headers(err.response.headers)))
        raise
    return raw.parse(), parse_rate_limit_headers(raw.headers)


def print_my_limits(model: str) -> dict[str, Any]:
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    _, limits = create_with_limits(
        client,
        model=model,
        max_tokens=16,
        messages=[{"role": "user", "content": "ping"}],
    )
    print(model, json.dumps(limits, indent=2))
    return limits
