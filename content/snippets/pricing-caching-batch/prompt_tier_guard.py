"""Haiku 5.5 bills the WHOLE request at a higher rate once the prompt passes a size
threshold. For retrieval prompts, keep the best-ranked chunks that fit under it."""
from __future__ import annotations

import anthropic
from anthropic.types import MessageParam

# Prompt tokens above which Haiku 5.5 switches price tier (from the pricing page; re-check it).
HAIKU_5_5_TIER_ABOVE = 100_000
# count_tokens is an estimate of what the request will be billed for, so aim below the threshold, not at it.
TIER_HEADROOM = 0.97


def build(question: str, chunks: list[str]) -> list[MessageParam]:
    context = "\n".join(f'<doc index="{i + 1}">\n{c}\n</doc>' for i, c in enumerate(chunks))
    return [{"role": "user", "content": f"{context}\n\nQuestion: {question}"}]


def fit_under_tier(
    client: anthropic.Anthropic,
    system: str,
    question: str,
    chunks: list[str],  # sorted best first
    limit: int = int(HAIKU_5_5_TIER_ABOVE * TIER_HEADROOM),
) -> tuple[list[MessageParam], int, int]:
    """Returns (messages, chunks kept, prompt tokens) for the largest prefix under the tier."""

    def count(k: int) -> int:
        return client.messages.count_tokens(
            model="claude-haiku-5-5", system=system, messages=build(question, chunks[:k])
        ).input_tokens

    tokens = count(len(chunks))
    if tokens <= limit:
        return build(question, chunks), len(chunks), tokens

    # Binary search on how many chunks to keep: about log2(n) count_tokens calls.
    lo, hi = 0, len(chunks) - 1
    tokens = count(0)
    if tokens > limit:
        raise ValueError(f"system prompt and question alone are {tokens} tokens, over the {limit} budget")
    while lo < hi:
        mid = (lo + hi + 1) // 2
        t = count(mid)
        if t <= limit:
            lo, tokens = mid, t
        else:
            hi = mid - 1
    return build(question, chunks[:lo]), lo, tokens
