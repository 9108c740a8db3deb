"""Haiku first, then Opus: the Python counterpart of content/recipes/refine.ts.

Let the fast, cheap model try, and escalate only what a cheap, reliable check rejects. When the
check passes, the user waited for Haiku; when it fails, Opus corrects Haiku's draft.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

import anthropic

DRAFT_MODEL = "claude-haiku-4-5-20251001"
REFINE_MODEL = "claude-opus-4-7"


@dataclass
class RefineResult:
    text: str
    model: str
    escalated: bool
    draft: Optional[str] = None


def _text(message: anthropic.types.Message) -> str:
    return "".join(block.text for block in message.content if block.type == "text")


def _retryable(err: Exception) -> bool:
    if isinstance(err, anthropic.APIConnectionError):
        return True
    return isinstance(err, anthropic.APIStatusError) and (err.status_code == 429 or err.status_code >= 500)


def draft_then_refine(
    client: anthropic.Anthropic,
    prompt: str,
    accept: Callable[[str], bool],  # parse the JSON, run the tests, match the schema
    draft_model: str = DRAFT_MODEL,
    refine_model: str = REFINE_MODEL,
    max_tokens: int = 4_000,
) -> RefineResult:
    ask = {"role": "user", "content": prompt}
    draft: Optional[str] = None
    try:
        draft = _text(client.messages.create(model=draft_model, max_tokens=max_tokens, messages=[ask]))
        if accept(draft):
            return RefineResult(draft, draft_model, escalated=False)
    except Exception as err:
        if not _retryable(err):
            raise  # a 400 would fail on Opus too
        # Haiku is overloaded or rate limited: go straight to Opus without a draft.

    messages = [ask] if draft is None else [
        ask,
        {"role": "assistant", "content": draft},
        {"role": "user", "content": "That draft did not pass review. Find its mistakes and write a corrected, complete answer."},
    ]
    final = _text(client.messages.create(model=refine_model, max_tokens=max_tokens, messages=messages))
    return RefineResult(final, refine_model, escalated=True, draft=draft)
