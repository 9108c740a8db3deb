"""Submit work that can wait through the Message Batches API (half price on every token
category), with a shared system prompt cached. Caching inside a batch is best effort: requests
run in parallel and may miss each other's writes, so warm the cache once first, with the 1-hour TTL.

Two things a naive loop trips over: a batch holds at most 100,000 requests or 256 MB, so the
work is split; and right after creation, retrieve and results can answer 404 for a while, so
those calls retry a not-found with backoff. (Python twin of batch-submit.ts.)"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

import anthropic
from anthropic.types import TextBlockParam

MODEL = "claude-haiku-5-5"
MAX_REQUESTS = 100_000  # per batch (this guide's catalogue: batchLimits.maxRequests)
MAX_BYTES = int(256 * 1_000_000 * 0.95)  # 256 MB per batch, with headroom for the JSON around each request
T = TypeVar("T")


@dataclass
class BatchTotals:
    batches: list[str] = field(default_factory=list)
    succeeded: int = 0
    failed: list[str] = field(default_factory=list)  # custom_ids to resubmit or inspect
    usage: dict[str, int] = field(default_factory=lambda: {"input": 0, "cache_write": 0, "cache_read": 0, "output": 0})


def split_into_batches(
    requests: list[dict[str, Any]], max_requests: int = MAX_REQUESTS, max_bytes: int = MAX_BYTES
) -> list[list[dict[str, Any]]]:
    batches: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    size_so_far = 0
    for request in requests:
        size = len(json.dumps(request).encode())
        if size > max_bytes:
            raise ValueError(f"request {request['custom_id']} alone is over the batch size limit")
        if current and (len(current) >= max_requests or size_so_far + size > max_bytes):
            batches.append(current)
            current, size_so_far = [], 0
        current.append(request)
        size_so_far += size
    if current:
        batches.append(current)
    return batches


def retry_not_found(fn: Callable[[], T], attempts: int = 6, base_s: float = 1.0) -> T:
    """Retry while the call answers 404 (a batch just created may not be visible yet)."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except anthropic.NotFoundError:
            if attempt >= attempts:
                raise
            time.sleep(base_s * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def summarize_in_batch(
    client: anthropic.Anthropic, system_prompt: str, documents: list[dict[str, str]], poll_s: float = 60.0
) -> BatchTotals:
    system: list[TextBlockParam] = [
        {"type": "text", "text": system_prompt, "cache_control": {"type": "ephemeral", "ttl": "1h"}}
    ]

    # 1. Warm the cache with one ordinary request (full price, but it writes the prefix).
    client.messages.create(model=MODEL, max_tokens=1, system=system, messages=[{"role": "user", "content": "ok"}])

    # 2. One request per document, custom_id to match results back; split under the batch limits.
    requests = [
        {
            "custom_id": doc["id"],
            "params": {
                "model": MODEL,
                "max_tokens": 512,
                "system": system,
                "messages": [{"role": "user", "content": f"Summarize in three sentences:\n\n{doc['text']}"}],
            },
        }
        for doc in documents
    ]
    totals = BatchTotals()
    for chunk in split_into_batches(requests):
        batch = client.messages.batches.create(requests=chunk)  # type: ignore[arg-type]
        totals.batches.append(batch.id)

        # 3. Poll until it ends. Most batches end within an hour; the limit is 24 hours.
        while retry_not_found(lambda: client.messages.batches.retrieve(batch.id)).processing_status != "ended":
            time.sleep(poll_s)

        # 4. Read results in any order; they are matched by custom_id, not position.
        for item in retry_not_found(lambda: client.messages.batches.results(batch.id)):
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
