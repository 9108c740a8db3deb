"""Hedged requests (Python twin of content/recipes/hedge.ts): when the first output
is late, send a second copy and keep whichever starts first; cancel the other.
"Started" is the first content block of any kind (thinking, text or tool_use): with
adaptive thinking on, text comes only after thinking. A refusal raises RefusalError.
"""

from __future__ import annotations

import asyncio
from typing import Any, Optional

import anthropic

from refusal import RefusalError, is_refusal


class _Attempt:
    def __init__(self, client: anthropic.AsyncAnthropic, params: dict[str, Any], label: str) -> None:
        self.label, self.model = label, params["model"]
        self.started: asyncio.Future[_Attempt] = asyncio.get_running_loop().create_future()
        self.task = asyncio.create_task(self._run(client, params))

    async def _run(self, client: anthropic.AsyncAnthropic, params: dict[str, Any]) -> anthropic.types.Message:
        try:
            async with client.messages.stream(**params) as stream:
                async for event in stream:
                    if event.type == "content_block_start" and not self.started.done():
                        self.started.set_result(self)  # first output of any kind
                message = await stream.get_final_message()
        except BaseException as err:
            if not self.started.done():
                self.started.set_exception(err if isinstance(err, Exception) else asyncio.CancelledError())
            raise
        if not self.started.done():
            self.started.set_result(self)  # a reply with no content block at all
        return message


async def hedge(
    client: anthropic.AsyncAnthropic,
    params: dict[str, Any],
    hedge_after_s: float,
    hedge_model: Optional[str] = None,
    deadline_s: float = 120.0,
) -> tuple[anthropic.types.Message, str, bool]:
    """Returns (message, "primary" | "hedge", whether a hedge was sent). Set hedge_after_s near your p95 TTFT.
    Raises TimeoutError after deadline_s, with both requests cancelled."""
    attempts: list[_Attempt] = []
    try:
        return await asyncio.wait_for(_race(client, params, hedge_after_s, hedge_model, attempts), deadline_s)
    finally:
        for attempt in attempts:
            attempt.task.cancel()  # closes the stream, so nothing keeps generating


async def _race(
    client: anthropic.AsyncAnthropic,
    params: dict[str, Any],
    hedge_after_s: float,
    hedge_model: Optional[str],
    attempts: list[_Attempt],
) -> tuple[anthropic.types.Message, str, bool]:
    attempts.append(_Attempt(client, {**params}, "primary"))
    done, _ = await asyncio.wait([attempts[0].started], timeout=hedge_after_s)
    if not done:
        attempts.append(_Attempt(client, {**params, "model": hedge_model or params["model"]}, "hedge"))

    winner: Optional[_Attempt] = None
    errors: list[BaseException] = []
    pending: set[asyncio.Future[_Attempt]] = {a.started for a in attempts}
    while pending and winner is None:
        finished, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for fut in finished:
            err = fut.exception()
            if err is None:
                winner = fut.result()
                break
            errors.append(err)
    for attempt in attempts:
        if attempt is not winner:
            attempt.task.cancel()  # closes the stream, so the loser stops generating
    if winner is None:
        raise errors[0]
    message = await winner.task
    if is_refusal(message):
        raise RefusalError(message, winner.model)
    return message, winner.label, len(attempts) > 1
