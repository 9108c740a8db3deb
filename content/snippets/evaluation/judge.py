"""LLM-as-judge with the habits that keep it honest: a specific rubric, reasoning
first and then a score on a small fixed scale (the reasoning is discarded), and
pairwise comparisons run in both orders so position bias shows up as a tie.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Literal, Optional

import anthropic

JUDGE_SYSTEM = """You grade one answer against a rubric. Judge only what the rubric asks.
Length is not quality: a short answer that meets every criterion scores as high as a long one.
Do not reward confident tone, formatting or restating the question.
Think step by step inside <reasoning> tags, then give one integer from 1 to 5 inside <score> tags."""

PAIR_SYSTEM = "\n".join(JUDGE_SYSTEM.splitlines()[:3]) + (
    "\nThink inside <reasoning> tags, then answer A, B or tie inside <winner> tags."
)


def _tag(text: str, name: str) -> Optional[str]:
    match = re.search(rf"<{name}>([\s\S]*?)</{name}>", text)
    return match.group(1).strip() if match else None


def _text(message: anthropic.types.Message) -> str:
    return "".join(block.text for block in message.content if block.type == "text")


def judge(
    client: anthropic.Anthropic, judge_model: str, rubric: str, input_text: str, answer: str, reference: str = ""
) -> tuple[int, str]:
    """Returns (score 1-5, reasoning). Keep the reasoning for debugging the judge; never average it."""
    parts = [f"<rubric>\n{rubric}\n</rubric>", f"<input>\n{input_text}\n</input>"]
    if reference:
        parts.append(f"<reference>\n{reference}\n</reference>")
    parts.append(f"<answer>\n{answer}\n</answer>")
    res = client.messages.create(
        model=judge_model,
        max_tokens=4000,  # room for the judge's own thinking, which counts toward max_tokens
        system=JUDGE_SYSTEM,
        messages=[{"role": "user", "content": "\n".join(parts)}],
    )
    text = _text(res)
    raw = _tag(text, "score") or ""
    if not raw.isdigit() or not 1 <= int(raw) <= 5:
        raise ValueError(f"judge returned no valid score (stop_reason {res.stop_reason}): {text[-200:]}")
    return int(raw), _tag(text, "reasoning") or ""


def _pick(client: anthropic.Anthropic, judge_model: str, rubric: str, input_text: str, a: str, b: str) -> str:
    res = client.messages.create(
        model=judge_model,
        max_tokens=4000,  # room for the judge's own thinking, which counts toward max_tokens
        system=PAIR_SYSTEM,
        messages=[
            {
                "role": "user",
                "content": f"<rubric>\n{rubric}\n</rubric>\n<input>\n{input_text}\n</input>\n"
                f"<answer_A>\n{a}\n</answer_A>\n<answer_B>\n{b}\n</answer_B>",
            }
        ],
    )
    winner = _tag(_text(res), "winner")
    return winner if winner in ("A", "B") else "tie"


Verdict = Literal["first", "second", "tie"]


def compare(
    client: anthropic.Anthropic, judge_model: str, rubric: str, input_text: str, first: str, second: str
) -> tuple[Verdict, bool]:
    """Both orders; disagreement is position bias and counts as a tie. Returns (verdict, consistent)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        ab_future = pool.submit(_pick, client, judge_model, rubric, input_text, first, second)
        ba_future = pool.submit(_pick, client, judge_model, rubric, input_text, second, first)
        ab, ba = ab_future.result(), ba_future.result()
    forward: Verdict = "first" if ab == "A" else "second" if ab == "B" else "tie"
    backward: Verdict = "second" if ba == "A" else "first" if ba == "B" else "tie"
    if forward == backward:
        return forward, True
    return "tie", False
