"""How much of the output bill is thinking, and what does lowering effort buy? Run a sample of one
task's real prompts at each effort level and compare thinking tokens, output tokens and answers."""
from __future__ import annotations

from typing import Any, Sequence

import anthropic


def effort_sweep(
    client: anthropic.Anthropic,
    model: str,  # a model that accepts effort: see the effort column on /models/
    prompts: Sequence[str],
    levels: Sequence[str] = ("low", "medium", "high"),
    max_tokens: int = 8_000,
) -> list[dict[str, Any]]:
    rows = []
    for effort in levels:
        for i, prompt in enumerate(prompts):
            message = client.messages.create(
                model=model,
                max_tokens=max_tokens,
                messages=[{"role": "user", "content": prompt}],
                extra_body={"output_config": {"effort": effort}},
            )
            details = getattr(message.usage, "output_tokens_details", None)
            rows.append(
                {
                    "effort": effort,
                    "prompt": i,
                    "output_tokens": message.usage.output_tokens,
                    "thinking_tokens": getattr(details, "thinking_tokens", 0) if details is not None else 0,
                    # grade these with your eval before choosing a level
                    "answer": "".join(b.text for b in message.content if b.type == "text"),
                }
            )
    return rows
