"""Model cascade (Python twin of content/recipes/cascade.ts): when a model is
overloaded, slow, out of rate limit, or declines the request (stop_reason "refusal"),
ask the next one; a refusal's fallback credit goes with the retry. A 400 or a spend
cap fails fast, because every model would fail the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import anthropic

from fallback_policy import decide
from refusal import CREDIT_HEADERS, RefusalError, is_refusal, with_fallback_credit


@dataclass
class Step:
    model: str
    # What must change for this model, e.g. drop=("output_config",) for Haiku 4.5 (it rejects effort).
    overrides: dict[str, Any] = field(default_factory=dict)
    drop: tuple[str, ...] = ()


OPUS_SONNET_HAIKU = [Step("claude-opus-5-5"), Step("claude-sonnet-5-5"), Step("claude-haiku-5-5")]


class CascadeExhaustedError(Exception):
    def __init__(self, failures: list[tuple[str, BaseException]]) -> None:
        super().__init__("every model failed: " + "; ".join(f"{m} ({e!r})" for m, e in failures))
        self.failures = failures


def cascade(
    client: anthropic.Anthropic, steps: list[Step], params: dict[str, Any], timeout_s: float = 120.0
) -> tuple[anthropic.types.Message, str]:
    """Returns the message and the model that answered: log it, and show it when it is not your first choice."""
    failures: list[tuple[str, BaseException]] = []
    # Per step. A non-streaming call holds the whole answer: size it to your longest legitimate output.
    fast = client.with_options(timeout=timeout_s, max_retries=0, default_headers=CREDIT_HEADERS)
    refused = None
    for step in steps:
        request = {k: v for k, v in {**params, **step.overrides}.items() if k not in step.drop}
        try:
            message = fast.messages.create(**with_fallback_credit(request, refused), model=step.model)
        except Exception as err:  # noqa: BLE001
            action = decide(err, attempt=1, remaining_s=timeout_s)
            if action.kind == "stop" or action.scope == "provider":
                raise  # 400, 404, spend cap…: the next model would fail the same way
            failures.append((step.model, err))
            continue
        if is_refusal(message):
            refused = message
            failures.append((step.model, RefusalError(message, step.model)))
            continue
        return message, step.model
    raise CascadeExhaustedError(failures)
