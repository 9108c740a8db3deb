"""Size max_tokens per task from what the task really produces: the p99 of logged output tokens
plus headroom, never the model's maximum. Run it over a week of usage-log records."""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Iterable, Mapping


def _quantile(sorted_values: list[int], q: float) -> int:
    if not sorted_values:
        return 0
    i = min(len(sorted_values) - 1, max(0, math.ceil(q * len(sorted_values)) - 1))
    return sorted_values[i]


def advise_max_tokens(records: Iterable[Mapping[str, Any]], headroom: float = 1.5, round_to: int = 64) -> list[dict[str, Any]]:
    by_task: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in records:
        by_task[r["task"]].append(r)
    advice = []
    for task, rows in by_task.items():
        values = sorted(int(r["output_tokens"]) for r in rows)
        p99 = _quantile(values, 0.99)
        advice.append(
            {
                "task": task,
                "samples": len(rows),
                "p50": _quantile(values, 0.5),
                "p99": p99,
                # share of calls that hit max_tokens: these need MORE room, not less
                "truncated_share": sum(1 for r in rows if r.get("stop_reason") == "max_tokens") / len(rows),
                "suggested_max_tokens": math.ceil(p99 * headroom / round_to) * round_to,
            }
        )
    return advice
