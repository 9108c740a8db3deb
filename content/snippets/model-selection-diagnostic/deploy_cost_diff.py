""""The bill tripled after a deploy": split the change in spend per task and model
into a volume effect (more calls) and a per-call effect (each call costs more), and
show which token category moved per call. Feed it usage-log rows (dicts with task,
model, input_tokens, cache_write_tokens, cache_read_tokens, output_tokens, cost_usd)
from two windows of equal length, before and after the deploy.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

FIELDS = ("cost_usd", "input_tokens", "cache_write_tokens", "cache_read_tokens", "output_tokens")


def _aggregate(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, float]]:
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: dict.fromkeys(("calls",) + FIELDS, 0.0))
    for r in rows:
        agg = out[(r["task"], r["model"])]
        agg["calls"] += 1
        for f in FIELDS:
            agg[f] += r[f]
    return out


def _per_call(agg: dict[str, float] | None, field: str) -> float:
    return agg[field] / agg["calls"] if agg and agg["calls"] else 0.0


def explain_cost_change(before: Iterable[dict[str, Any]], after: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Largest change first. A (task, model) that appears only after the deploy is a routing change."""
    b, a = _aggregate(before), _aggregate(after)
    changes = []
    for key in set(b) | set(a):
        x, y = b.get(key), a.get(key)
        calls_before = x["calls"] if x else 0.0
        calls_after = y["calls"] if y else 0.0
        changes.append(
            {
                "task": key[0],
                "model": key[1],
                "delta_usd": (y["cost_usd"] if y else 0.0) - (x["cost_usd"] if x else 0.0),
                "volume_effect_usd": (calls_after - calls_before) * _per_call(x, "cost_usd"),
                "per_call_effect_usd": calls_after * (_per_call(y, "cost_usd") - _per_call(x, "cost_usd")),
                "calls_before": calls_before,
                "calls_after": calls_after,
                "per_call_tokens": {f: _per_call(y, f) - _per_call(x, f) for f in FIELDS[1:]},
            }
        )
    return sorted(changes, key=lambda c: abs(c["delta_usd"]), reverse=True)
