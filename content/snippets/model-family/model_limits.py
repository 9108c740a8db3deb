"""Read a model's limits and capabilities from the Models API instead of hard-coding them.

GET /v1/models/{id} resolves aliases too: "claude-haiku-4-5" (still on 4.x) comes back as its dated id; the 5.5 ids are already pinned.
"""
from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass

import anthropic

client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))

EFFORT_LEVELS = ("low", "medium", "high", "xhigh", "max")


@dataclass(frozen=True)
class ModelLimits:
    id: str
    display_name: str
    lifecycle: str  # "active" | "deprecated" | "retired"
    retires_at: str | None
    max_input_tokens: int | None  # context window (input side)
    max_output_tokens: int | None  # highest value max_tokens may take
    effort_levels: tuple[str, ...]  # empty when the model rejects output_config.effort
    adaptive_thinking: bool
    budget_thinking: bool  # thinking={"type": "enabled", "budget_tokens": ...}


def _supported(obj: object, name: str) -> bool:
    part = getattr(obj, name, None)
    return bool(part is not None and getattr(part, "supported", False))


@functools.lru_cache(maxsize=64)
def get_model_limits(model: str) -> ModelLimits:
    info = client.models.retrieve(model)
    caps = info.capabilities
    effort = caps.effort if caps else None
    levels: tuple[str, ...] = ()
    if effort is not None and effort.supported:
        levels = tuple(level for level in EFFORT_LEVELS if _supported(effort, level))
    thinking_types = caps.thinking.types if caps else None
    return ModelLimits(
        id=info.id,
        display_name=info.display_name,
        lifecycle=info.lifecycle,
        retires_at=str(info.retires_at) if info.retires_at else None,
        max_input_tokens=info.max_input_tokens,
        max_output_tokens=info.max_tokens,
        effort_levels=levels,
        adaptive_thinking=_supported(thinking_types, "adaptive"),
        budget_thinking=_supported(thinking_types, "enabled"),
    )


def safe_max_tokens(model: str, requested: int) -> int:
    """Clamp a requested max_tokens to what the model accepts, instead of getting a 400."""
    limit = get_model_limits(model).max_output_tokens
    return requested if limit is None else min(requested, limit)


def print_limits(models: list[str]) -> None:
    for model in models:
        lim = get_model_limits(model)
        retires = f", retires {lim.retires_at}" if lim.retires_at else ""
        print(
            f"{lim.id} ({lim.lifecycle}{retires}): input {lim.max_input_tokens}, "
            f"max_tokens {lim.max_output_tokens}, "
            f"effort [{', '.join(lim.effort_levels) or 'not supported'}], "
            f"adaptive thinking {'yes' if lim.adaptive_thinking else 'no'}"
        )


if __name__ == "__main__":
    print_limits(sys.argv[1:] or ["claude-sonnet-5-5", "claude-haiku-5-5", "claude-opus-5-5"])
