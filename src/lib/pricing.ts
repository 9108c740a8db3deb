/**
 * The pricing engine: what a workload costs on one model, from the catalogue's per-model prices. Pure, no DOM.
 *
 * Rules (each has a hand-computed case in tests/unit/pricing.test.ts; implemented in pricing-core.ts):
 * - cost of a category = requests × tokens per request × price per MTok / 1,000,000;
 * - the prompt of a request is inputTokens + cacheWriteTokens + cacheReadTokens; a prompt-size tier (Haiku 5.5 over
 *   100,000 tokens) is chosen by that prompt and then applies to every category of the request, output included;
 * - cache writes use the model's own 5-minute or 1-hour write price (default 5 minutes); reads its own read price;
 * - Batch multiplies every category, cache included, by the model's Batch multiplier (0.5);
 * - `inferenceGeo: 'us'` multiplies every category by 1.1 and throws on models that reject `inference_geo`;
 * - a prompt plus output over the context window, or output over the max output, adds a warning;
 * - unknown model ids throw naming close matches; negative, NaN or non-finite numbers throw.
 */
import { catalogueIndex } from './catalogue.ts';
import { costOf } from './pricing-core.ts';

export { assertUsGeo } from './pricing-core.ts';

export interface Workload {
  requests: number; // how many requests the figure is for (e.g. per month)
  inputTokens: number; // uncached input tokens per request
  outputTokens: number; // output tokens per request (thinking included)
  cacheWriteTokens?: number; // prompt tokens written to the cache per request
  cacheReadTokens?: number; // prompt tokens read from the cache per request
  cacheTtl?: '5m' | '1h'; // TTL of the writes; default '5m'
  batch?: boolean; // all requests through the Message Batches API
  inferenceGeo?: 'global' | 'us';
}

export interface CostBreakdown {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
  total: number; // USD for all requests
  warnings: string[]; // e.g. the prompt exceeds the model's context window
}

export function estimateCost(modelId: string, workload: Workload): CostBreakdown {
  return costOf(catalogueIndex, modelId, workload);
}
