"""One place that says which model (and effort) each task uses. Sonnet is the default;
every exception names its reason, so a reviewer can challenge it."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from typing import Any

import anthropic
from anthropic.types import Message


@dataclass(frozen=True)
class TaskModel:
    model: str
    max_tokens: int
    why: str
    effort: str | None = None  # "low" | "medium" | "high" | "xhigh" | "max"


DEFAULT = TaskModel(
    model="claude-sonnet-5-5",
    max_tokens=4_000,
    why="default: good enough for most production work at a mid-tier price",
)

TASK_MODELS: dict[str, TaskModel] = {
    "classify_ticket": TaskModel(
        model="claude-haiku-5-5",
        effort="low",
        max_tokens=200,
        why="short labels at volume; eval shows no loss against Sonnet",
    ),
    "summarize_thread": replace(DEFAULT, max_tokens=1_000),
    "draft_reply": DEFAULT,
    "plan_migration": TaskModel(
        model="claude-opus-5-5",
        effort="high",
        max_tokens=16_000,
        why="multi-step plan over a large codebase; Sonnet missed steps on our eval set",
    ),
}


def model_for(task: str) -> TaskModel:
    return TASK_MODELS.get(task, DEFAULT)


def run_task(task: str, prompt: str) -> Message:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    cfg = model_for(task)
    extra: dict[str, Any] = {"output_config": {"effort": cfg.effort}} if cfg.effort else {}
    message = client.messages.create(
        model=cfg.model,
        max_tokens=cfg.max_tokens,
        messages=[{"role": "user", "content": prompt}],
        **extra,
    )
    # One log line per call: cost per task and per model comes straight out of this.
    print(json.dumps({"task": task, "model": message.model, "usage": message.usage.model_dump()}))
    return message
