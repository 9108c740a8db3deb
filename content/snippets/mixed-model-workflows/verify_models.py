import os
import re

import anthropic

# Short names that work in Claude Code or a gateway but are not API model ids.
TOOL_ALIASES = {"haiku", "sonnet", "opus", "opusplan", "best", "fable", "default"}


def verify_configured_models(configured: dict[str, str]) -> dict[str, str]:
    """Run at startup (and in CI) for every model string in your config, including
    background jobs. Fails on tool-only aliases, dotted versions and unknown ids."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    resolved: dict[str, str] = {}
    errors: list[str] = []
    for use, model in configured.items():
        if model in TOOL_ALIASES or model.endswith("[1m]"):
            errors.append(f'{use}: "{model}" is a Claude Code alias, not an API model id')
            continue
        if re.search(r"\d\.\d", model):
            errors.append(f'{use}: "{model}" uses a dot; API ids use dashes (claude-sonnet-5-5)')
            continue
        try:
            info = client.models.retrieve(model)
        except anthropic.NotFoundError:
            errors.append(f'{use}: model "{model}" not found for this key')
            continue
        resolved[use] = info.id
        if info.lifecycle == "retired":
            errors.append(f"{use}: {info.id} is retired")
        elif info.lifecycle == "deprecated":
            retires = f", retires {info.retires_at}" if info.retires_at else ""
            print(f"warning: {use}: {info.id} is deprecated{retires}")
    if errors:
        raise RuntimeError("Model config problems:\n" + "\n".join(errors))
    return resolved


def record_model(use: str, expected: str, message: anthropic.types.Message) -> None:
    """Log which model actually answered, next to the one you meant."""
    line = {
        "use": use,
        "expected": expected,
        "served": message.model,
        "input": message.usage.input_tokens,
        "output": message.usage.output_tokens,
    }
    print(("model mismatch" if not message.model.startswith(expected) else "model used"), line)
