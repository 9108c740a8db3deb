/**
 * Calculator helpers on top of the pricing engine: cache break-even, tokenizer conversion, a model's monthly cost
 * for the calculator's inputs (with caching, Batch share and savings), the routing mix, rate-limit headroom, CSV.
 * Pure; no DOM. Every function takes the model index first: `catalogueIndex` (src/lib/catalogue.ts) on the server and in
 * tests, the index over the slim copy the calculator page passes to its island.
 */
import { hasPriceRange, indexAtEnd, priceRangeLabels, pricesForPrompt, type ModelIndex, type PriceEnd } from './catalogue-index.ts';
import { formatInt, formatUsd } from './format.ts';
import { costOf, type CostBreakdown } from './pricing-core.ts';
import type { CatalogueModel } from '../schemas/catalogue.ts';
import { DAYS_PER_MONTH, type CalcValues, type MixEntry } from './calculator-state.ts';
import type { TokenizerGeneration } from '../schemas/catalogue.ts';

export interface BreakEven {
  /** Cache reads needed before a write has paid for itself (whole reads), or Infinity when reads save nothing. */
  reads: number;
  /** The exact ratio (extra cost of the write) / (saving per read). */
  ratio: number;
}

/**
 * Reads needed to pay back one cache write, from the model's own rates: a write costs (write − input) more than sending
 * the prefix uncached; each read saves (input − read). Break-even = ceil(ratio).
 */
export function cacheBreakEven(ix: ModelIndex, modelId: string, ttl: '5m' | '1h', promptTokens = 0): BreakEven {
  const p = pricesForPrompt(ix.get(modelId), promptTokens);
  const write = ttl === '1h' ? p.cacheWrite1h.value : p.cacheWrite5m.value;
  const extra = write - p.input.value;
  const saving = p.input.value - p.cacheRead.value;
  if (extra <= 0) return { reads: 0, ratio: 0 };
  if (saving <= 0) return { reads: Number.POSITIVE_INFINITY, ratio: Number.POSITIVE_INFINITY };
  const ratio = extra / saving;
  return { reads: Math.ceil(ratio - 1e-12), ratio };
}

/** Converts a token count measured with one tokenizer generation to the other: old → new × 1.3, new → old ÷ 1.3. */
export function convertTokens(tokens: number, from: TokenizerGeneration, to: TokenizerGeneration, inflation: number): number {
  if (from === to) return tokens;
  return from === 'pre-4.7' ? tokens * (1 + inflation) : tokens / (1 + inflation);
}

/** Factor applied to the calculator's token counts for `model` when they were measured on `refId` ('' = none). */
export function tokenFactor(ix: ModelIndex, model: CatalogueModel, refId: string): number {
  if (!refId) return 1;
  return convertTokens(1, ix.get(refId).tokenizer.value, model.tokenizer.value, ix.tokenizerInflation);
}

export interface ModelCost {
  id: string;
  name: string;
  /** Token counts used for this model after the tokenizer conversion. */
  tokens: { input: number; cached: number; output: number; factor: number };
  requestsPerMonth: number;
  /** Everything for a month, caching and Batch share applied. */
  month: CostBreakdown;
  perRequest: number;
  /** No caching, no Batch: every prefix token billed as input. */
  plainMonth: number;
  /** Caching applied, no Batch. */
  cachedMonth: number;
  savingsFromCaching: number;
  savingsFromBatch: number;
  /**
   * False when the prefix is not costed as cached: shorter than the model's minimum cacheable prompt, or the model's
   * minimum is unknown and the prefix is below the largest minimum any model has (see `ifCacheable`).
   */
  caches: boolean;
  /**
   * The model's minimum cacheable prompt is unknown and the prefix is below some models' minimums: the price shown is
   * with the prefix uncached (the API may not cache it), and this is the month if the prefix is cacheable.
   */
  ifCacheable?: number;
  warnings: string[];
  /** When a price used has other values in its sources (catalogue `alt`): the month at the lowest and highest. */
  monthRange?: { low: number; high: number };
  /** Set when the model cannot be priced for these inputs (e.g. US-only inference on an older model). */
  error?: string;
  /** Why there is no price, when the reason is the model itself: retired on the Claude API, or the request does not fit. */
  unpriced?: Unpriced;
}

