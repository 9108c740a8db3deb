"""Check a request before it goes to a fallback cloud, so a missing feature is
found in CI or at startup instead of as a 400 in the middle of an outage.
Bedrock and Vertex AI have no Message Batches, Files or Models APIs and no
`inference_geo`; Bedrock also lacks the web search, web fetch and code
execution server tools.
"""

from __future__ import annotations

from typing import Any

SERVER_TOOLS_MISSING_ON_BEDROCK = ("web_search", "web_fetch", "code_execution")


def portability_problems(params: dict[str, Any], cloud: str) -> list[str]:
    if cloud == "anthropic":
        return []
    problems: list[str] = []
    if params.get("inference_geo") is not None:
        problems.append("inference_geo is Claude API only: drop it and pick the region with the endpoint instead")
    for tool in params.get("tools", []):
        kind = str(tool.get("type", "custom"))
        if cloud == "bedrock" and kind.startswith(SERVER_TOOLS_MISSING_ON_BEDROCK):
            problems.append(f"server tool {kind} is not available on Bedrock")
    for i, message in enumerate(params.get("messages", [])):
        content = message.get("content")
        if isinstance(content, str):
            continue
        for j, block in enumerate(content or []):
            source = block.get("source") or {}
            if block.get("type") in ("document", "image") and source.get("type") == "file":
                problems.append(f"messages.{i}.content.{j} references the Files API, which {cloud} does not have")
    return problems


def for_cloud(params: dict[str, Any], cloud: str) -> dict[str, Any]:
    """Strips what only changes routing, refuses what would change the answer."""
    portable = params if cloud == "anthropic" else {k: v for k, v in params.items() if k != "inference_geo"}
    problems = portability_problems(portable, cloud)
    if problems:
        raise ValueError(f"request cannot fall back to {cloud}: " + "; ".join(problems))
    return portable
