"""Hedged requests: the Python (asyncio) counterpart of content/recipes/hedge.ts.

When the first output (thinking, text or a tool call) is late, send a second copy and keep whichever starts answering first;
cancel the other so it stops generating (and stops being billed for output).
"""
from __future__ import annotations

import asyncio
from typing import Any, Optional

import anthropic


async def _first_token_then_finish(client: anthropic.AsyncAnthropic, params: dict[str, Any], started: asyncio.Event) -> Any:
    async with client.messages.stream(**params) as stream:
        async for event in stream:
            if event.type == "content_block_start":
                # The first content block of any kind: with adaptive thinking on, text comes only after
                # thinking, and an agent's reply may be tool_use only. Not the first byte (message_start).
                started.set()
        message = await stream.get_final_message()
    if message.stop_reason == "refusal":  # HTTP 200 but declined: not an answer; let your fallback handle it
        raise RuntimeError(f"{params['model']} declined the request: {message.stop_details}")
    return message


async def hedge(
    client: anthropic.AsyncAnthropic,
    params: dict[str, Any],
    hedge_after_s: float,  # set it near your p95 time to first token
    hedge_model: Optional[str] = None,  # the same model by default; a faster model is a common choice
) -> tuple[Any, str]:
    events = {"primary": asyncio.Event(), "hedge": asyncio.Event()}
    tasks = {"primary": asyncio.create_task(_first_token_then_finish(client, params, events["primary"]))}
    try:
        await asyncio.wait_for(events["primary"].wait(), timeout=hedge_after_s)
    except asyncio.TimeoutError:
        hedge_params = {**params, "model": hedge_model or params["model"]}
        tasks["hedge"] = asyncio.create_task(_first_token_then_finish(client, hedge_params, events["hedge"]))

    waiters = {asyncio.create_task(events[name].wait()): name for name in tasks}
    try:
        # The first attempt to produce text wins; a failed attempt simply never sets its event.
        pending: set[asyncio.Task[Any]] = set(waiters) | set(tasks.values())
        while True:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            winner = next((waiters[t] for t in done if t in waiters), None)
            if winner is not None:
                break
            if all(t.done() for t in tasks.values()):
                # Every attempt ended without a text delta: return one that succeeded, else the primary's error.
                for name, task in tasks.items():
                    if not task.cancelled() and task.exception() is None:
                        return task.result(), name
                return await tasks["primary"], "primary"
        for name, task in tasks.items():
            if name != winner:
                task.cancel()  # closes the HTTP stream, so the loser stops generating
        return await tasks[winner], winner
    finally:
        for w in waiters:
            w.cancel()
