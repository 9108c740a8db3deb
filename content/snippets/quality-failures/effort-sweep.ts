// Before switching model, raise effort on the same model over the failing set and
// compare pass rate against output tokens and latency. Reuses the swap eval.
import { loadCases, swapEval, type Candidate } from './swap-eval.ts';

// Add 'xhigh' or 'max' only where GET /v1/models/{id} lists them for the model.
export async function effortSweep(casesPath: string, model = 'claude-haiku-5-5'): Promise<void> {
  const candidates: Candidate[] = [
    { label: `${model}@low`, model, effort: 'low' },
    { label: `${model}@medium`, model, effort: 'medium' },
    { label: `${model}@high`, model, effort: 'high' },
    { label: 'claude-sonnet-5-5', model: 'claude-sonnet-5-5' }, // the switch, for comparison
  ];
  const rows = await swapEval(loadCases(casesPath), candidates);
  candidates.forEach((cand, i) => {
    const cells = rows.map((r) => r.cells[i]!);
    const runs = cells.reduce((n, c) => n + c.runs, 0);
    const passes = cells.reduce((n, c) => n + c.passes, 0);
    const tokens = cells.reduce((n, c) => n + c.outputTokens, 0);
    const ms = cells.reduce((n, c) => n + c.ms, 0);
    console.log(
      `${cand.label.padEnd(28)} pass ${((100 * passes) / runs).toFixed(0)}%  ` +
        `output tokens/run ${Math.round(tokens / runs)}  latency/run ${Math.round(ms / runs)} ms`,
    );
  });
}
