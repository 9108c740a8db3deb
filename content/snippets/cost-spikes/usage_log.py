"""One structured log line per Claude call: which task, which model, and every billed token
category from `usage`. Spend questions ("what doubled?") become a GROUP BY instead of a guess."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping, Optional

import anthropic

# USD per million tokens, loaded from your own config (copy it from the pricing page):
# {"claude-sonnet-4-6": {"input": ..., "output": ..., "cache_write_5m": ..., "cache_write_1h": ..., "cache_read": ...}}
Prices = Mapping[str, Mapping[str, float]]


def _get(obj: Any, name: str, default: int = 0) -> int:
    value = getattr(obj, name, None) if obj is not None else None
    return value if isinstance(value, int) else default


def to_usage_record(task: str, max_tokens: int, message: Any, request_id: Optional[str], prices: Prices) -> dict[str, Any]:
    u = message.usage
    creation = getattr(u, "cache_creation", None)
    write_5m = _get(creation, "ephemeral_5m_input_tokens", _get(u, "cache_creation_input_tokens"))
    write_1h = _get(creation, "ephemeral_1h_input_tokens")
    read = _get(u, "cache_read_input_tokens")
    thinking = _get(getattr(u, "output_tokens_details", None), "thinking_tokens")
    price = prices.get(message.model)
    cost = None
    if price is not None:  # unknown model: log it anyway, a missing price is itself a finding
        cost = (
            u.input_tokens * price["input"]
            + write_5m * price["cache_write_5m"]
            + write_1h * price["cache_write_1h"]
            + read * price["cache_read"]
            + u.output_tokens * price["output"]
        ) / 1_000_000
    return {
        "ts": dt.datetime.now(dt.timezone.utc).isoformat(),
        "task": task,
        "model": message.model,
        "request_id": request_id,
        "input_tokens": u.input_tokens,
        "cache_write_5m_tokens": write_5m,
        "cache_write_1h_tokens": write_1h,
        "cache_read_tokens": read,
        "output_tokens": u.output_tokens,
        "thinking_tokens": thinking,  # included in output_tokens, billed as output
        "max_tokens": max_tokens,
        "stop_reason": message.stop_reason,
        "cost_usd": cost,
    }


def logged_create(client: anthropic.Anthropic, task: str, prices: Prices, **params: Any) -> Any:
    """Wrap every call site with this (or do it once in your routing module)."""
    raw = client.messages.with_raw_response.create(**params)
    message = raw.parse()
    record = to_usage_record(task, params["max_tokens"], message, raw.headers.get("request-id"), prices)
    print(json.dumps(record))
    return message
