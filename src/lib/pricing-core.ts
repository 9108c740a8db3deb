/**
 * The pricing engine's rules, over any model index (see src/lib/pricing.ts for the public contract). Pure, no DOM.
 *
 * Rules (each has a hand-computed case in tests/unit/pricing.test.ts):
 * - cost of a category = requests × tokens per request × price per MTok / 1,000,000;
 * - the prompt of a request is inputTokens + cacheWriteTokens + cacheReadTokens; a prompt-size tier (Haiku 5.5 over
 *   100,000 tokens) is chosen by that prompt and then applies to every category of the request, output included;
 * - cache writes use the model's own 5-minute or 1-hour write price (default 5 minutes); reads its own read price;
 * - Batch multiplies every category, cache included, by the model's Batch multiplier (0.5);
 * - `inferenceGeo: 'us'` multiplies every category by 1.1 and throws on models that reject `inference_geo`;
 * - a prompt plus output over the context window, or output over the max output, adds a warning;
 * - unknown model ids throw naming close matches; negative, NaN or non-finite numbers throw.
 */
import { indexAtEnd, pricesForPrompt, type ModelIndex, type PriceEnd } from './catalogue-index.ts';
import type { CatalogueModel } from '../schemas/catalogue.ts';
import { formatInt } from './format.ts';
import type { CostBreakdown, Workload } from './pricing.ts';

export type { CostBreakdown, Workload };

const MTOK = 1_000_000;

function checkCount(name: string, v: unknown): number {
  if (typeof v !== 'number' || Number.isNaN(v)) throw new RangeError(`${name} must be a number (got ${String(v)}).`);
  if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number (got ${String(v)}).`);
  if (v < 0) throw new RangeError(`${name} cannot be negative (got ${v}).`);
  return v;
}

/** Throws a clear error when `model` does not accept `inference_geo: "us"`. */
export function assertUsGeo(model: CatalogueModel): void {
  if (!model.usGeo.value) {
    throw new Error(
      `${model.name} does not accept inference_geo "us" (US-only inference is available on Claude 4.6 and later; older models return 400). Use global routing or a newer model.`,
    );
  }
}

/** `estimateCost` over any model index (the full catalogue on the server, the slim copy in the calculator island). */
export function costOf(index: ModelIndex, modelId: string, workload: Workload): CostBreakdown {
  const model = index.get(modelId);
  if (workload === null || typeof workload !== 'object') throw new TypeError('workload must be an object.');
  const requests = checkCount('requests', workload.requests);
  const input = checkCount('inputTokens', workload.inputTokens);
  const output = checkCount('outputTokens', workload.outputTokens);
  const write = checkCount('cacheWriteTokens', workload.cacheWriteTokens ?? 0);
  const read = checkCount('cacheReadTokens', workload.cacheReadTokens ?? 0);
  const ttl = workload.cacheTtl ?? '5m';
  if (ttl !== '5m' && ttl !== '1h') throw new RangeError(`cacheTtl must be "5m" or "1h" (got ${String(ttl)}).`);
  const geo = workload.inferenceGeo ?? 'global';
  if (geo !== 'global' && geo !== 'us') throw new RangeError(`inferenceGeo must be "global" or "us" (got ${String(geo)}).`);

  let multiplier = 1;
  if (workload.batch) {
    if (!model.batchMultiplier) throw new Error(`${model.name} has no Batch price in the catalogue.`);
    multiplier *= model.batchMultiplier.value;
  }
  if (geo === 'us') {
    assertUsGeo(model);
    multiplier *= index.usGeoMultiplier;
  }

  const prompt = input + write + read;
  const p = pricesForPrompt(model, prompt);
  const cost = (tokens: number, pricePerMTok: number) => (requests * tokens * pricePerMTok * multiplier) / MTOK;

  const breakdown = {
    input: cost(input, p.input.value),
    output: cost(output, p.output.value),
    cacheWrite: cost(write, ttl === '1h' ? p.cacheWrite1h.value : p.cacheWrite5m.value),
    cacheRead: cost(read, p.cacheRead.value),
  };
  // Finite inputs can still overflow (1e308 tokens × a price): refuse rather than return Infinity.
  const sum = breakdown.input + breakdown.output + breakdown.cacheWrite + breakdown.cacheRead;
  if (!Number.isFinite(sum) || !Number.isFinite(prompt + output)) {
    throw new RangeError('The workload is too large to price: requests × tokens overflows a number.');
  }
  const warnings: string[] = [];
  const ctx = model.contextWindow?.value;
  if (ctx === undefined) {
    warnings.push(`${model.name}'s context window is not in the catalogue, so the request size was not checked.`);
  } else if (prompt + output > ctx) {
    warnings.push(
      `Prompt plus output (${formatInt(prompt + output)} tokens) exceeds ${model.name}'s context window of ${formatInt(ctx)} tokens; the API would reject the request ("prompt is too long").`,
    );
  }
  const maxOut = model.maxOutput?.value;
  if (maxOut !== undefined && output > maxOut) {
    warnings.push(`Output of ${formatInt(output)} tokens exceeds ${model.name}'s max output of ${formatInt(maxOut)} tokens.`);
  }
  if (model.status.value === 'retired-api') {
    warnings.push(`${model.name} is retired on the Claude API; Amazon Bedrock and Google Cloud bill it from their own price lists.`);
  }
  return {
    ...breakdown,
    total: breakdown.input + breakdown.output + breakdown.cacheWrite + breakdown.cacheRead,
    warnings,
  };
}

/** A pricer over `index` that can also price every ranged figure at its low or high end (usage re-pricing ranges). */
export type RangedPricer = (modelId: string, workload: Workload, end?: PriceEnd) => CostBreakdown;

export function rangedCostOf(index: ModelIndex): RangedPricer {
  return (modelId, workload, end) => costOf(end ? indexAtEnd(index, end) : index, modelId, workload);
}
