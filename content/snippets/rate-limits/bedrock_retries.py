"""Amazon Bedrock throttling (ThrottlingException) is handled by botocore's retry modes, not by
Anthropic's headers. "adaptive" adds client-side rate limiting on top of exponential backoff."""
from __future__ import annotations

import json

import boto3
from botocore.config import Config

RETRY_CONFIG = Config(
    retries={"max_attempts": 8, "mode": "adaptive"},  # total attempts, first call included
    read_timeout=600,
)


def invoke(prompt: str, model_id: str, region: str = "us-east-1") -> str:
    """model_id: a Bedrock id or a cross-region inference profile such as "us.<bedrock id>"."""
    runtime = boto3.client("bedrock-runtime", region_name=region, config=RETRY_CONFIG)
    response = runtime.invoke_model(
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
