"""Graceful degradation (Python twin of content/recipes/degrade.ts): when the full
request fails for capacity reasons or a spend cap, answer with something smaller and
say so. Order: full answer, reduced live answer, last good answer, fixed message. A
refusal or a max_tokens truncation is never served as the full answer nor cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, MutableMapping, Optional

import anthropic

from refusal import CREDIT_HEADERS, RefusalError, is_complete_answer, is_refusal, with_fallback_credit
from retry import is_retryable, is_spend_cap  # rate-limits/retry.py


@dataclass
class Answer:
    text: str
    degraded: bool
    source: str  # "live" | "reduced" | "cache" | "fallback"
    reason: Optional[BaseException] = None


def _text(message: anthropic.types.Message) -> str:
    return "".join(block.text for block in message.content if block.type == "text")


def _should_degrade(err: Exception) -> bool:
    # Capacity trouble and spend caps degrade; a 400 is a bug in the request: degrading would hide it.
    return is_retryable(err) or is_spend_cap(err)


def answer_or_degrade(
    client: anthropic.Anthropic,
    params: dict[str, Any],
    key: str,
    cache: MutableMapping[str, str],
    fallback_text: str,
    reduced: Optional[dict[str, Any]] = None,
    timeout_s: float = 30.0,
) -> Answer:
    # Degrading is for when waiting does not help: no SDK retries, and a deadline the caller can bear.
    live = client.with_options(timeout=timeout_s, max_retries=0, default_headers=CREDIT_HEADERS)
    refused = None
    try:
        message = live.messages.create(**params)
        if is_complete_answer(message):
            text = _text(message)
            cache[key] = text  # remember the last good answer: never a refusal or a truncation
            return Answer(text, degraded=False, source="live")
        refused = message if is_refusal(message) else None
        reason: BaseException = (
            RefusalError(message, params["model"]) if refused else RuntimeError(f"incomplete answer: {message.stop_reason}")
        )
    except Exception as err:  # noqa: BLE001
        if not _should_degrade(err):
            raise
        reason = err

    if reduced is not None:
        try:
            message = live.messages.create(**with_fallback_credit({**params, **reduced}, refused))
            if is_complete_answer(message):
                return Answer(_text(message), True, "reduced", reason)
        except Exception as err:  # noqa: BLE001
            if not _should_degrade(err):
                raise

    if key in cache:
        return Answer(cache[key], True, "cache", reason)
    return Answer(fallback_text, True, "fallback", reason)
