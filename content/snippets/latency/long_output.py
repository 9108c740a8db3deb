"""Long generations: stream them. The SDK refuses a non-streaming call whose max_tokens suggests it
could run past 10 minutes ("Streaming is required for operations that may take longer than
10 minutes"). Streaming keeps the connection busy with events, so nothing in between times it out,
and get_final_message() still hands you one complete Message at the end."""
from __future__ import annotations

import anthropic
from anthropic.types import Message


def generate_long_report(client: anthropic.Anthropic, model: str, prompt: str, max_tokens: int) -> Message:
    with client.messages.stream(
        model=model,
        max_tokens=max_tokens,  # within the model's output limit (see /models/)
        messages=[{"role": "user", "content": prompt}],
    ) as stream:
        message = stream.get_final_message()
    if message.stop_reason == "max_tokens":
        print(f"report truncated at {message.usage.output_tokens} output tokens")
    return message
