// "The bill tripled after a deploy": split the change in spend per task and model
// into a volume effect (more calls) and a per-call effect (each call costs more),
// and show which token category moved per call. Feed it the usage log rows of two
// windows of equal length, one before and one after the deploy.

export interface UsageRow {
  task: string;
  model: string;
  inputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface CostChange {
  task: string;
  model: string;
  deltaUsd: number;
  volumeEffectUsd: number; // (calls after − calls before) × cost per call before
  perCallEffectUsd: number; // calls after × (cost per call after − before)
  callsBefore: number;
  callsAfter: number;
  /** Change in average tokens per call, by category. */
  perCall: { input: number; cacheWrite: number; cacheRead: number; output: number };
}

interface Agg {
  calls: number;
  usd: number;
  input: number;
  cacheWrite: number;
  cacheRead: number;
  output: number;
}

function aggregate(rows: readonly UsageRow[]): Map<string, Agg> {
  const out = new Map<string, Agg>();
  for (const r of rows) {
    const key = `${r.task}\u0000${r.model}`;
    const a = out.get(key) ?? { calls: 0, usd: 0, input: 0, cacheWrite: 0, cacheRead: 0, output: 0 };
    a.calls += 1;
    a.usd += r.costUsd;
    a.input += r.inputTokens;
    a.cacheWrite += r.cacheWriteTokens;
    a.cacheRead += r.cacheReadTokens;
    a.output += r.outputTokens;
    out.set(key, a);
  }
  return out;
}

const per = (a: Agg | undefined, field: keyof Agg) => (a && a.calls > 0 ? a[field] / a.calls : 0);

/** Largest change first. A (task, model) that appears only after the deploy is a routing change. */
export function explainCostChange(before: readonly UsageRow[], after: readonly UsageRow[]): CostChange[] {
  const b = aggregate(before);
  const a = aggregate(after);
  const keys = new Set([...b.keys(), ...a.keys()]);
  return [...keys]
    .map((key) => {
      const [task = '', model = ''] = key.split('\u0000');
      const x = b.get(key);
      const y = a.get(key);
      const callsBefore = x?.calls ?? 0;
      const callsAfter = y?.calls ?? 0;
      const cpcBefore = per(x, 'usd');
      const cpcAfter = per(y, 'usd');
      return {
        task,
        model,
        deltaUsd: (y?.usd ?? 0) - (x?.usd ?? 0),
        volumeEffectUsd: (callsAfter - callsBefore) * cpcBefore,
        perCallEffectUsd: callsAfter * (cpcAfter - cpcBefore),
        callsBefore,
        callsAfter,
        perCall: {
          input: per(y, 'input') - per(x, 'input'),
          cacheWrite: per(y, 'cacheWrite') - per(x, 'cacheWrite'),
          cacheRead: per(y, 'cacheRead') - per(x, 'cacheRead'),
          output: per(y, 'output') - per(x, 'output'),
        },
      };
    })
    .sort((p, q) => Math.abs(q.deltaUsd) - Math.abs(p.deltaUsd));
}
