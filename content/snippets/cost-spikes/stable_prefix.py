"""Build requests whose cacheable prefix is byte-identical on every call. The cache matches
tools -> system -> messages in that order, byte for byte: anything that varies (a timestamp,
the user's name, tools in a different order) must come after the last breakpoint."""
from __future__ import annotations

import json
from typing import Any


def _canonical(value: Any) -> Any:
    """Sort keys recursively so the same schema always serializes to the same bytes."""
    return json.loads(json.dumps(value, sort_keys=True))


def build_cached_request(
    model: str,
    max_tokens: int,
    static_instructions: str,  # never changes between calls: the part worth caching
    tools: list[dict[str, Any]],
    per_request_context: str,  # date, user, retrieved documents: goes AFTER the breakpoint
    question: str,
    ttl: str = "5m",  # "1h" when the same prefix comes back at gaps longer than 5 minutes
) -> dict[str, Any]:
    return {
        "model": model,  # caches are per model: a request routed to another model starts cold
        "max_tokens": max_tokens,
        "tools": [_canonical(t) for t in sorted(tools, key=lambda t: t["name"])],
        "system": [
            {"type": "text", "text": static_instructions, "cache_control": {"type": "ephemeral", "ttl": ttl}}
        ],
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": per_request_context},
                    {"type": "text", "text": question},
                ],
            }
        ],
    }

# Usage: client.messages.create(**build_cached_request(...))
