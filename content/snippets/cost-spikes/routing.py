"""Centralized model routing: the Python counterpart of content/recipes/routing.ts.

Code asks for a task ("classify"), never for a model. Changing a model, its max_tokens, its effort
or its daily token budget is a config change here (or in the MODEL_ROUTES environment variable).
"""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, replace
from typing import Any, Optional

import anthropic


@dataclass(frozen=True)
class Route:
    model: str
    max_tokens: int
    effort: Optional[str] = None  # output_config.effort; leave None for models that reject it (Haiku 4.5)
    daily_token_budget: Optional[int] = None  # input + output tokens per UTC day


DEFAULT_ROUTES: dict[str, Route] = {
    "classify": Route("claude-haiku-5-5", 256, effort="low", daily_token_budget=20_000_000),
    "summarize": Route("claude-sonnet-5-5", 2_000, effort="medium"),
    "code-review": Route("claude-opus-5-5", 16_000, effort="high"),
}


class BudgetExceededError(RuntimeError):
    pass


# MODEL_ROUTES uses the TypeScript recipe's field names, so one value configures services in both languages.
_FIELDS = {"model": "model", "maxTokens": "max_tokens", "effort": "effort", "dailyTokenBudget": "daily_token_budget"}


def routes_from_env(value: Optional[str] = None) -> dict[str, Route]:
    """MODEL_ROUTES='{"summarize": {"model": "claude-opus-5-5", "maxTokens": 4000}}' overrides single fields."""
    raw = value if value is not None else os.environ.get("MODEL_ROUTES", "")
    overrides: dict[str, Any] = json.loads(raw) if raw else {}
    routes = dict(DEFAULT_ROUTES)
    for task, fields in overrides.items():
        if task not in routes:
            raise ValueError(f'MODEL_ROUTES names an unknown task "{task}"')
        unknown = sorted(set(fields) - set(_FIELDS))
        if unknown:
            raise ValueError(f'MODEL_ROUTES["{task}"] has unknown fields {unknown}; use {sorted(_FIELDS)}')
        routes[task] = replace(routes[task], **{_FIELDS[k]: v for k, v in fields.items()})
    return routes


class Router:
    def __init__(self, client: anthropic.Anthropic, routes: Optional[dict[str, Route]] = None) -> None:
        self.client = client
        self.routes = routes if routes is not None else routes_from_env()
        self._used: dict[str, tuple[str, int]] = {}

    def create(self, task: str, messages: list[dict[str, Any]]) -> Any:
        route = self.routes[task]
        day = dt.datetime.now(dt.timezone.utc).date().isoformat()
        used_day, used = self._used.get(task, (day, 0))
        spent = used if used_day == day else 0
        if route.daily_token_budget is not None and spent >= route.daily_token_budget:
            raise BudgetExceededError(f'daily token budget for "{task}" is spent')

        extra = {"output_config": {"effort": route.effort}} if route.effort else None
        message = self.client.messages.create(
            model=route.model,
            max_tokens=route.max_tokens,
            messages=messages,
            extra_body=extra,
        )
        self._used[task] = (day, spent + message.usage.input_tokens + message.usage.output_tokens)
        return message
