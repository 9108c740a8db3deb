import os
from datetime import datetime, timezone
from typing import Optional

import anthropic


def check_lifecycle(configured: list[str], warn_days: int = 60, now: Optional[datetime] = None) -> list[str]:
    """CI job (run daily): lifecycle and scheduled retirement of every configured
    model id from the Models API; also flags aliases, which can move under you."""
    client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
    now = now or datetime.now(timezone.utc)
    findings: list[str] = []
    for model_id in configured:
        try:
            info = client.models.retrieve(model_id)
        except anthropic.NotFoundError:
            findings.append(f"{model_id}: not found (retired, misspelled, or not enabled for this key)")
            continue
        if info.id != model_id:
            findings.append(f"{model_id}: alias for {info.id}; pin {info.id} in production")
        if info.lifecycle == "retired":
            findings.append(f"{model_id}: retired; requests fail")
        if info.retires_at is not None:
            retires = info.retires_at if isinstance(info.retires_at, datetime) else datetime.fromisoformat(str(info.retires_at))
            days = (retires - now).days
            if days <= warn_days:
                findings.append(f"{model_id}: {info.lifecycle}, retires {retires.date()} ({days} days)")
    return findings
