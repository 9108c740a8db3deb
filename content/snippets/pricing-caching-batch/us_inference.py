"""Keep inference in the US with inference_geo, only on models that accept it
(Claude 4.6 and later), and check where each request actually ran."""
from __future__ import annotations

import os
import warnings

import anthropic
from anthropic.types import Message

# Models that reject inference_geo with a 400. Keep this list in your model config.
NO_GEO = {
    "claude-opus-4-5",
    "claude-opus-4-5-20251101",
    "claude-sonnet-4-5",
    "claude-sonnet-4-5-20250929",
    "claude-haiku-4-5",
    "claude-haiku-4-5-20251001",
}


def ask_in_us(model: str, prompt: str) -> Message:
    if model in NO_GEO:
        # Fail closed: silently running outside the US would break the requirement.
        raise ValueError(f"{model} does not accept inference_geo; use a Claude 4.6 or later model")
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    message = client.messages.create(
        model=model,
        max_tokens=1_024,
        inference_geo="us",  # every token category is billed at the US multiplier
        messages=[{"role": "user", "content": prompt}],
    )
    geo = getattr(message.usage, "inference_geo", None)
    if geo != "us":
        warnings.warn(f'expected inference_geo "us", got {geo or "none"}')
    return message
