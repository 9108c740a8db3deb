"""Move work nobody is waiting for off the real-time path: the Message Batches API has its own
limits, so batch jobs stop competing with interactive traffic for RPM/ITPM/OTPM."""
from __future__ import annotations

import time
from typing import Iterable

import anthropic


def submit_batch(client: anthropic.Anthropic, jobs: Iterable[tuple[str, str]], model: str) -> str:
    """jobs: (your_id, prompt) pairs; your_id comes back as custom_id with each result."""
    batch = client.messages.batches.create(
        requests=[
            {
                "custom_id": job_id,
                "params": {
                    "model": model,
                    "max_tokens": 1024,
                    "messages": [{"role": "user", "content": prompt}],
                },
            }
            for job_id, prompt in jobs
        ]
    )
    return batch.id


def collect_batch(client: anthropic.Anthropic, batch_id: str, poll_seconds: float = 60) -> dict[str, str]:
    while client.messages.batches.retrieve(batch_id).processing_status != "ended":
        time.sleep(poll_seconds)
    out: dict[str, str] = {}
    for entry in client.messages.batches.results(batch_id):
        if entry.result.type == "succeeded":
            out[entry.custom_id] = "".join(
                block.text for block in entry.result.message.content if block.type == "text"
            )
        else:
            print(entry.custom_id, entry.result.type)  # errored | canceled | expired: resubmit or alert
    return out
