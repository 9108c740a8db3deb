// The seven answers behind a model choice, kept next to the routing config, and a
// check that says when production has drifted far enough to ask them again.
// Run `recheck` from a daily job over your usage log; any reason it returns is a
// prompt to re-run the diagnostic (/diagnose/) for that task.

export interface ModelDecision {
  task: string;
  model: string; // the API id the routing module sends
  decidedOn: string; // YYYY-MM-DD
  answers: {
    difficulty: 'simple' | 'standard' | 'hard'; // 1. task type and difficulty
    qualityBar: number; // 2. minimum pass rate on the task's eval set, 0–1
    latencyBudgetMs: number; // 3. p95 the product can live with
    requestsPerDay: number; // 4. volume
    p95InputTokens: number; // 5. context size
    usesTools: boolean; // 6. tool use
    monthlyBudgetUsd: number; // 7. budget
  };
}

export interface Observed {
  passRate: number; // latest eval run on this task
  p95LatencyMs: number;
  requestsPerDay: number;
  p95InputTokens: number;
  toolCallShare: number; // share of requests that used a tool
  projectedMonthlyUsd: number;
}

export function recheck(d: ModelDecision, o: Observed): string[] {
  const a = d.answers;
  const reasons: string[] = [];
  if (o.passRate < a.qualityBar) reasons.push(`pass rate ${o.passRate} is under the bar ${a.qualityBar}`);
  if (o.p95LatencyMs > a.latencyBudgetMs) reasons.push(`p95 ${o.p95LatencyMs} ms is over the budget ${a.latencyBudgetMs} ms`);
  if (o.requestsPerDay > 2 * a.requestsPerDay) {
    reasons.push(`volume ${o.requestsPerDay}/day is over twice the planned ${a.requestsPerDay}: recheck rate limits, caching and Batch`);
  }
  if (o.p95InputTokens > 2 * a.p95InputTokens) {
    reasons.push(`p95 input ${o.p95InputTokens} tokens is over twice the planned ${a.p95InputTokens}: recheck the context window`);
  }
  if (!a.usesTools && o.toolCallShare > 0) reasons.push('the task now uses tools: recheck tool-use reliability on this model');
  if (o.projectedMonthlyUsd > a.monthlyBudgetUsd) {
    reasons.push(`projected $${o.projectedMonthlyUsd.toFixed(0)}/month is over the budget $${a.monthlyBudgetUsd}`);
  }
  return reasons;
}
