from typing import Any, Optional

import anthropic

from preflight import get_model_limits


def fit_max_tokens(
    client: anthropic.Anthropic,
    params: dict[str, Any],
    min_useful_output: int = 1024,
) -> Optional[dict[str, Any]]:
    """Shrink max_tokens so prompt + max_tokens fits the window and max_tokens stays
    under the model's output cap. None means too little room: compact or chunk."""
    limits = get_model_limits(client, params["model"])
    count_args = {k: params[k] for k in ("model", "messages", "system", "tools", "tool_choice", "thinking") if k in params}
    input_tokens = client.messages.count_tokens(**count_args).input_tokens
    room = limits.context_window - input_tokens
    max_tokens = min(params["max_tokens"], limits.max_output, room)
    if max_tokens < min_useful_output:
        return None
    fitted = {**params, "max_tokens": max_tokens}
    thinking = params.get("thinking")
    # With manual extended thinking, budget_tokens must stay below max_tokens.
    if thinking and thinking.get("type") == "enabled" and thinking["budget_tokens"] >= max_tokens:
        fitted["thinking"] = {**thinking, "budget_tokens": max_tokens - min_useful_output}
    return fitted
