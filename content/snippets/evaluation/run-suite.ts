// Eval as code: run every candidate configuration over the test set, grade each
// answer with code, and fail CI when a candidate's pass rate (its 95% lower bound,
// so a small set cannot pass by luck) drops under the floor you committed.
// It also writes model,score,cost,latency CSV for the Pareto tool in the guide.
//
//   EVAL_CASES=evals/cases.jsonl node -e 'import("./evals/run-suite.ts").then(async (m) => process.exit(await m.main()))'
import Anthropic from '@anthropic-ai/sdk';
import { readFile, writeFile } from 'node:fs/promises';
import { getModel, pricesForPrompt } from '../../../src/lib/catalogue.ts';
import { modelId } from '../../recipes/routing.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

export interface SuiteCase {
  id: string;
  input: string;
  grader: 'exact' | 'contains' | 'json-keys';
  /** exact / contains: the expected text. */
  expected?: string;
  /** json-keys: keys the JSON answer must have. */
  requiredKeys?: string[];
}

export interface Candidate {
  label: string; // e.g. "sonnet-5-5 / prompt v3 / effort medium"
  params: Omit<Params, 'messages'>;
  /** The floor for the 95% lower bound of the pass rate; CI fails below it. */
  minPassRate: number;
}

export interface CandidateResult {
  label: string;
  passRate: number;
  passRateLowerBound: number;
  costPerTaskUsd: number;
  p95LatencyS: number;
  failedIds: string[];
}

export function grade(c: SuiteCase, text: string): boolean {
  const answer = text.trim();
  switch (c.grader) {
    case 'exact':
      return answer.toLowerCase() === (c.expected ?? '').trim().toLowerCase();
    case 'contains':
      return answer.toLowerCase().includes((c.expected ?? '').toLowerCase());
    case 'json-keys': {
      try {
        const parsed: unknown = JSON.parse(answer);
        return typeof parsed === 'object' && parsed !== null && (c.requiredKeys ?? []).every((k) => k in parsed);
      } catch {
        return false;
      }
    }
  }
}

/** Wilson score interval, lower end: what the pass rate is at least, with 95% confidence. */
export function wilsonLowerBound(passed: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const p = passed / n;
  const denom = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - margin) / denom;
}

function costUsd(model: string, usage: Anthropic.Usage): number {
  const written = usage.cache_creation_input_tokens ?? 0;
  const read = usage.cache_read_input_tokens ?? 0;
  const p = pricesForPrompt(getModel(model), usage.input_tokens + written + read);
  return (
    (usage.input_tokens * p.input.value +
      written * p.cacheWrite5m.value +
      read * p.cacheRead.value +
      usage.output_tokens * p.output.value) /
    1e6
  );
}

export async function runCandidate(client: Anthropic, cand: Candidate, cases: readonly SuiteCase[], concurrency = 4): Promise<CandidateResult> {
  const latencies: number[] = [];
  const failedIds: string[] = [];
  let cost = 0;
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const start = performance.now();
      try {
        const res = await client.messages.create({ ...cand.params, messages: [{ role: 'user', content: c.input }] });
        latencies.push((performance.now() - start) / 1000);
        cost += costUsd(cand.params.model, res.usage);
        const text = res.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
        // A refusal or a max_tokens cut-off is not a wrong answer: name it, so it is fixed where it arises.
        if (!grade(c, text)) failedIds.push(res.stop_reason === 'end_turn' ? c.id : `${c.id} (stop_reason ${res.stop_reason})`);
      } catch (error) {
        failedIds.push(`${c.id} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  latencies.sort((a, b) => a - b);
  const passed = cases.length - failedIds.length;
  return {
    label: cand.label,
    passRate: passed / cases.length,
    passRateLowerBound: wilsonLowerBound(passed, cases.length),
    costPerTaskUsd: cost / cases.length,
    p95LatencyS: latencies[Math.max(0, Math.ceil(latencies.length * 0.95) - 1)] ?? Number.NaN,
    failedIds,
  };
}

/** model,score,cost,latency — paste it into the Pareto tool at /guide/evaluation/. */
export function toParetoCsv(results: readonly CandidateResult[]): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const rows = results.map((r) =>
    [quote(r.label), r.passRate.toFixed(3), (r.costPerTaskUsd * 1000).toFixed(4), r.p95LatencyS.toFixed(2)].join(','),
  );
  return ['model,score,cost,latency', ...rows].join('\n') + '\n';
}

export async function loadCases(path: string): Promise<SuiteCase[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as SuiteCase;
      } catch {
        throw new Error(`${path}:${i + 1} is not valid JSON`);
      }
    });
}

// max_tokens leaves room for thinking, which current models do by default and which counts toward it.
export const candidates: Candidate[] = [
  { label: 'haiku-5-5', params: { model: modelId('haiku-5-5'), max_tokens: 8000 }, minPassRate: 0.85 },
  { label: 'sonnet-5-5', params: { model: modelId('sonnet-5-5'), max_tokens: 8000 }, minPassRate: 0.9 },
];

/** Returns the process exit code: 0 when every candidate is above its floor. */
export async function main(): Promise<number> {
  const cases = await loadCases(process.env['EVAL_CASES'] ?? 'evals/cases.jsonl');
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'], maxRetries: 4 });
  const results: CandidateResult[] = [];
  for (const cand of candidates) results.push(await runCandidate(client, cand, cases));
  await writeFile('eval-results.csv', toParetoCsv(results));
  let code = 0;
  for (const [i, r] of results.entries()) {
    const floor = candidates[i]!.minPassRate;
    const ok = r.passRateLowerBound >= floor;
    if (!ok) code = 1;
    console.log(
      `${ok ? 'PASS' : 'FAIL'} ${r.label}: ${(r.passRate * 100).toFixed(1)}% (≥ ${(r.passRateLowerBound * 100).toFixed(1)}% at 95%, floor ${floor * 100}%)` +
        `, $${r.costPerTaskUsd.toFixed(5)}/task, p95 ${r.p95LatencyS.toFixed(2)} s` +
        (r.failedIds.length > 0 ? `\n  failed: ${r.failedIds.slice(0, 20).join(', ')}` : ''),
    );
  }
  return code;
}
