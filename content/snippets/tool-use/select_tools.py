from typing import Any

# Which tools each task may use. Sending only these keeps every request smaller.
TOOLS_BY_TASK: dict[str, list[str]] = {
    "order-status": ["get_order", "get_shipment"],
    "refund": ["get_order", "create_refund"],
    "account-help": ["get_customer", "update_email"],
}


def tools_for_task(task: str, registry: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Only the tools this task needs, in a stable order (the cache matches prefixes
    byte for byte), with a cache breakpoint on the last tool."""
    names = TOOLS_BY_TASK.get(task)
    if names is None:
        raise KeyError(f"No tool list configured for task {task}")
    tools = [dict(registry[name]) for name in sorted(names)]
    if tools:
        tools[-1]["cache_control"] = {"type": "ephemeral"}
    return tools
