"""Keep inference in the US with inference_geo, and fail closed: a compliance control must refuse
rather than run elsewhere. Two checks: an allow-list of models known to accept inference_geo, and
the response's usage.inference_geo, which must say "us" or the answer is not returned.
(Python twin of us-inference.ts, which reads the allow-list from this guide's catalogue.)"""
from __future__ import annotations

import anthropic
from anthropic.types import Message

# Allow-list: models documented to accept inference_geo (Claude 4.6 and later). Keep it in your model config;
# a model not on it is refused, so a new model must be added on purpose.
US_GEO_MODELS = {
    "claude-opus-5-5",
    "claude-sonnet-5-5",
    "claude-haiku-5-5",
    "claude-opus-5",
    "claude-opus-4-8",
    "claude-opus-4-7",
    "claude-opus-4-6",
    "claude-sonnet-4-6",
}


class NotInUsError(Exception):
    pass


def ask_in_us(client: anthropic.Anthropic, model: str, prompt: str) -> Message:
    if model not in US_GEO_MODELS:
        raise NotInUsError(f'{model} is not known to accept inference_geo "us"; refusing to send')
    message = client.messages.create(
        model=model,
        max_tokens=1_024,
        inference_geo="us",  # every token category is billed at the US multiplier
        messages=[{"role": "user", "content": prompt}],
    )
    geo = getattr(message.usage, "inference_geo", None)
    if geo != "us":
        # It ran (and is billed), but not where it had to: never hand the answer on.
        raise NotInUsError(f'expected inference_geo "us", got {geo or "none"} (request {message.id})')
    return message
