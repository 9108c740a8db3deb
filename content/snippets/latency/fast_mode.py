"""Fast mode: the same model with faster output (more output tokens per second, per Anthropic),
at premium rates. It speeds up generation, not time to first token. Availability as of this guide's last check
(Anthropic's fast-mode page): GA on Opus 5.5, Fable 5.2 and Mythos 5.2; research preview on Opus 5
(beta header); removed from Opus 4.8 and Opus 4.7 (dates on Anthropic's page), where the API
now rejects the request. Keep the list in config: it changes with each model generation."""
from __future__ import annotations

from typing import Any, Callable

import anthropic

FAST_GA = {"claude-opus-5-5", "claude-fable-5-2", "claude-mythos-5-2"}
FAST_PREVIEW = {"claude-opus-5"}  # needs the fast-mode-2026-02-01 beta header


def stream_fast(client: anthropic.Anthropic, model: str, prompt: str, on_text: Callable[[str], None]) -> Any:
    # Never send speed "fast" to a model without it: on Opus 4.8 and 4.7 that is now a rejected request.
    fast = model in FAST_GA or model in FAST_PREVIEW
    # The Python SDK 1.x has no `speed` argument yet, so it goes in the body as-is.
    extra: dict[str, Any] = {"extra_body": {"speed": "fast"}} if fast else {}
    if model in FAST_PREVIEW:
        extra["extra_headers"] = {"anthropic-beta": "fast-mode-2026-02-01"}
    with client.messages.stream(
        model=model, max_tokens=4_096, messages=[{"role": "user", "content": prompt}], **extra
    ) as stream:
        for text in stream.text_stream:
            on_text(text)
        message = stream.get_final_message()
    # usage.speed says which speed served (and was billed for) this request: log it next to the cost.
    served = getattr(message.usage, "speed", None)
    if fast and served != "fast":
        print(f"{model}: asked for fast, served at {served}")
    return message
