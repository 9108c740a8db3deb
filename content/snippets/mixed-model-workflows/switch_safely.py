from typing import Any, Optional

Msg = dict[str, Any]


def in_tool_loop(history: list[Msg]) -> bool:
    """True while the model is mid tool loop: the last message carries tool results."""
    if not history:
        return False
    last = history[-1]
    content = last["content"]
    return last["role"] == "user" and not isinstance(content, str) and any(
        b.get("type") == "tool_result" for b in content
    )


def _strip_thinking(history: list[Msg], start: int = 0) -> list[Msg]:
    out: list[Msg] = []
    for i, m in enumerate(history):
        if i < start or m["role"] != "assistant" or isinstance(m["content"], str):
            out.append(m)
            continue
        content = [b for b in m["content"] if b.get("type") not in ("thinking", "redacted_thinking")]
        # An assistant turn that held only thinking would become empty, which the API rejects.
        out.append({**m, "content": content or [{"type": "text", "text": "(no visible reply)"}]})
    return out


def prepare_for_switch(history: list[Msg], thinking_enabled: bool) -> list[Msg]:
    """Prepare a conversation for a different model or thinking setting.
    Inside a tool loop, finish on the current model first. If the target thinks, send the
    history as is: the API drops blocks the target cannot read, without an error and without
    billing them. With thinking off on the target, strip thinking blocks from earlier turns."""
    if in_tool_loop(history):
        raise RuntimeError("Conversation is mid tool loop: finish it on the current model, then switch")
    return list(history) if thinking_enabled else _strip_thinking(history)


def after_history_edit(history: list[Msg], edited_index: int) -> list[Msg]:
    """After editing message edited_index (or the system prompt or tools: pass 0), every thinking
    block from there on fails the prefix check: a 400 by default on newer accounts (Anthropic's
    preserved-thinking page gives the cut-off date). Blocks before the edit stay valid.
    Not inside a tool loop: its last assistant turn must keep the thinking block it starts with."""
    last_assistant = max((i for i, m in enumerate(history) if m["role"] == "assistant"), default=-1)
    if in_tool_loop(history) and edited_index <= last_assistant:
        raise RuntimeError("Conversation is mid tool loop: finish the loop, then edit earlier history")
    return _strip_thinking(history, max(0, edited_index))


def thinking_off(capabilities: Any) -> Optional[dict[str, str]]:
    """The "thinking off" setting the model accepts, from client.models.retrieve(model).capabilities.
    Sonnet 5.5 rejects {"type": "disabled"} with a 400 and takes {"type": "between_tools"}.
    None: thinking cannot be turned off on this model, so omit `thinking`."""
    types = getattr(getattr(capabilities, "thinking", None), "types", None)

    def supported(name: str) -> bool:
        part = getattr(types, name, None)
        if isinstance(part, dict):  # a key this SDK version has no type for arrives as a dict
            return bool(part.get("supported"))
        return bool(getattr(part, "supported", False))

    if types is None or supported("disabled"):
        return {"type": "disabled"}
    if supported("between_tools"):  # newer SDKs report it; older ones omit the key
        return {"type": "between_tools"}
    return None
