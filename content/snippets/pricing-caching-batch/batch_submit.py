"""Submit work that can wait through the Message Batches API (half price on every token
category), with a shared system prompt cached. Requests in a batch run in parallel and
cannot reuse each other's cache writes, so warm the cache once first, with the 1-hour TTL."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

import anthropic
from anthropic.types import TextBlockParam

MODEL = "claude-haiku-5-5"


@dataclass
class BatchTotals:
    succeeded: int = 0
    failed: list[str] = field(default_factory=list)  # custom_ids to resubmit or inspect
    usage: dict[str, int] = field(
        default_factory=lambda: {"input": 0, "cache_write": 0, "cache_read": 0, "output": 0}
    )


def summarize_in_batch(system_prompt: str, documents: list[dict[str, str]]) -> BatchTotals:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    system: list[TextBlockParam] = [
        {"type": "text", "text": system_prompt, "cache_control": {"type": "ephemeral", "ttl": "1h"}}
    ]

    # 1. Warm the cache with one ordinary request (full price, but it writes the prefix).
    client.messages.create(
        model=MODEL, max_tokens=1, system=system, messages=[{"role": "user", "content": "ok"}]
    )

    # 2. Submit the batch: one request per document, custom_id to match results back.
    batch = client.messages.batches.create(
        requests=[
            {
                "custom_id": doc["id"],
                "params": {
                    "model": MODEL,
                    "max_tokens": 512,
                    "system": system,
                    "messages": [
                        {"role": "user", "content": f"Summarize in three sentences:\n\n{doc['text']}"}
                    ],
                },
            }
            for doc in documents
        ]
    )

    # 3. Poll until it ends. Most batches finish well inside the 24-hour limit.
    while client.messages.batches.retrieve(batch.id).processing_status != "ended":
        time.sleep(60)

    # 4. Read results in any order; they are matched by custom_id, not position.
    totals = BatchTotals()
    for item in client.messages.batches.results(batch.id):
        if item.result.type != "succeeded":
            totals.failed.append(item.custom_id)
            continue
        u = item.result.message.usage
        totals.succeeded += 1
        totals.usage["input"] += u.input_tokens
        totals.usage["cache_write"] += u.cache_creation_input_tokens or 0
        totals.usage["cache_read"] += u.cache_read_input_tokens or 0
        totals.usage["output"] += u.output_tokens
    return totals
