"""One structured log line per Claude call: which task, which model, and every billed token
category from `usage`. Spend questions ("what doubled?") become a GROUP BY instead of a guess."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Mapping, Optional

import anthropic

# USD per million tokens, loaded from your own config (copy it from the pricing page):
# {"us_geo_multiplier": ..., "web_search_per_1000": ...,
#  "models": {"claude-sonnet-5-5": {"input": ..., "output": ..., "cache_write_5m": ..., "cache_write_1h": ..., "cache_read": ...,
#                                   "fast": {...same keys...},   # only models with fast mode (speed "fast")
#                                   "above": {"prompt_tokens": ..., "rates": {...}}}}}  # Haiku 5.5's prompt tier
Prices = Mapping[str, Any]


def _get(obj: Any, name: str, default: int = 0) -> int:
    value = getattr(obj, name, None) if obj is not None else None
    return value if isinstance(value, int) else default


def _rates(price: Mapping[str, Any], prompt_tokens: int, speed: Optional[str]) -> Optional[Mapping[str, float]]:
    if speed == "fast":
        return price.get("fast")  # unknown fast rates: do not guess the standard ones
    above = price.get("above")
    return above["rates"] if above and prompt_tokens > above["prompt_tokens"] else price


def to_usage_record(task: str, max_tokens: int, message: Any, request_id: Optional[str], prices: Prices) -> dict[str, Any]:
    u = message.usage
    creation = getattr(u, "cache_creation", None)
    write_5m = _get(creation, "ephemeral_5m_input_tokens", _get(u, "cache_creation_input_tokens"))
    write_1h = _get(creation, "ephemeral_1h_input_tokens")
    read = _get(u, "cache_read_input_tokens")
    thinking = _get(getattr(u, "output_tokens_details", None), "thinking_tokens")
    speed = getattr(u, "speed", None)
    geo = getattr(u, "inference_geo", None)
    web_searches = _get(getattr(u, "server_tool_use", None), "web_search_requests")
    price = prices["models"].get(message.model)
    rates = _rates(price, u.input_tokens + write_5m + write_1h + read, speed) if price is not None else None
    cost = None
    if rates is not None:  # unknown model or rate: log it anyway, a missing price is itself a finding
        tokens_usd = (
            u.input_tokens * rates["input"]
            + write_5m * rates["cache_write_5m"]
            + write_1h * rates["cache_write_1h"]
            + read * rates["cache_read"]
            + u.output_tokens * rates["output"]
        ) / 1_000_000
        geo_factor = prices["us_geo_multiplier"] if geo == "us" else 1.0
        cost = tokens_usd * geo_factor + web_searches * prices["web_search_per_1000"] / 1_000
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
        "speed": speed,  # "fast" = fast-mode rates
        "inference_geo": geo,  # "us" = US-only inference, a multiplier on every category
        "web_searches": web_searches,
        "max_tokens": max_tokens,
        "stop_reason": message.stop_reason,  # "refusal" is billed too: count it
        "cost_usd": cost,
    }


def logged_create(client: anthropic.Anthropic, task: str, prices: Prices, **params: Any) -> Any:
    """Wrap every call site with this (or do it once in your routing module)."""
    raw = client.messages.with_raw_response.create(**params)
    message = raw.parse()
    record = to_usage_record(task, params["max_tokens"], message, raw.headers.get("request-id"), prices)
    print(json.dumps(record))
    return message
