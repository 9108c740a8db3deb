"""Amazon Bedrock throttling (ThrottlingException) is handled by botocore's retry modes, not by
Anthropic's headers. "adaptive" (labelled experimental by AWS) adds a client-side token bucket on
top of exponential backoff; the bucket lives in the client, so build the client once and share it."""
from __future__ import annotations

import json
from functools import lru_cache

import boto3
from botocore.config import Config

RETRY_CONFIG = Config(
    # total_max_attempts counts the first call; retries.max_attempts would count retries only (8 means 9 calls).
    retries={"total_max_attempts": 8, "mode": "adaptive"},
    read_timeout=600,
)


@lru_cache(maxsize=None)
def runtime(region: str = "us-east-1"):  # noqa: ANN201 - boto3 clients are untyped
    """One client per region for the whole process: a new client per call resets adaptive mode's bucket."""
    return boto3.client("bedrock-runtime", region_name=region, config=RETRY_CONFIG)


def invoke(prompt: str, model_id: str, region: str = "us-east-1") -> str:
    """model_id: a cross-region inference profile such as "us.<bedrock id>" (on-demand calls need one)."""
    response = runtime(region).invoke_model(
        modelId=model_id,
        body=json.dumps(
            {
                "anthropic_version": "bedrock-2023-05-31",
                "max_tokens": 1024,
                "messages": [{"role": "user", "content": prompt}],
            }
        ),
    )
    payload = json.loads(response["body"].read())
    return "".join(block["text"] for block in payload["content"] if block["type"] == "text")
