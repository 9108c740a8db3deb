"""Eval as code with pytest: `pytest evals/test_eval.py` in CI.

Runs the model under test over the JSONL test set, grades each answer with code,
and fails when the 95% lower bound of the pass rate drops under the committed floor
(so a small set cannot pass by luck). Writes a model,score,cost,latency CSV row
for the Pareto tool; prices (USD per million tokens) come from your catalogue.
"""

from __future__ import annotations

import json
import math
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import anthropic

CASES = Path(os.environ.get("EVAL_CASES", "evals/cases.jsonl"))
MODEL = os.environ.get("EVAL_MODEL", "claude-sonnet-5-5")
MIN_PASS_RATE = float(os.environ.get("EVAL_MIN_PASS_RATE", "0.9"))
# Thinking counts toward max_tokens, and current models think by default: leave room for it.
MAX_TOKENS = int(os.environ.get("EVAL_MAX_TOKENS", "8000"))
# USD per million tokens for MODEL, from /models/. CACHE_WRITE is the 5-minute write price.
PRICE_VARS = ("INPUT", "OUTPUT", "CACHE_WRITE", "CACHE_READ")


def prices() -> dict[str, float]:
    missing = [f"EVAL_PRICE_{k}_PER_MTOK" for k in PRICE_VARS if not os.environ.get(f"EVAL_PRICE_{k}_PER_MTOK")]
    if missing:
        raise RuntimeError(f"set {', '.join(missing)} to {MODEL}'s prices (USD per million tokens, from /models/)")
    return {k: float(os.environ[f"EVAL_PRICE_{k}_PER_MTOK"]) for k in PRICE_VARS}


def cost_usd(usage: anthropic.types.Usage, p: dict[str, float]) -> float:
    written = usage.cache_creation_input_tokens or 0
    read = usage.cache_read_input_tokens or 0
    return (
        usage.input_tokens * p["INPUT"] + written * p["CACHE_WRITE"] + read * p["CACHE_READ"] + usage.output_tokens * p["OUTPUT"]
    ) / 1e6


def grade(case: dict[str, Any], text: str) -> bool:
    answer = text.strip()
    if case["grader"] == "exact":
        return answer.lower() == case["expected"].strip().lower()
    if case["grader"] == "contains":
        return case["expected"].lower() in answer.lower()
    if case["grader"] == "json-keys":
        try:
            parsed = json.loads(answer)
        except json.JSONDecodeError:
            return False
        return isinstance(parsed, dict) and all(k in parsed for k in case["required_keys"])
    raise ValueError(f"unknown grader {case['grader']!r} in case {case['id']}")


def wilson_lower_bound(passed: int, n: int, z: float = 1.96) -> float:
    if n == 0:
        return 0.0
    p = passed / n
    denom = 1 + z * z / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / denom


def run_case(client: anthropic.Anthropic, case: dict[str, Any]) -> tuple[bool, float, anthropic.types.Usage, str]:
    start = time.perf_counter()
    res = client.messages.create(model=MODEL, max_tokens=MAX_TOKENS, messages=[{"role": "user", "content": case["input"]}])
    latency = time.perf_counter() - start
    text = "".join(block.text for block in res.content if block.type == "text")
    return grade(case, text), latency, res.usage, res.stop_reason or ""


def test_pass_rate_does_not_regress() -> None:
    p = prices()  # before any call: a missing price fails the job, not the CSV
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    client = anthropic.Anthropic(max_retries=4)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: run_case(client, c), cases))

    passed = sum(1 for ok, _, _, _ in results if ok)
    # A refusal or a max_tokens cut-off is not a wrong answer: name it, so it is fixed where it arises.
    failed = [c["id"] if stop == "end_turn" else f"{c['id']} (stop_reason {stop})" for c, (ok, _, _, stop) in zip(cases, results) if not ok]
    latencies = sorted(lat for _, lat, _, _ in results)
    p95 = latencies[max(0, math.ceil(len(latencies) * 0.95) - 1)]
    cost_per_1k_tasks = 1000 * sum(cost_usd(u, p) for _, _, u, _ in results) / len(cases)
    with open("eval-results.csv", "a", encoding="utf-8") as f:
        f.write(f"{MODEL},{passed / len(cases):.3f},{cost_per_1k_tasks:.4f},{p95:.2f}\n")

    lower = wilson_lower_bound(passed, len(cases))
    assert lower >= MIN_PASS_RATE, (
        f"{MODEL}: {passed}/{len(cases)} passed; 95% lower bound {lower:.3f} < floor {MIN_PASS_RATE}. "
        f"Failed: {', '.join(failed[:20])}"
    )
