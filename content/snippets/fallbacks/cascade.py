"""Model cascade (Python twin of content/recipes/cascade.ts): when a model is
overloaded, slow or out of rate limit, ask the next one. A 400 or the spend cap
fails fast, because every model would fail the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import anthropic

from fallback_policy import decide


@dataclass
class Step:
    model: str
    # What must change for this model, e.g. no output_config for Haiku 4.5 (it rejects effort).
    overrides: dict[str, Any] = field(default_factory=dict)
    drop: tuple[str, ...] = ()


OPUS_SONNET_HAIKU = [
    Step("claude-opus-4-7"),
    Step("claude-sonnet-4-6"),
    Step("claude-haiku-4-5-20251001", drop=("output_config",)),
]


class CascadeExhaustedError(Exception):
    def __init__(self, failures: list[tuple[str, BaseException]]) -> None:
        super().__init__("every model failed: " + "; ".join(f"{m} ({e!r})" for m, e in failures))
        self.failures = failures


def cascade(
    client: anthropic.Anthropic, steps: list[Step], params: dict[str, Any], timeout_s: float = 60.0
) -> tuple[anthropic.types.Message, str]:
    """Returns the message and the model that answered: log it, and show it when it is not your first choice."""
    failures: list[tuple[str, BaseException]] = []
    fast = client.with_options(timeout=timeout_s, max_retries=0)
    for step in steps:
        request = {k: v for k, v in {**params, **step.overrides}.items() if k not in step.drop}
        try:
            return fast.messages.create(**request, model=step.model), step.model
        except Exception as err:  # noqa: BLE001
            action = decide(err, attempt=1, remaining_s=timeout_s)
            if action.kind == "stop" or action.scope == "provider":
                raise  # 400, 404, spend cap…: the next model would fail the same way
            failures.append((step.model, err))
    raise CascadeExhaustedError(failures)
