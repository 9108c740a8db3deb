"""Cost per completed task, from your own logs: every attempt costs money,
only passing attempts deliver value. Prices are USD per million tokens, from your
model config (this guide's /models/ page lists them).

Python twin of cost-per-task.ts, with the same rules: 1-hour cache writes at the
1-hour rate and 5-minute writes at the 5-minute rate (from usage.cache_creation),
Batch at its multiplier, US-only inference (usage.inference_geo == "us") at its
multiplier, and a model's higher rates above a prompt size (Haiku 5.5: 100K tokens)."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class Prices:
    input: float
    output: float
    cache_write_5m: float
    cache_write_1h: float
    cache_read: float
    batch_multiplier: float = 0.5
    us_multiplier: float = 1.1
    # Every category at `long` rates when the prompt (input + cache writes + reads) exceeds `long_above` tokens.
    long_above: Optional[int] = None
    long: Optional["Prices"] = None


@dataclass(frozen=True)
class AttemptLog:
    task_id: str
    model: str
    passed: bool  # graded by your eval or a downstream check
    usage: dict[str, Any]  # message.usage.model_dump()
    batch: bool = False  # sent through the Message Batches API


def request_cost(usage: dict[str, Any], p: Prices, batch: bool = False) -> float:
    writes = usage.get("cache_creation_input_tokens") or 0
    reads = usage.get("cache_read_input_tokens") or 0
    writes_1h = min(writes, (usage.get("cache_creation") or {}).get("ephemeral_1h_input_tokens") or 0)
    prompt = usage["input_tokens"] + writes + reads
    rates = p.long if p.long is not None and p.long_above is not None and prompt > p.long_above else p
    multiplier = (p.batch_multiplier if batch else 1.0) * (p.us_multiplier if usage.get("inference_geo") == "us" else 1.0)
    return (
        usage["input_tokens"] * rates.input
        + (writes - writes_1h) * rates.cache_write_5m
        + writes_1h * rates.cache_write_1h
        + reads * rates.cache_read
        + usage["output_tokens"] * rates.output
    ) * multiplier / 1_000_000


def cost_per_completed_task(logs: list[AttemptLog], prices: dict[str, Prices]) -> list[dict[str, Any]]:
    spend: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    tasks: dict[str, set[str]] = defaultdict(set)
    done: dict[str, set[str]] = defaultdict(set)
    for log in logs:
        if log.model not in prices:
            raise KeyError(f"no prices for {log.model}")
        spend[log.model] += request_cost(log.usage, prices[log.model], log.batch)
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
