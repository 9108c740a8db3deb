"""A concurrency gate on reserved output: keep the sum of max_tokens of the requests *in flight*
under a share of your OTPM limit. The API charges max_tokens against OTPM when a request starts,
so ten parallel calls with a large max_tokens can be refused while the model writes almost nothing.
It bounds reservations in flight, not tokens per minute: many short calls in a row can still
exceed OTPM, so keep a rate pacer (pacer.py) in front of it."""
from __future__ import annotations

import threading
from typing import Any, Callable, Mapping, TypeVar

import anthropic

T = TypeVar("T")


class OutputTokenGate:
    def __init__(self, otpm_limit: float, share: float = 0.8) -> None:
        # otpm_limit: read it from anthropic-ratelimit-output-tokens-limit; share: headroom for other callers
        self.otpm_limit = otpm_limit
        self.share = share
        self._reserved = 0
        self._cond = threading.Condition()

    def update_limit(self, headers: Mapping[str, str]) -> None:
        value = headers.get("anthropic-ratelimit-output-tokens-limit")
        if value and value.replace(".", "", 1).isdigit() and float(value) > 0:
            with self._cond:
                self.otpm_limit = float(value)

    def run(self, max_tokens: int, call: Callable[[], T]) -> T:
        with self._cond:
            budget = self.otpm_limit * self.share
            if max_tokens > budget:
                raise ValueError(f"max_tokens {max_tokens} alone exceeds the output budget {budget}")
            self._cond.wait_for(lambda: self._reserved + max_tokens <= self.otpm_limit * self.share)
            self._reserved += max_tokens
        try:
            return call()
        finally:
            with self._cond:
                self._reserved -= max_tokens
                self._cond.notify_all()


def gated_create(client: anthropic.Anthropic, gate: OutputTokenGate, **params: Any) -> Any:
    def call() -> Any:
        raw = client.messages.with_raw_response.create(**params)
        gate.update_limit(raw.headers)
        return raw.parse()

    return gate.run(params["max_tokens"], call)
