"""Refusals (Python twin of content/recipes/refusal.ts).

On current models a safety classifier can decline with HTTP 200 and stop_reason "refusal",
not an error. Never return or cache such a message as the answer. Fix it with server-side
`fallbacks` (beta), the SDK middleware, or a retry on another model that echoes
stop_details.fallback_credit_token so the retry does not pay the cache writes again.
"""

from __future__ import annotations

from typing import Any, Optional

import anthropic

# Send on every request that may be refused, so a refusal carries a credit token.
FALLBACK_CREDIT_BETA = "fallback-credit-2026-07-01"
CREDIT_HEADERS = {"anthropic-beta": FALLBACK_CREDIT_BETA}


def is_refusal(message: anthropic.types.Message) -> bool:
    return message.stop_reason == "refusal"


def fallback_credit_token(message: anthropic.types.Message) -> Optional[str]:
    details = getattr(message, "stop_details", None)
    token = getattr(details, "fallback_credit_token", None) if details is not None else None
    if token is None and details is not None and getattr(details, "model_extra", None):
        token = details.model_extra.get("fallback_credit_token")  # older SDKs keep unknown fields here
    return token if isinstance(token, str) and token else None


class RefusalError(Exception):
    def __init__(self, refused: anthropic.types.Message, model: str) -> None:
        category = getattr(getattr(refused, "stop_details", None), "category", None)
        super().__init__(f"{model} declined the request (category: {category or 'none given'})")
        self.refused, self.model = refused, model


def is_complete_answer(message: anthropic.types.Message) -> bool:
    """Safe to serve and cache: finished normally and says something (not refused, not cut at max_tokens)."""
    return message.stop_reason in ("end_turn", "stop_sequence", "tool_use") and len(message.content) > 0


def with_fallback_credit(params: dict[str, Any], refused: Optional[anthropic.types.Message]) -> dict[str, Any]:
    """The same body plus the refusal's credit token (best effort: the retry is served even if it cannot redeem)."""
    token = fallback_credit_token(refused) if refused is not None else None
    if token is None:
        return params
    extra = {**params.get("extra_body", {}), "fallback_credit_token": {"token": token, "mode": "best_effort"}}
    return {**params, "extra_body": extra}
