import Anthropic from '@anthropic-ai/sdk';

export interface EvalCase {
  id: string;
  messages: Anthropic.MessageParam[];
  /** Code grader: true when the output is acceptable. */
  pass: (text: string) => boolean;
}

/** USD per million tokens, taken from your catalogue, never typed into code paths. */
export interface Prices {
  input: number;
  output: number;
}

export interface ArmResult {
  model: string;
  passRate: number;
  costPerPassedTask: number;
  p95Ms: number;
  errors: number;
  /** HTTP 200 with stop_reason "refusal": counted apart from wrong answers. */
  refusals: number;
  /** stop_reason "max_tokens": thinking counts toward max_tokens, so this is a budget problem, not a wrong answer. */
  cutOffs: number;
}

async function runArm(client: Anthropic, model: string, system: string, cases: readonly EvalCase[], prices: Prices): Promise<ArmResult> {
  let passed = 0;
  let errors = 0;
  let refusals = 0;
  let cutOffs = 0;
  let cost = 0;
  const latencies: number[] = [];
  for (const c of cases) {
    const start = performance.now();
    try {
      // Room for thinking: current models think by default, and thinking counts toward max_tokens.
      const res = await client.messages.create({ model, system, max_tokens: 8000, messages: c.messages });
      latencies.push(performance.now() - start);
      cost += (res.usage.input_tokens * prices.input + res.usage.output_tokens * prices.output) / 1e6;
      if (res.stop_reason === 'refusal') refusals++;
      else if (res.stop_reason === 'max_tokens') cutOffs++;
      const text = res.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
      if (c.pass(text)) passed++;
    } catch {
      errors++; // a 400 on the candidate (a parameter it rejects) is a finding, not noise
    }
  }
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.max(0, Math.ceil(latencies.length * 0.95) - 1)] ?? Number.NaN;
  return {
    model,
    passRate: passed / cases.length,
    costPerPassedTask: passed > 0 ? cost / passed : Number.POSITIVE_INFINITY,
    p95Ms: p95,
    errors,
    refusals,
    cutOffs,
  };
}

/**
 * Run the current and the candidate model on the same cases and decide. The
 * thresholds are yours to set before you look at the results.
 */
export async function evalGate(
  system: string,
  cases: readonly EvalCase[],
  current: { model: string; prices: Prices },
  candidate: { model: string; prices: Prices },
  rules = { maxPassRateDrop: 0.02, maxCostRatio: 1.0, maxP95Ratio: 1.5 },
): Promise<{ ok: boolean; current: ArmResult; candidate: ArmResult; reasons: string[] }> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const a = await runArm(client, current.model, system, cases, current.prices);
  const b = await runArm(client, candidate.model, system, cases, candidate.prices);
  const reasons: string[] = [];
  if (b.errors > 0) reasons.push(`${b.errors} requests failed on ${b.model}`);
  if (b.refusals > a.refusals) reasons.push(`refusals ${a.refusals} -> ${b.refusals}`);
  if (b.cutOffs > 0) reasons.push(`${b.cutOffs} answers cut off at max_tokens on ${b.model}: raise max_tokens or lower effort, then re-run`);
  if (a.passRate - b.passRate > rules.maxPassRateDrop) reasons.push(`pass rate ${a.passRate} -> ${b.passRate}`);
  if (b.costPerPassedTask > a.costPerPassedTask * rules.maxCostRatio) reasons.push('cost per passed task went up');
  if (b.p95Ms > a.p95Ms * rules.maxP95Ratio) reasons.push('p95 latency went up beyond the allowed ratio');
  return { ok: reasons.length === 0, current: a, candidate: b, reasons };
}
