"""Expected hourly cost of one cached prefix: no cache vs a 5-minute vs a 1-hour TTL.

Requests that share the prefix arrive at random (Poisson) at `per_hour`. A request finds
the cache warm if the previous one came within the TTL, assuming every hit refreshes the
TTL (documented for the 5-minute cache). Prices are USD per million tokens for YOUR
model; take them from the pricing page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class PrefixPrices:
    input: float
    cache_write_5m: float
    cache_write_1h: float
    cache_read: float


@dataclass(frozen=True)
class PrefixCost:
    no_cache: float
    ttl_5m: float
    ttl_1h: float
    hit_rate_5m: float
    hit_rate_1h: float


def prefix_cost_per_hour(prefix_tokens: int, per_hour: float, p: PrefixPrices) -> PrefixCost:
    if prefix_tokens < 0 or per_hour < 0:
        raise ValueError("need non-negative numbers")
    mtok = prefix_tokens / 1_000_000
    per_minute = per_hour / 60

    def hit_rate(ttl_minutes: float) -> float:
        return 1 - math.exp(-per_minute * ttl_minutes)

    def with_ttl(hit: float, write_price: float) -> float:
        return per_hour * mtok * (hit * p.cache_read + (1 - hit) * write_price)

    hit5, hit60 = hit_rate(5), hit_rate(60)
    return PrefixCost(
        no_cache=per_hour * mtok * p.input,
        ttl_5m=with_ttl(hit5, p.cache_write_5m),
        ttl_1h=with_ttl(hit60, p.cache_write_1h),
        hit_rate_5m=hit5,
        hit_rate_1h=hit60,
    )


def reads_to_break_even(p: PrefixPrices, ttl: Literal["5m", "1h"]) -> int:
    """Reads needed before a write pays for itself, from the model's own prices."""
    extra = (p.cache_write_5m if ttl == "5m" else p.cache_write_1h) - p.input
    saving = p.input - p.cache_read
    return math.ceil(extra / saving)
