"""Build an eval set from production logs: scrub personal data, drop near-duplicates,
sample every task, and over-sample the requests users were unhappy with.
A person then labels each case with a reference answer or a rubric.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from typing import Any, Iterable

SCRUBBERS = [
    (re.compile(r"sk-ant-[A-Za-z0-9_-]{10,}"), "<API_KEY>"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "<EMAIL>"),
    (re.compile(r"\b(?:\d[ -]?){13,19}\b"), "<CARD_OR_ACCOUNT>"),
    (re.compile(r"\+?\d[\d ().-]{7,}\d"), "<PHONE>"),
]


def scrub(text: str) -> str:
    """Regexes catch the obvious; run your own PII detector as well for regulated data."""
    for pattern, label in SCRUBBERS:
        text = pattern.sub(label, text)
    return text


def fingerprint(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "0", text.lower())).strip()


def build_test_set(
    logs: Iterable[dict[str, Any]], per_task: int = 60, problem_share: float = 0.4, seed: int = 1
) -> list[dict[str, Any]]:
    """logs: dicts with id, task, input, output, outcome ("accepted" | "edited" | "negative" | "error")."""
    rnd = random.Random(seed)
    seen: set[tuple[str, str]] = set()
    by_task: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for log in logs:
        key = (log["task"], fingerprint(log["input"]))
        if key not in seen:
            seen.add(key)
            by_task[log["task"]].append(log)

    cases: list[dict[str, Any]] = []
    for task, rows in by_task.items():
        problems = [r for r in rows if r["outcome"] != "accepted"]
        normal = [r for r in rows if r["outcome"] == "accepted"]
        rnd.shuffle(problems)
        rnd.shuffle(normal)
        n_problems = min(len(problems), round(per_task * problem_share))
        for r in problems[:n_problems] + normal[: per_task - n_problems]:
            cases.append(
                {
                    "id": r["id"],
                    "task": task,
                    "input": scrub(r["input"]),
                    "production_output": scrub(r["output"]),
                    "tags": [r["outcome"], "long-input" if len(r["input"]) > 20_000 else "normal-input"],
                }
            )
    return cases


def write_jsonl(cases: list[dict[str, Any]], path: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
