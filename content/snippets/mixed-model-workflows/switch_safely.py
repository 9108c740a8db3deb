from typing import Any

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


def prepare_for_switch(history: list[Msg], thinking_enabled: bool) -> list[Msg]:
    """Prepare a conversation for a different model or thinking setting.
    Inside a tool loop, finish on the current model first. With thinking off on the
    target, strip thinking blocks from earlier assistant turns."""
    if in_tool_loop(history):
        raise RuntimeError("Conversation is mid tool loop: finish it on the current model, then switch")
    if thinking_enabled:
        return list(history)
    out: list[Msg] = []
    for m in history:
        if m["role"] != "assistant" or isinstance(m["content"], str):
            out.append(m)
            continue
        content = [b for b in m["content"] if b.get("type") not in ("thinking", "redacted_thinking")]
        # An assistant turn that held only thinking would become empty, which the API rejects.
        out.append({**m, "content": content or [{"type": "text", "text": "(no visible reply)"}]})
    return out
