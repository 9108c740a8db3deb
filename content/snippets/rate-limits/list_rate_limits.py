"""Which models share a rate-limit pool, what its limits are, and how to cap a background workspace:
the official Rate Limits API (part of the Admin API, so it needs an admin key, not a normal API key).
Plain HTTP with the standard library, so it runs with any SDK version."""
from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from typing import Any

# ANTHROPIC_BASE_URL, as the SDKs read it (a proxy, or a local fake server in tests).
API = os.environ.get("ANTHROPIC_BASE_URL", "https://api.anthropic.com").rstrip("/") + "/v1/organizations"


def _call(method: str, path: str, body: dict[str, Any] | None = None, query: dict[str, str] | None = None) -> Any:
    key = os.environ.get("ANTHROPIC_ADMIN_KEY")
    if not key:
        raise RuntimeError("Set ANTHROPIC_ADMIN_KEY: the Rate Limits API takes an admin key")
    url = f"{API}{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")
    request = urllib.request.Request(
        url,
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"x-api-key": key, "anthropic-version": "2023-06-01", "content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def _pages(path: str, query: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Follows next_page until the list ends."""
    items: list[dict[str, Any]] = []
    query = dict(query or {})
    while True:
        page = _call("GET", path, query=query)
        items += page["data"]
        if not page.get("next_page"):
            return items
        query["page"] = page["next_page"]


def list_pools() -> list[dict[str, Any]]:
    """One entry per pool: id (the rate_limit_id for workspace overrides), group, models, limits."""
    pools = []
    for entry in _pages("/rate_limits"):
        group = entry["group"]
        pools.append(
            {
                "id": entry["id"],
                "group": group.get("display_name") if group["type"] == "model_group" else group["type"],
                "models": entry.get("models") or [],
                "limits": {limit["type"]: limit["value"] for limit in entry["limits"]},
            }
        )
    return pools


def pool_of(pools: list[dict[str, Any]], model: str) -> dict[str, Any] | None:
    """The pool a model draws on; two models with the same pool compete for the same limits."""
    return next((p for p in pools if model in p["models"]), None)


def cap_workspace(workspace_id: str, pool: dict[str, Any], limits: list[dict[str, Any]]) -> Any:
    """Sets workspace overrides for one pool ({"type": ..., "value": int or None to clear}). The lower of the
    workspace and organization limits applies; changes take effect within about an hour."""
    path = f"/workspaces/{urllib.parse.quote(workspace_id)}/rate_limits/{urllib.parse.quote(pool['id'])}"
    return _call("POST", path, body={"limits": limits})


def workspace_limits(workspace_id: str) -> list[dict[str, Any]]:
    """A workspace's effective limits, each with its source (workspace override or organization)."""
    path = f"/workspaces/{urllib.parse.quote(workspace_id)}/rate_limits"
    return _pages(path, {"include_inherited": "true"})


def cap_backfill(backfill_workspace_id: str, model: str = "claude-sonnet-5-5", share: float = 0.3) -> Any:
    """Gives the backfill workspace at most `share` of the organization's limits for the model's pool.
    input_tokens_per_minute counts cache reads; the cache-aware type does not, so cap that one."""
    pool = pool_of(list_pools(), model)
    if pool is None:
        raise RuntimeError(f"no rate limits listed for {model} in this organization")
    capped = ["requests_per_minute", "input_tokens_per_minute_cache_aware", "output_tokens_per_minute"]
    limits = [{"type": t, "value": int(pool["limits"][t] * share)} for t in capped if t in pool["limits"]]
    if not limits:
        raise RuntimeError(f"pool {pool['group']} lists none of: {', '.join(capped)}")
    return cap_workspace(backfill_workspace_id, pool, limits)
