"""One logical request over an ordered list of routes (model x provider), with a
deadline, a circuit breaker per route and ONE retry budget shared by retries and
fallbacks. Build every client with max_retries=0: this loop is the only place
that retries, so an outage cannot multiply your traffic.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Union

import anthropic

from circuit_breaker import BreakerRegistry, CircuitOpenError
from fallback_policy import decide
from refusal import CREDIT_HEADERS, RefusalError, is_refusal, with_fallback_credit
from retry import RetryBudget  # rate-limits/retry.py: thread-safe, shared process-wide

Client = Union[anthropic.Anthropic, anthropic.AnthropicBedrock, anthropic.AnthropicVertex]


@dataclass
class Route:
    name: str  # for logs and metrics, e.g. "bedrock/sonnet-4-6"
    provider: str  # "anthropic" | "bedrock" | "vertex"
    client: Client
    model: str
    overrides: dict[str, Any] = field(default_factory=dict)
    drop: tuple[str, ...] = ()  # parameters this route must not send, e.g. ("output_config",)


class AllRoutesFailedError(Exception):
    def __init__(self, why: str, attempts: list[tuple[str, BaseException]]) -> None:
        super().__init__(why + ": " + "; ".join(f"{name} ({err!r})" for name, err in attempts))
        self.attempts = attempts


def resilient_create(
    routes: list[Route],
    params: dict[str, Any],
    budget: RetryBudget,
    breakers: BreakerRegistry,
    deadline_s: float = 30.0,
) -> tuple[anthropic.types.Message, str]:
    deadline = time.monotonic() + deadline_s
    attempts: list[tuple[str, BaseException]] = []
    skipped_providers: set[str] = set()
    refused = None  # the last refusal, whose credit token the next route echoes
    sent = 0
    budget.earn()

    for route in routes:
        if route.provider in skipped_providers:
            continue
        breaker = breakers.get(route.name)
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AllRoutesFailedError("deadline passed", attempts)
            if sent > 0 and budget.balance() < 1:
                raise AllRoutesFailedError("retry budget exhausted", attempts)

            def send(route: Route = route, remaining: float = remaining) -> anthropic.types.Message:
                nonlocal sent
                if sent > 0:
                    budget.try_spend()  # every request after the first spends from the shared budget
                sent += 1
                # Fallback credit is a Claude API beta header; Bedrock and Vertex take their own flags.
                headers = CREDIT_HEADERS if route.provider == "anthropic" else {}
                client = route.client.with_options(timeout=remaining, max_retries=0, default_headers=headers)
                body = {k: v for k, v in {**params, **route.overrides}.items() if k not in route.drop}
                return client.messages.create(**with_fallback_credit(body, refused), model=route.model)

            try:
                message = breaker.call(send)
                if is_refusal(message):  # HTTP 200, but declined: the next route (another model) may answer
                    refused = message
                    attempts.append((route.name, RefusalError(message, route.model)))
                    break
                return message, route.name
            except CircuitOpenError as err:
                attempts.append((route.name, err))  # failed fast, nothing was sent: next route
                break
            except Exception as err:  # noqa: BLE001 - decide() classifies everything
                attempts.append((route.name, err))
                action = decide(err, attempt, deadline - time.monotonic())
                if action.kind == "stop":
                    raise
                if action.kind == "retry-same":
                    time.sleep(action.after_s)
                    attempt += 1
                    continue
                if action.scope == "provider":
                    skipped_providers.add(route.provider)
                break
    raise AllRoutesFailedError("every route failed", attempts)
