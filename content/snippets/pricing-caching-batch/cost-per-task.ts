// Cost per completed task, from your own logs: every attempt costs money,
// only passing attempts deliver value.
//
// Each attempt is priced by this guide's pricing engine (estimateCost, the same one the
// calculator uses), so it gets every rule right: 1-hour and 5-minute cache writes at their
// own rates (from usage.cache_creation), the Batch discount, the US-only inference premium
// (from usage.inference_geo), and Haiku 5.5's higher rates above its prompt-size breakpoint.
// The rates come from the catalogue (content/catalogue.ts), not from this comment.
import type Anthropic from '@anthropic-ai/sdk';
import { estimateCost } from '../../../src/lib/pricing.ts';

export interface AttemptLog {
  taskId: string;
  /** The model id the API returned (message.model), e.g. "claude-haiku-5-5". */
  model: string;
  passed: boolean; // graded by your eval or a downstream check
  /** Sent through the Message Batches API. */
  batch?: boolean;
  usage: Pick<Anthropic.Usage, 'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'> &
    Partial<Pick<Anthropic.Usage, 'cache_creation' | 'inference_geo'>>;
}

/** USD for one attempt. */
export function requestCost(log: Pick<AttemptLog, 'model' | 'usage' | 'batch'>): number {
  const { usage } = log;
  const writes = usage.cache_creation_input_tokens ?? 0;
  const writes1h = Math.min(writes, usage.cache_creation?.ephemeral_1h_input_tokens ?? 0);
  const workload = {
    requests: 1,
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheWriteTokens: writes,
    cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    batch: log.batch ?? false,
    inferenceGeo: usage.inference_geo === 'us' ? ('us' as const) : ('global' as const),
  };
  const at5m = estimateCost(log.model, workload);
  if (writes1h === 0) return at5m.total;
  // The 1-hour share of the writes is billed at the 1-hour rate (same prompt size, so the same price tier).
  const at1h = estimateCost(log.model, { ...workload, cacheTtl: '1h' });
  return at5m.total + (at1h.cacheWrite - at5m.cacheWrite) * (writes1h / writes);
}

export interface ModelEconomics {
  model: string;
  spend: number;
  tasks: number;
  completed: number;
  costPerCall: number;
  costPerCompletedTask: number; // Infinity when nothing passed
}

export function costPerCompletedTask(logs: AttemptLog[]): ModelEconomics[] {
  const byModel = new Map<string, { spend: number; calls: number; tasks: Set<string>; done: Set<string> }>();
  for (const log of logs) {
    const row = byModel.get(log.model) ?? { spend: 0, calls: 0, tasks: new Set(), done: new Set() };
    row.spend += requestCost(log);
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
