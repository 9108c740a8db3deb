"""The two request-level latency levers: fewer output tokens (a tight max_tokens plus an instruction
to be brief) and lower effort. Both cut cost too. Check quality on your eval set before shipping."""
from __future__ import annotations

from typing import Any, Optional

import anthropic


def fast_params(model: str, max_tokens: int, prompt: str, effort: Optional[str] = None) -> dict[str, Any]:
    """max_tokens: size it from the p99 of real output lengths for this task, not the model maximum.
    effort: "low" | "medium" | "high" | "xhigh" | "max"; Opus, Sonnet and Haiku 5.5 take it;
    omit it for Haiku 4.5, which rejects it."""
    params: dict[str, Any] = {
        "model": model,
        "max_tokens": max_tokens,
        "system": "Answer in at most three sentences. No preamble.",
        "messages": [{"role": "user", "content": prompt}],
    }
    if effort is not None:
        params["extra_body"] = {"output_config": {"effort": effort}}
    return params


def classify_ticket(client: anthropic.Anthropic, ticket: str) -> str:
    message = client.messages.create(
        **fast_params("claude-haiku-5-5", 200, f"Classify this ticket:\n\n{ticket}", effort="low")
    )
    if message.stop_reason == "max_tokens":
        print("answer cut off: raise max_tokens for this task")
    return "".join(block.text for block in message.content if block.type == "text")
