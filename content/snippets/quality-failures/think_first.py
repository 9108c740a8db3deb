"""Shallow answers on multi-step problems: let the model think before it answers.
Haiku 5.5, Sonnet 5.5, Opus 5.5 and the 4.6+ models take adaptive thinking, steered by effort; the
older Haiku 4.5 and Opus 4.5 (and the retired Sonnet 4.5) have only extended thinking with a fixed budget."""
from __future__ import annotations

import os
from typing import Any

import anthropic

BUDGET_ONLY = ("claude-haiku-4-5", "claude-sonnet-4-5", "claude-opus-4-5")


def solve(problem: str, model: str) -> tuple[str, int]:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    if model.startswith(BUDGET_ONLY):
        extra: dict[str, Any] = {"thinking": {"type": "enabled", "budget_tokens": 8_000}}
    else:
        extra = {"thinking": {"type": "adaptive"}, "output_config": {"effort": "high"}}
    message = client.messages.create(
        model=model,
        # Thinking counts toward max_tokens: leave room for the answer after it.
        max_tokens=12_000,
        messages=[{"role": "user", "content": problem}],
        **extra,
    )
    answer = "".join(b.text for b in message.content if b.type == "text")
    details = getattr(message.usage, "output_tokens_details", None)
    # What the thinking cost you, for the eval's cost column.
    return answer, (details.thinking_tokens if details else 0)
