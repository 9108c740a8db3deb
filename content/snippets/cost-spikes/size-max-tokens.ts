// Size max_tokens per task from what the task really produces: the p99 of logged output tokens
// plus headroom, never the model's maximum. Run it over a week of usage-log records.
export interface OutputSample {
  task: string;
  outputTokens: number;
  stopReason: string | null;
}

export interface MaxTokensAdvice {
  task: string;
  samples: number;
  p50: number;
  p99: number;
  truncatedShare: number; // share of calls that hit max_tokens: these need MORE room, not less
  suggestedMaxTokens: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? 0;
}

export function adviseMaxTokens(samples: OutputSample[], headroom = 1.5, roundTo = 64): MaxTokensAdvice[] {
  const byTask = new Map<string, OutputSample[]>();
  for (const s of samples) byTask.set(s.task, [...(byTask.get(s.task) ?? []), s]);
  return [...byTask.entries()].map(([task, list]) => {
    const sorted = list.map((s) => s.outputTokens).sort((a, b) => a - b);
    const p99 = quantile(sorted, 0.99);
    return {
      task,
      samples: list.length,
      p50: quantile(sorted, 0.5),
      p99,
      truncatedShare: list.filter((s) => s.stopReason === 'max_tokens').length / list.length,
      suggestedMaxTokens: Math.ceil((p99 * headroom) / roundTo) * roundTo,
    };
  });
}
