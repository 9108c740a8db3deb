import os
from dataclasses import dataclass
from typing import Any, Optional

import anthropic


@dataclass(frozen=True)
class ModelLimits:
    id: str
    context_window: int  # prompt and max_tokens share it
    max_output: int  # largest max_tokens the model accepts


_limits_cache: dict[str, ModelLimits] = {}


def get_model_limits(client: anthropic.Anthropic, model: str) -> ModelLimits:
    """Read the limits from the Models API once per model instead of hard-coding them."""
    if model in _limits_cache:
        return _limits_cache[model]
    info = client.models.retrieve(model)
    if info.max_input_tokens is None or info.max_tokens is None:
        raise RuntimeError(f"Models API has no limits for {model}; use your catalogue values")
    limits = ModelLimits(info.id, info.max_input_tokens, info.max_tokens)
    _limits_cache[model] = limits
    return limits


class PromptTooLongError(Exception):
    def __init__(self, input_tokens: int, context_window: int, model: str) -> None:
        super().__init__(f"prompt would be {input_tokens} tokens; {model} accepts {context_window}")
        self.input_tokens = input_tokens
        self.context_window = context_window
        self.model = model


def preflight(
    client: anthropic.Anthropic,
    params: dict[str, Any],
    long_context_model: Optional[str] = None,
) -> dict[str, Any]:
    """Count the prompt before sending. Move to the long-context model if it fits
    there, otherwise raise so the caller chunks or compacts instead of getting a 400."""
    count_args = {k: params[k] for k in ("model", "messages", "system", "tools", "tool_choice", "thinking") if k in params}
    input_tokens = client.messages.count_tokens(**count_args).input_tokens
    limits = get_model_limits(client, params["model"])
    if input_tokens + params["max_tokens"] <= limits.context_window:
        return params
    if long_context_model and long_context_model != params["model"]:
        long = get_model_limits(client, long_context_model)
        if input_tokens + params["max_tokens"] <= long.context_window:
            # Recount on the new model if it uses a different tokenizer generation.
            return {**params, "model": long_context_model}
    raise PromptTooLongError(input_tokens, limits.context_window, params["model"])


def create_checked(params: dict[str, Any], long_context_model: Optional[str] = None) -> anthropic.types.Message:
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    return client.messages.create(**preflight(client, params, long_context_model))
