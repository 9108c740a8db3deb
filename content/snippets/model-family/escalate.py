"""Route up only when the answer fails a check you can run in code.
The ladder starts at the cheapest model that passes most of your eval set."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field

import anthropic
from anthropic.types import Usage

# Returns None when the output is acceptable, else why it is not.
Check = Callable[[str], "str | None"]


@dataclass
class Attempt:
    model: str
    passed: bool
    reason: str
    usage: Usage


@dataclass
class Escalated:
    text: str | None  # None when every model failed the check
    attempts: list[Attempt] = field(default_factory=list)


def answer_with_escalation(
    prompt: str,
    check: Check,
    ladder: tuple[str, ...] = ("claude-sonnet-5-5", "claude-opus-5-5"),
) -> Escalated:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    result = Escalated(text=None)
    for model in ladder:
        message = client.messages.create(
            model=model,
            max_tokens=8_000,
            messages=[{"role": "user", "content": prompt}],
        )
        text = "".join(b.text for b in message.content if b.type == "text")
        # A refusal (HTTP 200, empty text) is a reason to try the next model, not a bad answer.
        stopped = {"max_tokens": "cut off at max_tokens", "refusal": "refused"}.get(message.stop_reason or "")
        reason = stopped or check(text)
        result.attempts.append(Attempt(model, reason is None, reason or "ok", message.usage))
        if reason is None:
            result.text = text
            return result
    return result


def has_steps(text: str) -> str | None:
    """Example check: the answer must be JSON with a non-empty "steps" array."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return "not valid JSON"
    if not isinstance(value, dict) or "steps" not in value:
        return 'no "steps" field'
    steps = value["steps"]
    return None if isinstance(steps, list) and steps else 'empty "steps"'
