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
MODEL = os.environ.get("EVAL_MODEL", "claude-sonnet-4-6")
MIN_PASS_RATE = float(os.environ.get("EVAL_MIN_PASS_RATE", "0.9"))


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


def run_case(client: anthropic.Anthropic, case: dict[str, Any]) -> tuple[bool, float, anthropic.types.Usage]:
    start = time.perf_counter()
    res = client.messages.create(model=MODEL, max_tokens=1024, messages=[{"role": "user", "content": case["input"]}])
    latency = time.perf_counter() - start
    text = "".join(block.text for block in res.content if block.type == "text")
    return grade(case, text), latency, res.usage


def test_pass_rate_does_not_regress() -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    client = anthropic.Anthropic(max_retries=4)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: run_case(client, c), cases))

    passed = sum(1 for ok, _, _ in results if ok)
    failed = [c["id"] for c, (ok, _, _) in zip(cases, results) if not ok]
    latencies = sorted(lat for _, lat, _ in results)
    p95 = latencies[max(0, math.ceil(len(latencies) * 0.95) - 1)]
    price_in = float(os.environ.get("EVAL_PRICE_INPUT_PER_MTOK", "nan"))
    price_out = float(os.environ.get("EVAL_PRICE_OUTPUT_PER_MTOK", "nan"))
    cost_per_1k_tasks = 1000 * sum(u.input_tokens * price_in + u.output_tokens * price_out for _, _, u in results) / 1e6 / len(cases)
    with open("eval-results.csv", "a", encoding="utf-8") as f:
        f.write(f"{MODEL},{passed / len(cases):.3f},{cost_per_1k_tasks:.4f},{p95:.2f}\n")

    lower = wilson_lower_bound(passed, len(cases))
    assert lower >= MIN_PASS_RATE, (
        f"{MODEL}: {passed}/{len(cases)} passed; 95% lower bound {lower:.3f} < floor {MIN_PASS_RATE}. "
        f"Failed: {', '.join(failed[:20])}"
    )
