"""The seven answers behind a model choice, kept next to the routing config, and a
check that says when production has drifted far enough to ask them again. Run
recheck() from a daily job over your usage log; any reason it returns is a prompt
to re-run the diagnostic (/diagnose/) for that task.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass
class Answers:
    difficulty: Literal["simple", "standard", "hard"]  # 1. task type and difficulty
    quality_bar: float  # 2. minimum pass rate on the task's eval set, 0-1
    latency_budget_ms: float  # 3. p95 the product can live with
    requests_per_day: int  # 4. volume
    p95_input_tokens: int  # 5. context size
    uses_tools: bool  # 6. tool use
    monthly_budget_usd: float  # 7. budget


@dataclass
class ModelDecision:
    task: str
    model: str  # the API id the routing module sends
    decided_on: str  # YYYY-MM-DD
    answers: Answers


@dataclass
class Observed:
    pass_rate: float
    p95_latency_ms: float
    requests_per_day: int
    p95_input_tokens: int
    tool_call_share: float
    projected_monthly_usd: float


def recheck(d: ModelDecision, o: Observed) -> list[str]:
    a = d.answers
    reasons: list[str] = []
    if o.pass_rate < a.quality_bar:
        reasons.append(f"pass rate {o.pass_rate} is under the bar {a.quality_bar}")
    if o.p95_latency_ms > a.latency_budget_ms:
        reasons.append(f"p95 {o.p95_latency_ms} ms is over the budget {a.latency_budget_ms} ms")
    if o.requests_per_day > 2 * a.requests_per_day:
        reasons.append(
            f"volume {o.requests_per_day}/day is over twice the planned {a.requests_per_day}: "
            "recheck rate limits, caching and Batch"
        )
    if o.p95_input_tokens > 2 * a.p95_input_tokens:
        reasons.append(
            f"p95 input {o.p95_input_tokens} tokens is over twice the planned {a.p95_input_tokens}: "
            "recheck the context window"
        )
    if not a.uses_tools and o.tool_call_share > 0:
        reasons.append("the task now uses tools: recheck tool-use reliability on this model")
    if o.projected_monthly_usd > a.monthly_budget_usd:
        reasons.append(f"projected ${o.projected_monthly_usd:.0f}/month is over the budget ${a.monthly_budget_usd}")
    return reasons
