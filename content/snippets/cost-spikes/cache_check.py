"""Does my prompt cache actually hit? Send the same request twice and read the usage fields.
Run it with your real system prompt and tools, not a toy one: the failure modes are in the details."""
from __future__ import annotations

import json
import os
from typing import Any, Optional

import anthropic


def check_cache(
    client: anthropic.Anthropic,
    model: str,
    system: str,
    tools: list[dict[str, Any]],
    min_cacheable_prompt: int,  # the model's minimum, from the model catalogue
) -> dict[str, Any]:
    # 1. Is the cacheable prefix long enough for this model at all?
    counted = client.messages.count_tokens(
        model=model,
        system=system,
        tools=tools,
        messages=[{"role": "user", "content": "."}],
    )

    def ask(question: str, previous_id: Optional[str]) -> Any:
        return client.messages.create(
            model=model,
            max_tokens=64,
            tools=tools,
            # The breakpoint goes on the last block that is identical across calls.
            system=[{"type": "text", "text": system, "cache_control": {"type": "ephemeral"}}],
            messages=[{"role": "user", "content": question}],
            # Ask the API to explain a miss against the previous response.
            extra_body={"diagnostics": {"previous_message_id": previous_id}},
        )

    # 2. Two calls with the same prefix and different questions, well inside the 5-minute TTL.
    first = ask("What is 2 + 2?", None)
    second = ask("What is 3 + 3?", first.id)

    diagnostics = getattr(second, "diagnostics", None) or (second.model_extra or {}).get("diagnostics")
    reason = None
    if isinstance(diagnostics, dict):
        reason = (diagnostics.get("cache_miss_reason") or {}).get("type")
    elif diagnostics is not None and getattr(diagnostics, "cache_miss_reason", None) is not None:
        reason = diagnostics.cache_miss_reason.type

    return {
        "prefix_tokens": counted.input_tokens,
        "below_minimum": counted.input_tokens < min_cacheable_prompt,
        "first_write": first.usage.cache_creation_input_tokens or 0,
        "second_read": second.usage.cache_read_input_tokens or 0,
        "miss_reason": reason,
    }


if __name__ == "__main__":
    # Usage: SYSTEM_PROMPT_FILE=prompt.txt MODEL=claude-sonnet-5-5 MIN_CACHEABLE=<minimum for that model>
    with open(os.environ.get("SYSTEM_PROMPT_FILE", "system-prompt.txt"), encoding="utf-8") as f:
        system_prompt = f.read()
    verdict = check_cache(
        anthropic.Anthropic(),
        os.environ.get("MODEL", "claude-sonnet-5-5"),
        system_prompt,
        [],
        int(os.environ.get("MIN_CACHEABLE", "0")),
    )
    print(json.dumps(verdict, indent=2))
