"""JSON that always parses: constrain the output with a JSON schema (structured outputs),
detect truncation and refusals, validate, and retry once with the validation error."""
from __future__ import annotations

import json
import os
from typing import Any

import anthropic
from anthropic.types import MessageParam

CATEGORIES = ["billing", "bug", "feature", "account", "other"]
TICKET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "category": {"type": "string", "enum": CATEGORIES},
        "urgent": {"type": "boolean"},
        "summary": {"type": "string"},
    },
    "required": ["category", "urgent", "summary"],
    "additionalProperties": False,
}


def validate(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "not an object"
    if value.get("category") not in CATEGORIES:
        return "bad category"
    if not isinstance(value.get("urgent"), bool):
        return "urgent must be a boolean"
    if not isinstance(value.get("summary"), str) or not value["summary"]:
        return "summary must be a non-empty string"
    return None


def classify_ticket(text: str, model: str = "claude-haiku-5-5") -> dict[str, Any]:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    messages: list[MessageParam] = [
        {"role": "user", "content": f"Classify this support ticket.\n\n<ticket>\n{text}\n</ticket>"}
    ]
    for _ in range(2):
        message = client.messages.create(
            model=model,
            max_tokens=1_000,
            messages=messages,
            output_config={"format": {"type": "json_schema", "schema": TICKET_SCHEMA}},
        )
        # A refusal is an HTTP 200 with no JSON to fix: retrying here pays again for the same answer.
        # Hand it to your fallback path instead (see /guide/fallbacks/#refusals-http-200-with-stop_reason-refusal).
        if message.stop_reason == "refusal":
            category = getattr(getattr(message, "stop_details", None), "category", None)
            raise RuntimeError(f"refused by {model} (category {category or 'none'}): fall back, do not retry")
        # Truncated JSON is a max_tokens problem, not a model problem: never parse it.
        if message.stop_reason == "max_tokens":
            raise RuntimeError("output cut off: raise max_tokens")
        raw = "".join(b.text for b in message.content if b.type == "text")
        try:
            parsed = json.loads(raw)
            problem = validate(parsed)
            if problem is None:
                return parsed
        except json.JSONDecodeError as e:
            problem = f"invalid JSON: {e}"
        # One retry with the exact problem; a second failure goes to a human or a bigger model.
        messages += [
            {"role": "assistant", "content": raw},
            {"role": "user", "content": f"That output was rejected ({problem}). Return corrected JSON only."},
        ]
    raise RuntimeError("no valid ticket JSON after a retry")
