import os
from typing import Any

import anthropic


def measure_tool_overhead(
    models: list[str],
    tools: list[dict[str, Any]],
    tool_choice: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Measure what your tool definitions cost per request on each model: definitions
    plus the tool-use system prompt the API adds, which differs by model."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    messages = [{"role": "user", "content": "What is the status of order 1234?"}]
    results = []
    for model in models:
        base = client.messages.count_tokens(model=model, messages=messages)
        full = client.messages.count_tokens(
            model=model, messages=messages, tools=tools, tool_choice=tool_choice or {"type": "auto"}
        )
        results.append(
            {
                "model": model,
                "without_tools": base.input_tokens,
                "with_tools": full.input_tokens,
                "tool_tokens": full.input_tokens - base.input_tokens,
            }
        )
    return results
