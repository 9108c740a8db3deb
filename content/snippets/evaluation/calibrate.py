"""Before you trust an LLM judge, grade 50-100 cases by hand and measure how often
the judge agrees with people. Cohen's kappa corrects for chance agreement (it
matters when most answers pass); the length check catches verbosity bias.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Labelled:
    id: str
    human: int  # 1-5, from a person following the same rubric
    judge: int  # 1-5, from the LLM judge
    answer_length: int  # characters


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # ties share the mean rank
        i = j + 1
    return ranks


def _pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return 0.0 if sxx == 0 or syy == 0 else sxy / (sxx * syy) ** 0.5


def calibrate(rows: list[Labelled], pass_at: int = 4) -> dict[str, object]:
    n = len(rows)
    if n == 0:
        raise ValueError("no labelled rows")
    human = [r.human >= pass_at for r in rows]
    judge = [r.judge >= pass_at for r in rows]
    observed = sum(h == j for h, j in zip(human, judge)) / n
    p_h, p_j = sum(human) / n, sum(judge) / n
    chance = p_h * p_j + (1 - p_h) * (1 - p_j)
    worst = sorted(rows, key=lambda r: abs(r.judge - r.human), reverse=True)[:10]
    return {
        "n": n,
        "exact_agreement": sum(r.human == r.judge for r in rows) / n,
        "within_one": sum(abs(r.human - r.judge) <= 1 for r in rows) / n,
        "kappa": 1.0 if chance == 1 else (observed - chance) / (1 - chance),  # >= 0.6: substantial
        "length_bias": _pearson(
            _ranks([float(r.judge - r.human) for r in rows]), _ranks([float(r.answer_length) for r in rows])
        ),
        "worst": [r.id for r in worst],  # read these first
    }
