"""Before switching model, raise effort on the same model over the failing set and
compare pass rate against output tokens and latency. Reuses the swap eval."""
from __future__ import annotations

from swap_eval import Candidate, load_cases, swap_eval


# Add "xhigh" or "max" only where GET /v1/models/{id} lists them for the model.
def effort_sweep(cases_path: str, model: str = "claude-haiku-5-5") -> None:
    candidates = [
        Candidate(f"{model}@low", model, "low"),
        Candidate(f"{model}@medium", model, "medium"),
        Candidate(f"{model}@high", model, "high"),
        Candidate("claude-sonnet-5-5", "claude-sonnet-5-5"),  # the switch, for comparison
    ]
    rows = swap_eval(load_cases(cases_path), candidates)
    for i, cand in enumerate(candidates):
        cells = [r["cells"][i] for r in rows]
        runs = sum(c.runs for c in cells)
        passes = sum(c.passes for c in cells)
        tokens = sum(c.output_tokens for c in cells)
        seconds = sum(c.seconds for c in cells)
        print(
            f"{cand.label:<28} pass {100 * passes / runs:.0f}%  "
            f"output tokens/run {tokens / runs:.0f}  latency/run {1000 * seconds / runs:.0f} ms"
        )
