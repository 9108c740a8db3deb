"""Same text, two models: how many more tokens does the newer tokenizer count?
count_tokens counts the prompt without running the model."""
from __future__ import annotations

import os

import anthropic
from anthropic.types import MessageParam


def token_ratio(
    system: str,
    messages: list[MessageParam],
    old_model: str = "claude-sonnet-4-6",
    new_model: str = "claude-sonnet-5-5",
) -> dict[str, float]:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    old = client.messages.count_tokens(model=old_model, system=system, messages=messages)
    new = client.messages.count_tokens(model=new_model, system=system, messages=messages)
    return {"old": old.input_tokens, "new": new.input_tokens, "ratio": new.input_tokens / old.input_tokens}
