from typing import Any

import anthropic

# Models that reject temperature/top_p/top_k with a 400. Extend from each new model's migration guide.
REJECTS_SAMPLING = ("claude-opus-4-7", "claude-opus-4-8")
# Models that reject inference_geo with a 400 (it exists from the 4.6 generation on).
NO_INFERENCE_GEO = ("claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1")


def _matches(prefixes: tuple[str, ...], model: str) -> bool:
    return any(model == p or model.startswith(p + "-") for p in prefixes)


def params_for_model(client: anthropic.Anthropic, req: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Fit one request to its model: capability flags from the Models API where they
    exist, a short list where they do not. Returns the changes so they get logged.
    req keys: model, max_tokens, messages, system?, temperature?, top_p?, top_k?,
    thinking_budget?, effort?, inference_geo?"""
    model = req["model"]
    caps = client.models.retrieve(model).capabilities
    changes: list[str] = []
    params: dict[str, Any] = {k: req[k] for k in ("model", "max_tokens", "messages", "system") if k in req}

    for key in ("temperature", "top_p", "top_k"):
        if key in req:
            if _matches(REJECTS_SAMPLING, model):
                changes.append(f"dropped {key}: {model} rejects sampling parameters")
            else:
                params[key] = req[key]

    if "thinking_budget" in req:
        types = caps.thinking.types if caps else None
        if types and types.enabled.supported:
            params["thinking"] = {"type": "enabled", "budget_tokens": req["thinking_budget"]}
        elif types and types.adaptive.supported:
            params["thinking"] = {"type": "adaptive"}
            changes.append(f"thinking: budget_tokens -> adaptive on {model}")
        else:
            changes.append(f"dropped thinking: {model} reports no thinking support")

    if "effort" in req:
        effort = caps.effort if caps else None
        level = getattr(effort, req["effort"], None) if effort else None
        if effort and effort.supported and level and level.supported:
            params["output_config"] = {"effort": req["effort"]}
        else:
            changes.append(f"dropped effort {req['effort']!r}: not supported by {model}")

    if "inference_geo" in req:
        if _matches(NO_INFERENCE_GEO, model):
            changes.append(f"dropped inference_geo: {model} rejects it")
        else:
            params["inference_geo"] = req["inference_geo"]
    return params, changes
