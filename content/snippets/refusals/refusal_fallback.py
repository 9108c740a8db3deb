"""A refusal is an HTTP 200 with stop_reason "refusal": nothing raises, so code that only catches errors
returns it as an answer. Detect it, then let another model answer. Server-side fallbacks first; a manual
retry that carries the refusal's fallback credit token where server-side fallbacks are not available."""
from __future__ import annotations

from typing import Any

import anthropic

SERVER_SIDE_FALLBACK_BETA = "server-side-fallback-2026-07-01"
FALLBACK_CREDIT_BETA = "fallback-credit-2026-07-01"


def is_refusal(message: Any) -> bool:
    """A refused response is never an answer, even when it carries partial text."""
    return getattr(message, "stop_reason", None) == "refusal"


def _details(message: Any) -> dict[str, Any]:
    details = getattr(message, "stop_details", None)
    if details is None:
        return {}
    return details if isinstance(details, dict) else details.model_dump()


def ask_with_server_fallback(client: anthropic.Anthropic, **params: Any) -> Any:
    """Claude API (and Claude on Google Cloud when Anthropic manages it): the API retries a declined request
    on the model Anthropic recommends for the refusal category, in the same round trip, with fallback credit.
    `fallbacks` goes in extra_body so this works whether or not your SDK version types the field."""
    message = client.beta.messages.create(
        **params, betas=[SERVER_SIDE_FALLBACK_BETA], extra_body={"fallbacks": "default"}
    )
    if is_refusal(message):
        d = _details(message)
        hint = d.get("recommended_model")  # set when the fallback could not run (its pool exhausted, overloaded)
        raise RuntimeError(f"refused ({d.get('category') or 'no category'})" + (f"; retry on {hint}" if hint else ""))
    return message


def ask_with_manual_fallback(client: anthropic.Anthropic, fallback_model: str, **params: Any) -> Any:
    """Where server-side fallbacks are not offered: retry once on another model, passing the refusal's
    fallback credit token (short-lived: retry promptly) so the retry is not billed for the cache writes again."""
    first = client.beta.messages.create(**params, betas=[FALLBACK_CREDIT_BETA])
    if not is_refusal(first):
        return first
    d = _details(first)
    retry = dict(params, model=fallback_model)
    token = d.get("fallback_credit_token")
    extra: dict[str, Any] = {}
    if token:
        # Same request body, new model, token attached. best_effort: if the credit cannot be applied, the
        # retry is still served at the normal price and usage.fallback_credit says why.
        extra["fallback_credit_token"] = {"token": token, "mode": "best_effort"}
    second = client.beta.messages.create(**retry, betas=[FALLBACK_CREDIT_BETA], extra_body=extra)
    if is_refusal(second):
        raise RuntimeError(f"refused by {params['model']} and {fallback_model}")
    return second


if __name__ == "__main__":
    c = anthropic.Anthropic(max_retries=0)
    answer = ask_with_server_fallback(
        c, model="claude-sonnet-5-5", max_tokens=2048, messages=[{"role": "user", "content": "Hello"}]
    )
    print(answer.model, answer.stop_reason)
