// Build an eval set from production logs: scrub personal data, drop near-duplicates,
// sample every task, and over-sample the requests users were unhappy with.
// Input: whatever your request log holds; output: JSONL-ready cases that a person
// then labels with a reference answer (or a rubric) before they grade anything.

export interface LoggedRequest {
  id: string;
  /** The route or feature that made the call, e.g. "summarize-ticket". */
  task: string;
  input: string;
  output: string;
  /** What happened next: accepted, edited by the user, thumbs down, retried, escalated… */
  outcome: 'accepted' | 'edited' | 'negative' | 'error';
}

export interface EvalCase {
  id: string;
  task: string;
  input: string;
  /** The production output, kept for reference; not a gold answer until a person says so. */
  productionOutput: string;
  tags: string[];
}

const SCRUBBERS: [RegExp, string][] = [
  [/sk-ant-[A-Za-z0-9_-]{10,}/g, '<API_KEY>'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '<EMAIL>'],
  [/\b(?:\d[ -]?){13,19}\b/g, '<CARD_OR_ACCOUNT>'],
  [/\+?\d[\d ().-]{7,}\d/g, '<PHONE>'],
];

/** Regexes catch the obvious; run your own PII detector as well for regulated data. */
export function scrub(text: string): string {
  return SCRUBBERS.reduce((t, [re, label]) => t.replace(re, label), text);
}

/** Same request modulo case, whitespace and numbers: keep one of each. */
export function fingerprint(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();
}

/** Small deterministic PRNG so the same logs always give the same set (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function buildTestSet(
  logs: readonly LoggedRequest[],
  { perTask = 60, problemShare = 0.4, seed = 1 }: { perTask?: number; problemShare?: number; seed?: number } = {},
): EvalCase[] {
  const random = rng(seed);
  const seen = new Set<string>();
  const byTask = new Map<string, LoggedRequest[]>();
  for (const log of logs) {
    const key = `${log.task}\u0000${fingerprint(log.input)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byTask.set(log.task, [...(byTask.get(log.task) ?? []), log]);
  }

  const cases: EvalCase[] = [];
  for (const [task, rows] of byTask) {
    const problems = shuffle(rows.filter((r) => r.outcome !== 'accepted'), random);
    const normal = shuffle(rows.filter((r) => r.outcome === 'accepted'), random);
    // Problems are rare in traffic but are what the eval must catch: give them a fixed share.
    const nProblems = Math.min(problems.length, Math.round(perTask * problemShare));
    const picked = [...problems.slice(0, nProblems), ...normal.slice(0, perTask - nProblems)];
    for (const r of picked) {
      cases.push({
        id: r.id,
        task,
        input: scrub(r.input),
        productionOutput: scrub(r.output),
        tags: [r.outcome, r.input.length > 20_000 ? 'long-input' : 'normal-input'],
      });
    }
  }
  return cases;
}
