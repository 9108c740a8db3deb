"""Amazon Bedrock throttling (ThrottlingException) is handled by botocore's retry modes, not by
Anthropic's headers. "adaptive" adds client-side rate limiting on top of exponential backoff."""
from __future__ import annotations

import json

import boto3
from botocore.config import Config

RETRY_CONFIG = Config(
    # total_max_attempts counts the first call; botocore's max_attempts would count retries only.
    retries={"total_max_attempts": 8, "mode": "adaptive"},  # adaptive is marked experimental by AWS
    read_timeout=600,
)

# One client per region for the life of the process: adaptive mode's client-side token bucket lives
# in the client, so a new client per call would start every call with a full bucket.
_clients: dict[str, object] = {}


def runtime_client(region: str):
    if region not in _clients:
        _clients[region] = boto3.client("bedrock-runtime", region_name=region, config=RETRY_CONFIG)
    return _clients[region]


def invoke(prompt: str, model_id: str, region: str = "us-east-1") -> str:
    """model_id: a cross-region inference profile id (us./eu./global. prefix) or its ARN; on-demand
    calls to a bare base model id of current Claude models are rejected with a 400."""
    runtime = runtime_client(region)
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
