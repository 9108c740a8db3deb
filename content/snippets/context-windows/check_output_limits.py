import os
from dataclasses import dataclass

import anthropic


@dataclass(frozen=True)
class TaskConfig:
    task: str
    model: str
    max_tokens: int


def check_output_limits(configs: list[TaskConfig]) -> list[str]:
    """Run at startup or in CI: fail fast when a configured max_tokens is above the
    model's output cap, instead of finding out from a 400 in production."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    problems: list[str] = []
    seen: dict[str, anthropic.types.ModelInfo] = {}
    for cfg in configs:
        info = seen.get(cfg.model) or client.models.retrieve(cfg.model)
        seen[cfg.model] = info
        if info.max_tokens is not None and cfg.max_tokens > info.max_tokens:
            problems.append(f"{cfg.task}: max_tokens {cfg.max_tokens} > {info.max_tokens}, the output cap of {info.id}")
        if info.max_input_tokens is not None and cfg.max_tokens >= info.max_input_tokens:
            problems.append(f"{cfg.task}: max_tokens leaves no room for a prompt in {info.id}")
    return problems
