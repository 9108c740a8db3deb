// The scenario table shared by the TypeScript tests and the Python runner (tests/support/python/run_scenarios.py).
import { readFileSync } from 'node:fs';
import { reply, type Reply } from '../../support/fault-server.ts';

export type ReplySpec = [keyof typeof reply, ...unknown[]];

export interface ClassificationRow {
  name: string;
  reply: ReplySpec;
  stream?: boolean;
  retryable: boolean;
  spendCap: boolean;
  throttle: string;
  policy: [string, string | null];
}
export interface CascadeRow {
  name: string;
  replies: ReplySpec[];
  answeredBy: number | null;
  throws: 'spend-cap' | 'request' | 'exhausted' | null;
  creditOnRetry?: string;
}
export interface DegradeRow {
  name: string;
  replies: ReplySpec[];
  source: 'live' | 'reduced' | 'cache' | 'fallback' | 'throws';
  cached: string | null;
}
export interface Scenarios {
  classification: ClassificationRow[];
  cascade: CascadeRow[];
  degrade: DegradeRow[];
}

export const scenariosPath = new URL('./scenarios.json', import.meta.url);
export const scenarios = JSON.parse(readFileSync(scenariosPath, 'utf8')) as Scenarios;

export function build([name, ...args]: ReplySpec): Reply {
  const builder = reply[name] as (...a: unknown[]) => Reply;
  if (typeof builder !== 'function') throw new Error(`scenarios.json names an unknown reply builder "${String(name)}"`);
  return builder(...args);
}

// ---- cost rows: the expected figure from the pricing engine, and the catalogue prices the Python twin is given ----
import { getFact, getModel } from '../../../src/lib/catalogue.ts';
import { estimateCost } from '../../../src/lib/pricing.ts';

interface CostScenario {
  name: string;
  model: string;
  batch?: boolean;
  usage: {
    input_tokens: number;
    output_tokens: number;
    cache_creation_input_tokens: number;
    cache_read_input_tokens: number;
    cache_creation?: { ephemeral_1h_input_tokens: number; ephemeral_5m_input_tokens: number };
    inference_geo?: string;
  };
}

/** Hand arithmetic through estimateCost: the 5m and 1h shares priced as separate workloads at the same prompt size. */
function expectedUsd(row: CostScenario): number {
  const u = row.usage;
  const w1h = u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const w5m = u.cache_creation_input_tokens - w1h;
  const prompt = { inputTokens: u.input_tokens, cacheReadTokens: u.cache_read_input_tokens };
  const common = { requests: 1, batch: row.batch ?? false, inferenceGeo: u.inference_geo === 'us' ? ('us' as const) : ('global' as const) };
  // Pad with input tokens so each share is priced at the full prompt's tier, then keep only its cache-write part.
  const share = (tokens: number, ttl: '5m' | '1h') =>
    estimateCost(row.model, { ...common, inputTokens: u.input_tokens + u.cache_creation_input_tokens - tokens + u.cache_read_input_tokens, outputTokens: 0, cacheWriteTokens: tokens, cacheTtl: ttl }).cacheWrite;
  const full = estimateCost(row.model, { ...common, ...prompt, outputTokens: u.output_tokens, cacheWriteTokens: u.cache_creation_input_tokens });
  return full.input + full.output + full.cacheRead + share(w5m, '5m') + share(w1h, '1h');
}

function pricesFor(model: string) {
  const m = getModel(model);
  const set = (p: typeof m.prices) => ({
    input: p.input.value,
    output: p.output.value,
    cache_write_5m: p.cacheWrite5m.value,
    cache_write_1h: p.cacheWrite1h.value,
    cache_read: p.cacheRead.value,
  });
  const tier = m.promptTiers?.[0];
  return {
    ...set(m.prices),
    batch_multiplier: m.batchMultiplier?.value ?? 0.5,
    us_multiplier: Number(getFact('multipliers.usGeo').value),
    ...(tier ? { long_above: tier.above, long: { ...set(tier.prices), batch_multiplier: 1, us_multiplier: 1 } } : {}),
  };
}

export const costRows = (scenarios as unknown as { cost: CostScenario[] }).cost.map((row) => ({
  name: row.name,
  log: { model: row.model, usage: row.usage, ...(row.batch ? { batch: true } : {}) },
  expectedUsd: expectedUsd(row),
  prices: pricesFor(row.model),
}));
