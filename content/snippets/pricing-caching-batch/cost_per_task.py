"""Cost per completed task, from your own logs: every attempt costs money,
only passing attempts deliver value. Prices are USD per million tokens."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Prices:
    input: float
    output: float
    cache_write_5m: float
    cache_read: float


@dataclass(frozen=True)
class AttemptLog:
    task_id: str
    model: str
    passed: bool  # graded by your eval or a downstream check
    usage: dict[str, Any]  # message.usage.model_dump()


def request_cost(usage: dict[str, Any], p: Prices) -> float:
    return (
        usage["input_tokens"] * p.input
        + (usage.get("cache_creation_input_tokens") or 0) * p.cache_write_5m
        + (usage.get("cache_read_input_tokens") or 0) * p.cache_read
        + usage["output_tokens"] * p.output
    ) / 1_000_000


def cost_per_completed_task(logs: list[AttemptLog], prices: dict[str, Prices]) -> list[dict[str, Any]]:
    spend: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    tasks: dict[str, set[str]] = defaultdict(set)
    done: dict[str, set[str]] = defaultdict(set)
    for log in logs:
        if log.model not in prices:
            raise KeyError(f"no prices for {log.model}")
        spend[log.model] += request_cost(log.usage, prices[log.model])
        calls[log.model] += 1
        tasks[log.model].add(log.task_id)
        if log.passed:
            done[log.model].add(log.task_id)
    return [
        {
            "model": model,
            "spend": spend[model],
            "tasks": len(tasks[model]),
            "completed": len(done[model]),
            "cost_per_call": spend[model] / calls[model],
            "cost_per_completed_task": spend[model] / len(done[model]) if done[model] else math.inf,
        }
        for model in spend
    ]
