from typing import Any

import anthropic

from switch_safely import thinking_off  # content/snippets/mixed-model-workflows/switch_safely.py

# Models that reject forced tool use (tool_choice "any" or "tool") with a 400. From each model's migration guide.
REJECTS_FORCED_TOOL = ("claude-sonnet-5-5",)
# Models that reject inference_geo with a 400 (it exists from the 4.6 generation on).
NO_INFERENCE_GEO = ("claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1")


def _matches(prefixes: tuple[str, ...], model: str) -> bool:
    return any(model == p or model.startswith(p + "-") for p in prefixes)


def params_for_model(client: anthropic.Anthropic, req: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Fit one request to its model: capability flags from the Models API where they
    exist, a short list where they do not. Returns the changes so they get logged.
    req keys: model, max_tokens, messages, system?, tools?, tool_choice?, temperature?,
    top_p?, top_k?, thinking_budget?, thinking_off?, effort?, inference_geo?"""
    model = req["model"]
    caps = client.models.retrieve(model).capabilities
    changes: list[str] = []
    params: dict[str, Any] = {k: req[k] for k in ("model", "max_tokens", "messages", "system", "tools") if k in req}

    # Sampling parameters: the API version that Python SDK 2.x and TypeScript SDK 1.x send rejects them
    # on every model, even at their defaults; Opus 4.7+ rejects them on any version; this SDK's
    # create() has no such argument.
    for key in ("temperature", "top_p", "top_k"):
        if key in req:
            changes.append(f"dropped {key}: rejected under the current API version; steer with the prompt or effort")

    if "tool_choice" in req:
        kind = req["tool_choice"].get("type")
        if kind in ("any", "tool") and _matches(REJECTS_FORCED_TOOL, model):
            params["tool_choice"] = {"type": "auto"}
            changes.append(f'tool_choice "{kind}" -> "auto": {model} rejects forced tool use; say which tool in the prompt')
        else:
            params["tool_choice"] = req["tool_choice"]

    if req.get("thinking_off"):
        off = thinking_off(caps)
        if off and off["type"] == "between_tools" and req.get("effort") in ("xhigh", "max"):
            # between_tools is a 400 at xhigh and max effort (Sonnet 5.5): keep the effort, leave thinking adaptive.
            changes.append(f'thinking off -> adaptive on {model}: between_tools is rejected at effort "{req["effort"]}"')
        else:
            if off:
                params["thinking"] = off
            if not off or off["type"] != "disabled":
                changes.append(f"thinking off -> {off['type'] if off else 'omitted'} on {model}")

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