/** A model the calculator does not price for these inputs, and why (the page renders it with its links). */
export type Unpriced =
  | { kind: 'retired'; retired?: string; replacement?: { id: string; name: string } }
  | { kind: 'context'; over: number; window: number }
  | { kind: 'max-output'; over: number; maxOutput: number };

/** The sentence shown instead of a price for an unpriced model (plain text; the island adds the links). */
export function unpricedText(u: Unpriced): string {
  if (u.kind === 'retired') {
    const when = u.retired ? ` on ${u.retired}` : '';
    const next = u.replacement ? ` Replaced by ${u.replacement.name}.` : '';
    return `Retired on the Claude API${when}: no Claude API price (Amazon Bedrock and Google Cloud bill it from their own price lists).${next}`;
  }
  if (u.kind === 'context') return `Does not fit: ${formatInt(u.over)} tokens over the ${formatInt(u.window)}-token context window.`;
  return `Does not fit: ${formatInt(u.over)} output tokens over the ${formatInt(u.maxOutput)}-token max output.`;
}

/** Why `model` cannot be priced as a Claude API option for a request of these token counts, if it cannot. */
export function whyUnpriced(ix: ModelIndex, model: CatalogueModel, prompt: number, output: number): Unpriced | undefined {
  if (model.status.value === 'retired-api') {
    const next = model.replacedBy ? ix.find(model.replacedBy) : undefined;
    return {
      kind: 'retired',
      ...(model.retires ? { retired: model.retires.value } : {}),
      ...(next ? { replacement: { id: next.id, name: next.name } } : {}),
    };
  }
  const window = model.contextWindow?.value;
  if (window !== undefined && prompt + output > window) return { kind: 'context', over: Math.ceil(prompt + output - window), window };
  const max = model.maxOutput?.value;
  if (max !== undefined && output > max) return { kind: 'max-output', over: Math.ceil(output - max), maxOutput: max };
  return undefined;
}

function add(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    cacheWrite: a.cacheWrite + b.cacheWrite,
    cacheRead: a.cacheRead + b.cacheRead,
    total: a.total + b.total,
    warnings: [...new Set([...a.warnings, ...b.warnings])],
  };
}

/** The largest minimum cacheable prompt the catalogue knows for any model (0 when none is known). */
export function largestKnownMinimum(ix: ModelIndex): number {
  return Math.max(0, ...ix.models.map((m) => m.minCacheablePrompt?.value ?? 0));
}

const ZERO: CostBreakdown = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0, total: 0, warnings: [] };

/**
 * A model's cost for the calculator's inputs, `share` of the traffic (1 = all).
 * A retired model, or a request that does not fit the model's window or max output, gets no price: `unpriced` and
 * `error` say why, and every figure stays 0 (never shown).
 */
