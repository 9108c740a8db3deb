from typing import Any

Msg = dict[str, Any]
INTERRUPTED = "Tool call was interrupted; no result."


def _blocks(msg: Msg) -> list[dict[str, Any]]:
    content = msg["content"]
    return [{"type": "text", "text": content}] if isinstance(content, str) else list(content)


def _error_result(tool_use_id: str) -> dict[str, Any]:
    return {"type": "tool_result", "tool_use_id": tool_use_id, "is_error": True, "content": INTERRUPTED}


def repair_tool_pairs(history: list[Msg]) -> list[Msg]:
    """Make a stored history valid before resending it:
    1. every tool_use has a tool_result in the NEXT user turn (else add an error result);
    2. every tool_result answers a tool_use in the PREVIOUS assistant turn (else drop it)."""
    out: list[Msg] = []
    for i, msg in enumerate(history):
        prev = out[-1] if out else None
        if msg["role"] == "user":
            asked = (
                [b["id"] for b in _blocks(prev) if b.get("type") == "tool_use"]
                if prev is not None and prev["role"] == "assistant"
                else []
            )
            content = [b for b in _blocks(msg) if b.get("type") != "tool_result" or b["tool_use_id"] in asked]
            answered = {b["tool_use_id"] for b in content if b.get("type") == "tool_result"}
            filler = [_error_result(tid) for tid in asked if tid not in answered]
            # tool_result blocks must come before any text in the user turn.
            results = [b for b in content if b.get("type") == "tool_result"]
            others = [b for b in content if b.get("type") != "tool_result"]
            content = filler + results + others
            if content:
                out.append({"role": "user", "content": content})
            continue

        out.append(msg)
        calls = [b["id"] for b in _blocks(msg) if b.get("type") == "tool_use"]
        nxt = history[i + 1] if i + 1 < len(history) else None
        if msg["role"] == "assistant" and calls and (nxt is None or nxt["role"] != "user"):
            out.append({"role": "user", "content": [_error_result(tid) for tid in calls]})
    return out
