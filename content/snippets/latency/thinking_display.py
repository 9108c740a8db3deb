"""Adaptive thinking is on by default on Sonnet 5.5 and always on for Fable 5.2; whether its text is streamed
depends on the model's default `display` (Opus 4.7 and Sonnet 5.5 do not return it). With it omitted, a stream goes quiet
until the first text token, which users read as a hang; Sonnet 5.5 also returns the text between
tool calls in thinking blocks. Ask for summarized thinking and show it (or a "thinking..." indicator)."""
from __future__ import annotations

from typing import Any, Callable

import anthropic


def answer_with_visible_thinking(
    client: anthropic.Anthropic,
    prompt: str,
    on_thinking: Callable[[str], None],
    on_text: Callable[[str], None],
    model: str = "claude-sonnet-5-5",
) -> Any:
    with client.messages.stream(
        model=model,
        max_tokens=16_000,
        messages=[{"role": "user", "content": prompt}],
        extra_body={"thinking": {"type": "adaptive", "display": "summarized"}},
    ) as stream:
        for event in stream:
            if event.type == "content_block_delta":
                if event.delta.type == "thinking_delta":
                    on_thinking(event.delta.thinking)
                elif event.delta.type == "text_delta":
                    on_text(event.delta.text)
        message = stream.get_final_message()
    # Billing is unchanged by display: thinking is charged as output tokens either way.
    details = getattr(message.usage, "output_tokens_details", None)
    thinking = getattr(details, "thinking_tokens", 0) if details is not None else 0
    print(f"output {message.usage.output_tokens} tokens, of which thinking {thinking}")
    return message