export function modelCost(ix: ModelIndex, modelId: string, v: CalcValues, share = 1): ModelCost {
  const model = ix.get(modelId);
  const factor = tokenFactor(ix, model, v.ref);
  const input = v.input * factor;
  const cached = v.cached * factor;
  const output = v.output * factor;
  const requestsPerMonth = v.perDay * DAYS_PER_MONTH * share;
  const warnings: string[] = [];
  const marks = new Set(Object.values(model.prices).map((f) => f.confidence));
  if (marks.has('third-party')) warnings.push(`${model.name}: prices confirmed only by third parties so far.`);
  else if (marks.has('uncertain'))
    warnings.push(`${model.name}: some prices are inferred or their sources conflict (see the models page).`);
  const min = model.minCacheablePrompt?.value;
  // An unknown minimum is not assumed to be met below the largest minimum any model has: priced uncached, see `ifCacheable`.
  const unknownMin = cached > 0 && min === undefined && cached < largestKnownMinimum(ix);
  const caches = cached > 0 && (min === undefined ? !unknownMin : cached >= min);
  if (cached > 0 && !caches && min !== undefined) {
    warnings.push(
      `A cached prefix of ${Math.round(cached).toLocaleString('en-US')} tokens is below ${model.name}'s minimum cacheable prompt (${min.toLocaleString('en-US')} tokens): the API silently does not cache it, so it is costed as uncached input.`,
    );
  }
  const workload = (cache: boolean) => ({
    inputTokens: cache ? input : input + cached,
    outputTokens: output,
    cacheWriteTokens: cache ? cached * (1 - v.hit) : 0,
    cacheReadTokens: cache ? cached * v.hit : 0,
    cacheTtl: v.ttl,
    inferenceGeo: v.geo,
  });
  const base = workload(caches);
  const result: ModelCost = {
    id: model.id,
    name: model.name,
    tokens: { input, cached, output, factor },
    requestsPerMonth,
    month: ZERO,
    perRequest: 0,
    plainMonth: 0,
    cachedMonth: 0,
    savingsFromCaching: 0,
    savingsFromBatch: 0,
    caches,
    warnings,
  };
  const unpriced = whyUnpriced(ix, model, input + cached, output);
  if (unpriced) {
    result.unpriced = unpriced;
    result.error = unpricedText(unpriced);
    result.warnings = [];
    return result;
  }
  try {
    const monthAt = (index: ModelIndex, w = base) =>
      add(
        costOf(index, model.id, { ...w, requests: requestsPerMonth * (1 - v.batch) }),
        v.batch > 0 ? costOf(index, model.id, { ...w, requests: requestsPerMonth * v.batch, batch: true }) : ZERO,
      );
    const month = monthAt(ix);
    if (hasPriceRange(model)) {
      const [low, high] = (['low', 'high'] as PriceEnd[]).map((end) => monthAt(indexAtEnd(ix, end)).total) as [number, number];
      if (high > low) {
        result.monthRange = { low, high };
        warnings.push(
          `${model.name}: ${priceRangeLabels(model).join(', ')} in its sources, so this month costs ${formatUsd(low)}–${formatUsd(high)} (${formatUsd(month.total)} at the central figures).`,
        );
      }
    }
    if (unknownMin) {
      result.ifCacheable = monthAt(ix, workload(true)).total;
      warnings.push(
        `${model.name}'s minimum cacheable prompt is unknown (not in our sources), and a ${Math.round(cached).toLocaleString('en-US')}-token prefix is below some models' minimums: it is priced uncached (${formatUsd(month.total)} a month); if the prefix is cacheable, ${formatUsd(result.ifCacheable)}. Check cache_read_input_tokens once it runs.`,
      );
    }
    const cachedMonth = costOf(ix, model.id, { ...base, requests: requestsPerMonth }).total;
    const plainMonth = costOf(ix, model.id, {
      requests: requestsPerMonth,
      inputTokens: input + cached,
      outputTokens: output,
      inferenceGeo: v.geo,
    }).total;
    result.month = month;
    result.perRequest = requestsPerMonth > 0 ? month.total / requestsPerMonth : 0;
    result.plainMonth = plainMonth;
    result.cachedMonth = cachedMonth;
    result.savingsFromCaching = plainMonth - cachedMonth;
    result.savingsFromBatch = cachedMonth - month.total;
    result.warnings = [...warnings, ...month.warnings];
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  }
  return result;
}

/** Every listed model priced, cheapest first; models that cannot be priced go last. */
export function compareModels(ix: ModelIndex, ids: readonly string[], v: CalcValues): ModelCost[] {
  return ids.map((id) => modelCost(ix, id, v)).sort((a, b) => (a.error ? 1 : 0) - (b.error ? 1 : 0) || a.month.total - b.month.total);
}

export interface MixResult {
  parts: (MixEntry & { cost: ModelCost })[];
  total: number;
  /** Everything sent to each model of the mix alone, for comparison. */
  singles: ModelCost[];
  error?: string;
}

