"""Build effort and thinking parameters that the chosen model accepts, from the
capabilities the Models API reports, so a model change never turns into a 400."""
from __future__ import annotations

import os
from typing import Any

import anthropic

from model_limits import get_model_limits

ORDER = ["low", "medium", "high", "xhigh", "max"]


def reasoning_params(model: str, wanted: str, thinking_budget: int = 8_000) -> dict[str, Any]:
    limits = get_model_limits(model)
    params: dict[str, Any] = {}

    # Effort: use the wanted level, else the nearest lower level the model has;
    # omit it on models that reject effort altogether (Haiku 4.5, Sonnet 4.5).
    candidates = list(reversed(ORDER[: ORDER.index(wanted) + 1]))
    effort = next((lvl for lvl in candidates if lvl in limits.effort_levels), None)
    if effort is not None:
        params["output_config"] = {"effort": effort}

    # Thinking: adaptive where supported (the only mode on Opus 4.7 and later),
    # a fixed budget on models that only have extended thinking.
    if limits.adaptive_thinking:
        params["thinking"] = {"type": "adaptive"}
    elif limits.budget_thinking:
        params["thinking"] = {"type": "enabled", "budget_tokens": thinking_budget}
    return params


def ask(model: str, prompt: str, wanted: str) -> str:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    message = client.messages.create(
        model=model,
        max_tokens=16_000,  # must stay above a thinking budget_tokens
        messages=[{"role": "user", "content": prompt}],
        # No temperature/top_p/top_k: the current API version rejects them on every model, and Opus 4.7+ on any version.
        **reasoning_params(model, wanted),
    )
    return "".join(block.text for block in message.content if block.type == "text")
