"""Cross-cloud fallback (Python twin of content/recipes/cross-cloud.ts): the same
model on the Claude API, then Amazon Bedrock, then Google Vertex AI. Each cloud
has its own capacity, quotas and bill; the model id differs per cloud.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Union

import anthropic

from refusal import RefusalError, is_refusal
from retry import is_retryable, is_spend_cap  # rate-limits/retry.py

Client = Union[anthropic.Anthropic, anthropic.AnthropicBedrock, anthropic.AnthropicVertex]


@dataclass
class Target:
    cloud: str
    client: Client
    model: str


def bedrock_profile_id(base_id: str, geo: str = "us") -> str:
    """Bedrock rejects on-demand calls to a Claude 4.x base id ("...with on-demand throughput isn’t supported.
    Retry your request with the ID or ARN of an inference profile that contains this model.", as in
    Laisky/one-api#245). A cross-region inference profile id is the base id with a geography prefix: us., eu.
    or global."""
    return base_id if base_id.split(".", 1)[0] in ("us", "eu", "apac", "global") else f"{geo}.{base_id}"


@dataclass
class CloudIds:
    """One model's id on each cloud, copied from its page in the model catalogue (/models/)."""

    anthropic: str
    bedrock: str  # the base id; on-demand calls go through an inference profile (bedrock_profile_id)
    vertex: str


def same_model_on_each_cloud(ids: CloudIds, bedrock_geo: str = "us") -> list[Target]:
    # Twin of sameModelOnEachCloud: Claude API, then Bedrock (as an inference profile), then Vertex.
    # A missing id fails here, at startup, not mid-incident.
    for cloud, model_id in vars(ids).items():
        if not model_id:
            raise ValueError(f"no {cloud} id: copy it from the model's catalogue page")
    return [
        Target("anthropic", anthropic.Anthropic(max_retries=0), ids.anthropic),
        Target(
            "bedrock",
            anthropic.AnthropicBedrock(aws_region="us-east-1", max_retries=0),
            bedrock_profile_id(ids.bedrock, bedrock_geo),
        ),
        Target(
            "vertex",
            anthropic.AnthropicVertex(project_id=os.environ["GOOGLE_CLOUD_PROJECT"], region="global", max_retries=0),
            ids.vertex,
        ),
    ]


def cross_cloud(targets: list[Target], params: dict[str, Any], timeout_s: float = 60.0) -> tuple[anthropic.types.Message, str]:
    failures: list[tuple[str, BaseException]] = []
    for target in targets:
        try:
            client = target.client.with_options(timeout=timeout_s, max_retries=0)
            message = client.messages.create(**params, model=target.model)
        except Exception as err:  # noqa: BLE001
            # Twin of shouldSwitchCloud: overload, 5xx, timeouts, throttles and the spend cap (it binds one
            # cloud's bill) move on. Any other 4xx (400, 402, 404, 409, 413...) stops, as in the TypeScript.
            if not (is_retryable(err) or is_spend_cap(err)):
                raise
            failures.append((target.cloud, err))
            continue
        if is_refusal(message):
            # The same model declines the same request on every cloud: hand it to a model fallback instead.
            raise RefusalError(message, target.model)
        return message, target.cloud
    raise RuntimeError("all clouds failed: " + "; ".join(f"{c} ({e!r})" for c, e in failures))
