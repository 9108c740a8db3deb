"""Before sending a very long prompt: count it, compare with the model's real window
(from GET /v1/models/{id}), and leave room for the reply."""
from __future__ import annotations

import os
from dataclasses import dataclass

import anthropic
from anthropic.types import MessageParam

from model_limits import get_model_limits

client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))


@dataclass(frozen=True)
class WindowCheck:
    model: str
    prompt_tokens: int
    max_input_tokens: int | None
    max_tokens: int
    fits: bool


def check_window(
    model: str, system: str, messages: list[MessageParam], max_tokens: int
) -> WindowCheck:
    limits = get_model_limits(model)
    prompt_tokens = client.messages.count_tokens(
        model=model, system=system, messages=messages
    ).input_tokens
    window = limits.max_input_tokens
    return WindowCheck(
        model=limits.id,
        prompt_tokens=prompt_tokens,
        max_input_tokens=window,
        max_tokens=max_tokens,
        # Prompt and max_tokens share the window: check both.
        fits=window is None or prompt_tokens + max_tokens <= window,
    )


def first_model_that_fits(
    models: list[str], system: str, messages: list[MessageParam], max_tokens: int
) -> WindowCheck | None:
    for model in models:
        check = check_window(model, system, messages, max_tokens)
        if check.fits:
            return check
    return None  # nothing fits: split the document instead (see the context-windows chapter)