/** The routing mix ("70% Haiku, 25% Sonnet, 5% Opus") against sending everything to one model. */
export function routingMix(ix: ModelIndex, mix: readonly MixEntry[], v: CalcValues): MixResult {
  const parts = mix.map((e) => ({ ...e, cost: modelCost(ix, e.model, v, e.share) }));
  const failed = parts.find((p) => p.cost.error);
  const total = parts.reduce((a, p) => a + p.cost.month.total, 0);
  const singles = compareModels(
    ix,
    mix.map((e) => e.model),
    v,
  );
  return failed ? { parts, total, singles, error: failed.cost.error ?? '' } : { parts, total, singles };
}

/**
 * One line of the mix against one model, each figure named: "Everything on Claude Haiku 5.5: $1,222.50 a month; the mix
 * ($10,453.50 a month) costs $9,231.00 more." A model that cannot be priced gives its reason.
 */
export function mixVersusSingle(single: ModelCost, mixTotal: number): string {
  if (single.error) return `Everything on ${single.name}: ${single.error}`;
  const diff = single.month.total - mixTotal;
  const mix = `the mix (${formatUsd(mixTotal)} a month)`;
  const verdict =
    Math.abs(diff) < 0.005
      ? `${mix} costs the same`
      : `${mix} costs ${formatUsd(Math.abs(diff))} ${diff > 0 ? 'less' : 'more'}`;
  return `Everything on ${single.name}: ${formatUsd(single.month.total)} a month; ${verdict}.`;
}

/** Where a load stands against one limit: comfortably under, within 20% of it, at it (rounded to 100%), or over. */
export type LimitStatus = 'fits' | 'near' | 'at' | 'over';

export function limitStatus(utilisation: number): LimitStatus {
  if (utilisation > 1.005) return 'over';
  if (utilisation >= 0.995) return 'at';
  if (utilisation >= 0.8) return 'near';
  return 'fits';
}

export interface TierHeadroom {
  tier: string;
  name: string;
  limits: { rpm: number; itpm: number; otpm: number };
  /** Highest of the three usage / limit ratios (1 = at the limit). */
  utilisation: number;
  status: LimitStatus;
  /** True only when the load is below the limit (not at it). */
  fits: boolean;
}

export interface Headroom {
  /** 'old': the last published Tier 1–4 tables; 'new': Start / Build / Scale figures. */
  scheme: 'old' | 'new';
  poolName: string;
  asOf: string;
  /** The figures' mark when not confirmed (e.g. 'third-party'). */
  confidence?: string;
  /** Average per-minute load of the non-Batch traffic. */
  need: { rpm: number; itpm: number; otpm: number };
  tiers: TierHeadroom[];
  /** The lowest tier whose limits are above the average load, if any. */
  lowestFit?: string;
}

const NEW_TIER_NAMES: Record<string, string> = { start: 'Start', build: 'Build', scale: 'Scale' };

/** The average per-minute load of a model's non-Batch traffic: ITPM counts uncached input and cache writes, not reads. */
export function perMinuteLoad(ix: ModelIndex, modelId: string, v: CalcValues): Headroom['need'] {
  const c = modelCost(ix, modelId, v);
  const rpm = (v.perDay * (1 - v.batch)) / (24 * 60);
  const write = c.caches ? c.tokens.cached * (1 - v.hit) : 0;
  const uncached = c.caches ? c.tokens.input : c.tokens.input + c.tokens.cached;
  return { rpm, itpm: rpm * (uncached + write), otpm: rpm * c.tokens.output };
}

/**
 * Average per-minute load against the published limits of the model's pool: the old Tier 1–4 tables for the 4.x pools,
 * the Start / Scale figures for Fable 5.x (third-party copy). Undefined when the catalogue has no figures for the model,
 * which today is every current Opus, Sonnet and Haiku (read your own with the Rate Limits API). Batch traffic has its
 * own limits and is left out.
 */
