import math
import os
import time
from dataclasses import dataclass
from typing import Any, Callable

import anthropic


@dataclass
class EvalCase:
    id: str
    messages: list[dict[str, Any]]
    passes: Callable[[str], bool]  # code grader


@dataclass
class Prices:
    """USD per million tokens, from your catalogue."""
    input: float
    output: float


@dataclass
class ArmResult:
    model: str
    pass_rate: float
    cost_per_passed_task: float
    p95_ms: float
    errors: int
    refusals: int  # HTTP 200 with stop_reason "refusal": counted apart from wrong answers
    cut_offs: int  # stop_reason "max_tokens": thinking counts toward max_tokens; a budget problem, not a wrong answer


def _run_arm(client: anthropic.Anthropic, model: str, system: str, cases: list[EvalCase], prices: Prices) -> ArmResult:
    passed = errors = refusals = cut_offs = 0
    cost = 0.0
    latencies: list[float] = []
    for c in cases:
        start = time.perf_counter()
        try:
            # Room for thinking: current models think by default, and thinking counts toward max_tokens.
            res = client.messages.create(model=model, system=system, max_tokens=8000, messages=c.messages)
        except anthropic.APIStatusError:
            errors += 1  # a 400 on the candidate is a finding, not noise
            continue
        latencies.append((time.perf_counter() - start) * 1000)
        cost += (res.usage.input_tokens * prices.input + res.usage.output_tokens * prices.output) / 1e6
        refusals += res.stop_reason == "refusal"
        cut_offs += res.stop_reason == "max_tokens"
        if c.passes("".join(b.text for b in res.content if b.type == "text")):
            passed += 1
    latencies.sort()
    p95 = latencies[max(0, math.ceil(len(latencies) * 0.95) - 1)] if latencies else math.nan
    return ArmResult(model, passed / len(cases), cost / passed if passed else math.inf, p95, errors, refusals, cut_offs)


def eval_gate(
    system: str,
    cases: list[EvalCase],
    current: tuple[str, Prices],
    candidate: tuple[str, Prices],
    max_pass_rate_drop: float = 0.02,
    max_cost_ratio: float = 1.0,
    max_p95_ratio: float = 1.5,
) -> tuple[bool, ArmResult, ArmResult, list[str]]:
    """Run the current and the candidate model on the same cases and decide,
    with thresholds set before you look at the results."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    a = _run_arm(client, current[0], system, cases, current[1])
    b = _run_arm(client, candidate[0], system, cases, candidate[1])
    reasons = []
    if b.errors:
        reasons.append(f"{b.errors} requests failed on {b.model}")
    if b.refusals > a.refusals:
        reasons.append(f"refusals {a.refusals} -> {b.refusals}")
    if b.cut_offs:
        reasons.append(f"{b.cut_offs} answers cut off at max_tokens on {b.model}: raise max_tokens or lower effort, then re-run")
    if a.pass_rate - b.pass_rate > max_pass_rate_drop:
        reasons.append(f"pass rate {a.pass_rate} -> {b.pass_rate}")
    if b.cost_per_passed_task > a.cost_per_passed_task * max_cost_ratio:
        reasons.append("cost per passed task went up")
    if b.p95_ms > a.p95_ms * max_p95_ratio:
        reasons.append("p95 latency went up beyond the allowed ratio")
    return (not reasons, a, b, reasons)
