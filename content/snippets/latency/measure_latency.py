"""Measure the numbers that matter: time to the first event, time to first token (TTFT) and
total time, plus output speed once generation has started. Log them per model and per task."""
from __future__ import annotations

import time
from typing import Any, Callable, Optional

import anthropic


def measure(client: anthropic.Anthropic, on_text: Callable[[str], None] = lambda _: None, **params: Any) -> dict[str, Any]:
    start = time.perf_counter()
    first_event: Optional[float] = None  # message_start: headers are in and the request is being processed
    first_delta: Optional[float] = None  # first content of any kind, thinking included
    ttft: Optional[float] = None  # first text delta: what the user perceives as "it started answering"

    with client.messages.stream(**params) as stream:
        for event in stream:
            now = time.perf_counter() - start
            if first_event is None:
                first_event = now
            if event.type == "content_block_delta":
                if first_delta is None:
                    first_delta = now
                if event.delta.type == "text_delta":
                    if ttft is None:
                        ttft = now
                    on_text(event.delta.text)  # render as it arrives: this is the perceived-latency fix
        message = stream.get_final_message()

    total = time.perf_counter() - start
    gen_seconds = total - first_delta if first_delta is not None else 0.0
    return {
        "model": message.model,
        "first_event_s": first_event,
        "first_delta_s": first_delta,
        "ttft_s": ttft,
        "total_s": total,
        "output_tokens": message.usage.output_tokens,
        "tokens_per_second": message.usage.output_tokens / gen_seconds if gen_seconds > 0 else None,
        "stop_reason": message.stop_reason,
    }


def compare_models(models: list[str], prompt: str, runs: int = 5) -> list[dict[str, Any]]:
    """Same prompt, several models: run it a few times at your real traffic hours, then compare p50/p95."""
    client = anthropic.Anthropic()
    return [
        measure(client, model=model, max_tokens=1024, messages=[{"role": "user", "content": prompt}])
        for model in models
        for _ in range(runs)
    ]
