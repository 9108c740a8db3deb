import os
from dataclasses import dataclass
from typing import Any, Callable, Optional

import anthropic


@dataclass
class ToolSpec:
    definition: dict[str, Any]
    handler: Callable[[dict[str, Any]], str]


def _run_one(block: Any, tools: dict[str, ToolSpec]) -> dict[str, Any]:
    spec = tools.get(block.name)
    if spec is None:
        return {"type": "tool_result", "tool_use_id": block.id, "is_error": True, "content": f"Unknown tool {block.name}"}
    tool_input = block.input or {}
    required = spec.definition["input_schema"].get("required", [])
    missing = [k for k in required if tool_input.get(k) in (None, "")]
    if missing:
        return {
            "type": "tool_result",
            "tool_use_id": block.id,
            "is_error": True,
            "content": f"Missing required parameter(s): {', '.join(missing)}. Ask the user; do not guess.",
        }
    try:
        return {"type": "tool_result", "tool_use_id": block.id, "content": spec.handler(tool_input)}
    except Exception as err:  # a failed tool still needs a tool_result
        return {"type": "tool_result", "tool_use_id": block.id, "is_error": True, "content": str(err)}


class ToolLoopRefusal(RuntimeError):
    """The model declined (stop_reason "refusal", an HTTP 200): fall back to another model, see /guide/fallbacks/#refusals-http-200-with-stop_reason-refusal."""

    def __init__(self, model: str, category: Optional[str], history: list[dict[str, Any]]) -> None:
        super().__init__(f"{model} refused (category {category or 'none'}): fall back, do not retry on the same model")
        self.model, self.category, self.history = model, category, history


def run_tool_loop(
    model: str,
    system: str,
    user_text: str,
    specs: list[ToolSpec],
    max_tokens: int = 4096,
    max_turns: int = 20,
) -> tuple[str, list[dict[str, Any]]]:
    """Keeps the history valid on every path: assistant turns stored as returned,
    every tool_use answered in the next user message, truncated tool calls retried once
    (up to the model's output cap), refusals raised instead of returned as an answer."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    tools = {s.definition["name"]: s for s in specs}
    history: list[dict[str, Any]] = [{"role": "user", "content": user_text}]
    retried_truncation = False

    for _ in range(max_turns):
        res = client.messages.create(
            model=model,
            system=system,
            max_tokens=max_tokens,
            tools=[s.definition for s in specs],
            messages=history,
        )
        if res.stop_reason == "refusal":  # not an answer: never store it or act on its partial text
            raise ToolLoopRefusal(model, getattr(getattr(res, "stop_details", None), "category", None), history)
        if res.stop_reason == "max_tokens" and any(b.type == "tool_use" for b in res.content):
            # The last tool_use input may be truncated JSON: never run or store it.
            if retried_truncation:
                raise RuntimeError("Tool call still truncated after retry: shrink the tool input")
            # Double, but never past the model's output cap, which the Models API reports (None: unknown).
            cap = client.models.retrieve(model).max_tokens or max_tokens * 2
            if max_tokens >= cap:
                raise RuntimeError(f"Tool call truncated at the output cap of {model} ({cap}): shrink the tool input")
            retried_truncation = True
            max_tokens = min(max_tokens * 2, cap)
            continue

        history.append({"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in res.content]})
        calls = [b for b in res.content if b.type == "tool_use"]
        if res.stop_reason != "tool_use" or not calls:
            return "".join(b.text for b in res.content if b.type == "text"), history
        # Parallel calls: answer all of them in ONE user message.
        history.append({"role": "user", "content": [_run_one(c, tools) for c in calls]})
    raise RuntimeError("Tool loop did not finish within max_turns")
