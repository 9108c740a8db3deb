// Prompt problem or capability gap? Run the cases that failed in production on the
// current model and on candidates (a bigger model, a higher effort), with the SAME
// prompt, several times each, graded by code. Then read the verdict per case.
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** What a correct answer must satisfy. Keep it checkable by code. */
export type Expect =
  | { kind: 'equals'; value: string } // e.g. a label; trimmed, case-insensitive
  | { kind: 'includes'; values: string[] } // every value must appear
  | { kind: 'excludes'; values: string[] } // no value may appear
  | { kind: 'json'; required: string[] }; // a JSON object with these keys

export interface Case {
  id: string;
  system?: string;
  prompt: string;
  expect: Expect;
}

export interface Candidate {
  label: string; // e.g. "haiku-5-5" or "sonnet-5-5@high"
  model: string;
  effort?: Effort; // leave out for models that reject effort (Haiku 4.5)
}

export function grade(text: string, expect: Expect): boolean {
  const t = text.trim();
  switch (expect.kind) {
    case 'equals':
      return t.toLowerCase() === expect.value.trim().toLowerCase();
    case 'includes':
      return expect.values.every((v) => t.includes(v));
    case 'excludes':
      return expect.values.every((v) => !t.includes(v));
    case 'json':
      try {
        const v: unknown = JSON.parse(t);
        return typeof v === 'object' && v !== null && expect.required.every((k) => k in v);
      } catch {
        return false;
      }
  }
}

export interface Cell {
  passes: number;
  runs: number;
  outputTokens: number;
  ms: number;
  refusals: number; // stop_reason "refusal": a classifier decision, not a wrong answer
}

export type Verdict =
  | 'refused' // the baseline's classifier declined: a fallback question (see /guide/fallbacks/#refusals-http-200-with-stop_reason-refusal), not quality
  | 'prompt problem' // fails everywhere: the task or the prompt is wrong
  | 'capability gap' // baseline fails, a candidate passes reliably
  | 'flaky' // passes sometimes: tighten the prompt, then re-run
  | 'passes now'; // baseline passes: the failure was not reproduced

export function verdict(row: Cell[]): Verdict {
  const [base, ...others] = row;
  if (!base) return 'prompt problem';
  if (base.refusals > 0) return 'refused';
  const reliable = (c: Cell) => c.passes === c.runs;
  if (reliable(base)) return 'passes now';
  if (others.some(reliable)) return 'capability gap';
  if (row.every((c) => c.passes === 0)) return 'prompt problem';
  return 'flaky';
}

export function loadCases(path: string): Case[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case);
}

/** candidates[0] is the baseline (the model that failed in production). */
export async function swapEval(
  cases: Case[],
  candidates: Candidate[],
  runs = 3,
): Promise<{ id: string; cells: Cell[]; verdict: Verdict }[]> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const results = [];
  for (const c of cases) {
    const cells = await Promise.all(
      candidates.map(async (cand) => {
        const cell: Cell = { passes: 0, runs, outputTokens: 0, ms: 0, refusals: 0 };
        for (let i = 0; i < runs; i++) {
          const started = Date.now();
          const message = await client.messages.create({
            model: cand.model,
            max_tokens: 4_000,
            ...(c.system ? { system: c.system } : {}),
            messages: [{ role: 'user', content: c.prompt }],
            ...(cand.effort ? { output_config: { effort: cand.effort } } : {}),
          });
          cell.ms += Date.now() - started;
          cell.outputTokens += message.usage.output_tokens;
          if (message.stop_reason === 'refusal') cell.refusals += 1;
          const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
          if (message.stop_reason !== 'max_tokens' && grade(text, c.expect)) cell.passes += 1;
        }
        return cell;
      }),
    );
    results.push({ id: c.id, cells, verdict: verdict(cells) });
  }
  return results;
}

export async function main(path: string): Promise<void> {
  const candidates: Candidate[] = [
    { label: 'haiku-5-5', model: 'claude-haiku-5-5' },
    { label: 'sonnet-5-5', model: 'claude-sonnet-5-5' },
    { label: 'opus-5-5', model: 'claude-opus-5-5' },
  ];
  const rows = await swapEval(loadCases(path), candidates);
  console.log(['case', ...candidates.map((c) => c.label), 'verdict'].join('\t'));
  for (const r of rows) {
    console.log([r.id, ...r.cells.map((c) => `${c.passes}/${c.runs}`), r.verdict].join('\t'));
  }
}
