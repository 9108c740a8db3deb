"""With adaptive thinking, Opus 4.7 by default does not send you the thinking text
(display "omitted"): a stream goes quiet until the first text token, which users read as a hang.
Ask for summarized thinking and show it (or just a "thinking..." indicator driven by its deltas)."""
from __future__ import annotations

from typing import Any, Callable

import anthropic


def answer_with_visible_thinking(
    client: anthropic.Anthropic,
    prompt: str,
    on_thinking: Callable[[str], None],
    on_text: Callable[[str], None],
) -> Any:
    with client.messages.stream(
        model="claude-opus-4-7",
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
