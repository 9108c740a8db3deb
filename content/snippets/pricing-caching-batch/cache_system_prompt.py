"""Cache a long system prompt and read back what the request was billed for."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from typing import Literal

import anthropic
from anthropic.types import Usage


@dataclass(frozen=True)
class CacheReport:
    uncached_input: int  # billed at the base input price
    cache_write_5m: int  # billed at the 5-minute write price
    cache_write_1h: int  # billed at the 1-hour write price
    cache_read: int  # billed at the cache-read price
    output: int
    verdict: Literal["read", "write", "no cache"]


def cache_report(usage: Usage) -> CacheReport:
    written = usage.cache_creation_input_tokens or 0
    read = usage.cache_read_input_tokens or 0
    # cache_creation splits writes by TTL; older responses only have the total.
    split = getattr(usage, "cache_creation", None)
    w1h = split.ephemeral_1h_input_tokens if split else 0
    w5m = split.ephemeral_5m_input_tokens if split else written - w1h
    verdict: Literal["read", "write", "no cache"] = (
        "read" if read > 0 else "write" if written > 0 else "no cache"
    )
    return CacheReport(usage.input_tokens, w5m, w1h, read, usage.output_tokens, verdict)


def answer_with_cached_system(
    system_prompt: str,  # stable text: instructions, policies, few-shot examples
    question: str,  # everything that varies goes after the breakpoint
    ttl: Literal["5m", "1h"] = "5m",
) -> tuple[str, CacheReport]:
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    message = client.messages.create(
        model="claude-sonnet-5-5",
        max_tokens=1_024,
        system=[
            {"type": "text", "text": system_prompt, "cache_control": {"type": "ephemeral", "ttl": ttl}}
        ],
        messages=[{"role": "user", "content": question}],
    )
    text = "".join(b.text for b in message.content if b.type == "text")
    report = cache_report(message.usage)
    # "no cache" on every call: the prefix is below the model's minimum, or the marker is missing.
    # "write" on every call: the prefix changes per request, or requests arrive further apart than the TTL.
    print(json.dumps({"model": message.model, **asdict(report)}))
    return text, report
