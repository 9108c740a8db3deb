import json
from typing import Any, Optional

import anthropic

Msg = dict[str, Any]


def _has_block(msg: Msg, block_type: str) -> bool:
    content = msg["content"]
    return not isinstance(content, str) and any(b.get("type") == block_type for b in content)


def _tail_start(history: list[Msg], keep_last: int) -> int:
    """Start of the recent tail, moved back so it opens with a plain user turn and
    never with a tool_result whose tool_use would be summarized away."""
    start = max(0, len(history) - keep_last)
    while start > 0 and (history[start]["role"] != "user" or _has_block(history[start], "tool_result")):
        start -= 1
    return start


def compact_if_needed(
    client: anthropic.Anthropic,
    model: str,
    system: str,
    history: list[Msg],
    trigger_tokens: int,
    summarizer: Optional[str] = None,
    keep_last: int = 6,
) -> list[Msg]:
    """Client-side compaction: past trigger_tokens, replace all but the recent tail
    with a summary written by a cheaper model. Lossy by design."""
    count = client.messages.count_tokens(model=model, system=system, messages=history)
    if count.input_tokens < trigger_tokens:
        return history
    start = _tail_start(history, keep_last)
    if start == 0:
        return history
    older, tail = history[:start], history[start:]
    transcript = "\n\n".join(
        f"{m['role'].upper()}: {m['content'] if isinstance(m['content'], str) else json.dumps(m['content'])}"
        for m in older
    )
    summary = client.messages.create(
        model=summarizer or model,
        max_tokens=2000,
        system=(
            "Summarize this conversation for the assistant that will continue it. Keep: the user goal, "
            "decisions made, facts and identifiers (file names, ids, numbers) still needed, open questions, "
            "and the results of tool calls. Drop pleasantries and superseded drafts."
        ),
        messages=[{"role": "user", "content": transcript}],
    )
    text = "\n".join(b.text for b in summary.content if b.type == "text")
    return [
        {"role": "user", "content": f"Summary of the conversation so far:\n\n{text}"},
        {"role": "assistant", "content": "Understood. Continuing from that summary."},
        *tail,
    ]
