// Cost per completed task, from your own logs: every attempt costs money,
// only passing attempts deliver value. Prices are USD per million tokens.
import type Anthropic from '@anthropic-ai/sdk';

export interface Prices {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheRead: number;
}

export interface AttemptLog {
  taskId: string;
  model: string;
  passed: boolean; // graded by your eval or a downstream check
  usage: Pick<
    Anthropic.Usage,
    'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'
  >;
}

export function requestCost(usage: AttemptLog['usage'], p: Prices): number {
  return (
    (usage.input_tokens * p.input +
      (usage.cache_creation_input_tokens ?? 0) * p.cacheWrite5m +
      (usage.cache_read_input_tokens ?? 0) * p.cacheRead +
      usage.output_tokens * p.output) /
    1_000_000
  );
}

export interface ModelEconomics {
  model: string;
  spend: number;
  tasks: number;
  completed: number;
  costPerCall: number;
  costPerCompletedTask: number; // Infinity when nothing passed
}

export function costPerCompletedTask(
  logs: AttemptLog[],
  prices: Record<string, Prices>,
): ModelEconomics[] {
  const byModel = new Map<string, { spend: number; calls: number; tasks: Set<string>; done: Set<string> }>();
  for (const log of logs) {
    const p = prices[log.model];
    if (!p) throw new Error(`no prices for ${log.model}`);
    const row = byModel.get(log.model) ?? { spend: 0, calls: 0, tasks: new Set(), done: new Set() };
    row.spend += requestCost(log.usage, p);
    row.calls += 1;
    row.tasks.add(log.taskId);
    if (log.passed) row.done.add(log.taskId);
    byModel.set(log.model, row);
  }
  return [...byModel].map(([model, r]) => ({
    model,
    spend: r.spend,
    tasks: r.tasks.size,
    completed: r.done.size,
    costPerCall: r.spend / r.calls,
    costPerCompletedTask: r.done.size ? r.spend / r.done.size : Infinity,
  }));
}
