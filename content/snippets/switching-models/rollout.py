import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Rollout:
    name: str  # a new name reshuffles who is in the first percent
    from_model: str
    to_model: str
    percent: float  # 0..100, may have decimals


def bucket(rollout_name: str, key: str) -> int:
    """Stable bucket 0..9999 for a key: the same user always lands in the same bucket."""
    digest = hashlib.sha256(f"{rollout_name}:{key}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 10_000


def model_for(rollout: Rollout, key: str) -> str:
    """Key by user, account or conversation id, never by request id, so a conversation
    never flips model mid-way. Raising percent only adds users to the new model."""
    threshold = round(min(100.0, max(0.0, rollout.percent)) * 100)
    return rollout.to_model if bucket(rollout.name, key) < threshold else rollout.from_model


# A typical schedule; advance only while the guardrail metrics hold.
STAGES = (1, 5, 25, 50, 100)
