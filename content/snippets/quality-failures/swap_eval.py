"""Prompt problem or capability gap? Run the cases that failed in production on the
current model and on candidates (a bigger model, a higher effort), with the SAME
prompt, several times each, graded by code. Then read the verdict per case."""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from typing import Any

import anthropic


@dataclass(frozen=True)
class Candidate:
    label: str  # e.g. "haiku-5-5" or "sonnet-5-5@high"
    model: str
    effort: str | None = None  # leave out for models that reject effort (Haiku 4.5)


@dataclass
class Cell:
    passes: int
    runs: int
    output_tokens: int = 0
    seconds: float = 0.0
    refusals: int = 0  # stop_reason "refusal": a classifier decision, not a wrong answer


def grade(text: str, expect: dict[str, Any]) -> bool:
    """expect: {"kind": "equals", "value"} | {"kind": "includes"/"excludes", "values"} | {"kind": "json", "required"}"""
    t = text.strip()
    kind = expect["kind"]
    if kind == "equals":
        return t.lower() == expect["value"].strip().lower()
    if kind == "includes":
        return all(v in t for v in expect["values"])
    if kind == "excludes":
        return not any(v in t for v in expect["values"])
    if kind == "json":
        try:
            value = json.loads(t)
        except json.JSONDecodeError:
            return False
        return isinstance(value, dict) and all(k in value for k in expect["required"])
    raise ValueError(f"unknown expectation kind: {kind}")


def verdict(row: list[Cell]) -> str:
    base, others = row[0], row[1:]
    if base.refusals:
        return "refused"  # the baseline's classifier declined: a fallback question (see /guide/fallbacks/#refusals-http-200-with-stop_reason-refusal), not quality
    reliable = lambda c: c.passes == c.runs  # noqa: E731
    if reliable(base):
        return "passes now"  # the failure was not reproduced
    if any(reliable(c) for c in others):
        return "capability gap"  # baseline fails, a candidate passes reliably
    if all(c.passes == 0 for c in row):
        return "prompt problem"  # fails everywhere: the task or the prompt is wrong
    return "flaky"  # passes sometimes: tighten the prompt, then re-run


def load_cases(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def swap_eval(cases: list[dict[str, Any]], candidates: list[Candidate], runs: int = 3) -> list[dict[str, Any]]:
    """candidates[0] is the baseline (the model that failed in production)."""
    client = anthropic.Anthropic(api_key=os.environ.get("ANTHROPIC_API_KEY"))
    results = []
    for case in cases:
        cells = []
        for cand in candidates:
            cell = Cell(passes=0, runs=runs)
            extra: dict[str, Any] = {}
            if case.get("system"):
                extra["system"] = case["system"]
            if cand.effort:
                extra["output_config"] = {"effort": cand.effort}
            for _ in range(runs):
                started = time.monotonic()
                message = client.messages.create(
                    model=cand.model,
                    max_tokens=4_000,
                    messages=[{"role": "user", "content": case["prompt"]}],
                    **extra,
                )
                cell.seconds += time.monotonic() - started
                cell.output_tokens += message.usage.output_tokens
                if message.stop_reason == "refusal":
                    cell.refusals += 1
                text = "".join(b.text for b in message.content if b.type == "text")
                if message.stop_reason != "max_tokens" and grade(text, case["expect"]):
                    cell.passes += 1
            cells.append(cell)
        results.append({"id": case["id"], "cells": cells, "verdict": verdict(cells)})
    return results


if __name__ == "__main__":
    candidates = [
        Candidate("haiku-5-5", "claude-haiku-5-5"),
        Candidate("sonnet-5-5", "claude-sonnet-5-5"),
        Candidate("opus-5-5", "claude-opus-5-5"),
    ]
    rows = swap_eval(load_cases(sys.argv[1]), candidates)
    print("\t".join(["case", *(c.label for c in candidates), "verdict"]))
    for r in rows:
        print("\t".join([r["id"], *(f"{c.passes}/{c.runs}" for c in r["cells"]), r["verdict"]]))
