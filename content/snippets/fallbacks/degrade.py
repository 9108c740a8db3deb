"""Graceful degradation (Python twin of content/recipes/degrade.ts): when the full
request fails for capacity reasons, answer with something smaller and say so.
Order: full answer, reduced live answer, last good answer, fixed message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, MutableMapping, Optional

import anthropic

from fallback_policy import decide


@dataclass
class Answer:
    text: str
    degraded: bool
    source: str  # "live" | "reduced" | "cache" | "fallback"
    reason: Optional[BaseException] = None


def _text(message: anthropic.types.Message) -> str:
    return "".join(block.text for block in message.content if block.type == "text")


def _capacity_problem(err: Exception) -> bool:
    # A 400 is a bug in the request: degrading would hide it, so it propagates.
    return decide(err, attempt=1, remaining_s=0).kind != "stop"


def answer_or_degrade(
    client: anthropic.Anthropic,
    params: dict[str, Any],
    key: str,
    cache: MutableMapping[str, str],
    fallback_text: str,
    reduced: Optional[dict[str, Any]] = None,
) -> Answer:
    try:
        text = _text(client.messages.create(**params))
        cache[key] = text  # remember the last good answer
        return Answer(text, degraded=False, source="live")
    except Exception as err:  # noqa: BLE001
        if not _capacity_problem(err):
            raise
        reason: BaseException = err

    if reduced is not None:
        try:
            return Answer(_text(client.messages.create(**{**params, **reduced})), True, "reduced", reason)
        except Exception as err:  # noqa: BLE001
            if not _capacity_problem(err):
                raise

    if key in cache:
        return Answer(cache[key], True, "cache", reason)
    return Answer(fallback_text, True, "fallback", reason)
