"""Timeouts that match how Claude fails. With the SDK's `anthropic.Timeout`, `read` is the longest wait between two chunks,
so for a stream it is an idle timeout, not a total one: a stalled stream fails fast while a long
stream that keeps producing is never cut. A non-streaming call sends nothing until it is done, so
keep this client for streaming calls. Retries are left to the SDK (408/409/429/5xx, connection)."""
from __future__ import annotations

import logging
from typing import Any

import anthropic

log = logging.getLogger(__name__)


def make_streaming_client() -> anthropic.Anthropic:
    return anthropic.Anthropic(
        timeout=anthropic.Timeout(600.0, connect=10.0, read=60.0),  # 60 s without a chunk = stalled
        max_retries=2,
    )


def stream_reply(client: anthropic.Anthropic, **params: Any) -> Any:
    try:
        with client.messages.stream(**params) as stream:
            return stream.get_final_message()
    except anthropic.APITimeoutError:
        log.warning("no stream event for 60 s (or no connection in 10 s) after the SDK's retries")
        raise
    except anthropic.APIStatusError as err:
        if err.status_code == 504:
            # timeout_error from the API: log the request id for support, then shrink or split the job.
            log.warning("504 timeout_error, request-id %s", err.response.headers.get("request-id"))
        raise