export function rateLimitHeadroom(ix: ModelIndex, modelId: string, v: CalcValues): Headroom | undefined {
  const model = ix.get(modelId);
  const rows: { id: string; name: string; row: { value: { rpm: number; itpm: number; otpm: number }; asOf?: string; confidence?: string } }[] = [];
  let scheme: Headroom['scheme'] = 'old';
  let poolName = '';
  const pool = model.rateLimitPool ? ix.rateLimits.pools?.[model.rateLimitPool] : undefined;
  if (pool) {
    poolName = pool.name;
    for (const t of ix.rateLimits.tiers ?? []) {
      const row = pool.limits[t.id];
      if (row) rows.push({ id: t.id, name: t.name, row });
    }
  } else if (model.tier === 'fable' && ix.rateLimits.fableNewScheme) {
    scheme = 'new';
    poolName = 'Fable 5.x';
    for (const [id, row] of Object.entries(ix.rateLimits.fableNewScheme)) rows.push({ id, name: NEW_TIER_NAMES[id] ?? id, row });
  }
  if (!rows.length) return undefined;
  const need = perMinuteLoad(ix, modelId, v);
  const tiers: TierHeadroom[] = rows.map(({ id, name, row }) => {
    const l = row.value;
    const utilisation = Math.max(need.rpm / l.rpm, need.itpm / l.itpm, need.otpm / l.otpm);
    const status = limitStatus(utilisation);
    return { tier: id, name, limits: l, utilisation, status, fits: status === 'fits' || status === 'near' };
  });
  const first = rows[0]!.row;
  const h: Headroom = { scheme, poolName, asOf: first.asOf ?? '', need, tiers };
  if (first.confidence && first.confidence !== 'confirmed') h.confidence = first.confidence;
  const fit = tiers.find((t) => t.fits);
  if (fit) h.lowestFit = fit.name;
  return h;
}

/** One sentence on a model's headroom, honest about a load at or over a limit. */
export function headroomVerdict(h: Headroom): string {
  if (!h.lowestFit) {
    const top = h.tiers[h.tiers.length - 1];
    return top && top.status === 'at' ? `At the limit of ${top.name}, the highest tier with figures.` : 'Above every tier with figures.';
  }
  const t = h.tiers.find((x) => x.name === h.lowestFit)!;
  const below = h.tiers.slice(0, h.tiers.indexOf(t)).find((x) => x.status === 'at');
  const at = below ? ` At the limit of ${below.name}.` : '';
  return t.status === 'near' ? `Fits ${t.name}, within 20% of its limit: peaks will hit it.${at}` : `Fits ${t.name}.${at}`;
}

function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? String(Number(v.toFixed(6))) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The comparison as CSV (USD, per month unless stated). Every row carries the inputs it was computed from, and the
 * calculator link that reproduces it, so a CSV attached to a ticket can be checked.
 */
export function comparisonCsv(rows: readonly ModelCost[], v?: CalcValues, link = ''): string {
  const header = [
    'model',
    'name',
    'requests_per_month',
    'cost_per_request_usd',
    'input_usd',
    'output_usd',
    'cache_write_usd',
    'cache_read_usd',
    'total_usd',
    'plain_usd',
    'savings_caching_usd',
    'savings_batch_usd',
    'note',
  ];
  const inputHeader = [
    'input_tokens',
    'cached_prefix_tokens',
    'output_tokens',
    'cache_hit_rate',
    'cache_ttl',
    'requests_per_day',
    'batch_share',
    'inference_geo',
    'routing_mix',
    'tokens_measured_with',
    'calculator_link',
  ];
  const inputs = v
    ? [
        v.input,
        v.cached,
        v.output,
        v.hit,
        v.ttl,
        v.perDay,
        v.batch,
        v.geo,
        v.mix.map((e) => `${e.model}:${Number(e.share.toPrecision(6))}`).join(' '),
        v.ref,
        link,
      ]
    : [];
  const lines = rows.map((r) => {
    const numbers = r.error
      ? Array<string>(9).fill('')
      : [
          r.perRequest,
          r.month.input,
          r.month.output,
          r.month.cacheWrite,
          r.month.cacheRead,
          r.month.total,
          r.plainMonth,
          r.savingsFromCaching,
          r.savingsFromBatch,
        ];
    return [r.id, r.name, r.requestsPerMonth, ...numbers, r.error ?? r.warnings.join(' '), ...inputs].map(csvCell).join(',');
  });
  return [[...header, ...(v ? inputHeader : [])].join(','), ...lines].join('\r\n') + '\r\n';
}
