/**
 * Lookups over a list of catalogue models, with no import of the catalogue file itself: the server binds it to
 * content/catalogue.ts (src/lib/catalogue.ts), the calculator island to the slim copy its page passes in as a prop,
 * so the island's JavaScript does not carry the whole catalogue. Pure.
 */
import type { CatalogueModel, PriceSet, RateLimits } from '../schemas/catalogue.ts';
import { formatPrice, formatPricePerMTok } from './format.ts';

/** What the pricing engine and the calculator need from the catalogue. */
export interface PricingData {
  models: CatalogueModel[];
  rateLimits: RateLimits;
  /** multipliers.usGeo (1.1). */
  usGeoMultiplier: number;
  /** tokenizerInflation (0.3). */
  tokenizerInflation: number;
  /** rateLimitScheme.newTiersSince. */
  newTiersSince: string;
}

export interface ModelIndex extends PricingData {
  ids: string[];
  /** The model for a catalogue key, Claude API id or alias (case-insensitive), or undefined. */
  find(id: string): CatalogueModel | undefined;
  /** The model; throws an Error naming close matches when the id is unknown. */
  get(id: string): CatalogueModel;
  /** Up to `limit` catalogue keys closest to `id`. */
  suggest(id: string, limit?: number): string[];
}

// String() so a non-string id from untyped callers gets the "unknown model" message, not a TypeError.
const norm = (id: string) => String(id).trim().toLowerCase();

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Every name a model answers to: catalogue key, API id, aliases and same-spec siblings (e.g. the Mythos twin of a Fable). */
export const namesOf = (m: CatalogueModel) =>
  [m.id, m.apiId?.value, ...(m.aliases?.value ?? []), ...(m.siblings?.value ?? []).map((s) => s.apiId)].filter((x): x is string => !!x);

/** Catalogue keys closest to `id` (dots read as dashes; a leading "claude-" or "anthropic." ignored), best first. */
export function closeMatches(models: readonly CatalogueModel[], id: string, limit = 3): string[] {
  const q = norm(id)
    .replace(/[._\s]+/g, '-')
    .replace(/^anthropic-/, '')
    .replace(/^claude-/, '');
  const max = Math.max(3, Math.floor(q.length / 2));
  return models
    .map((m, i) => ({ id: m.id, i, d: Math.min(...namesOf(m).map((n) => editDistance(q, n.replace(/^claude-/, '')))) }))
    .filter((s) => s.d <= max)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, limit)
    .map((s) => s.id);
}

/**
 * An index over `data.models`. `suggest` finds close matches for unknown ids; the server passes `closeMatches`, the
 * calculator island leaves it out (its ids come from its own checkboxes) to keep its bundle small.
 */
export function createIndex(
  data: PricingData,
  suggest: (models: readonly CatalogueModel[], id: string, limit?: number) => string[] = () => [],
): ModelIndex {
  const ids = data.models.map((m) => m.id);
  const byKey = new Map<string, CatalogueModel>();
  for (const m of data.models) for (const k of namesOf(m)) byKey.set(norm(k), m);
  const find = (id: string) => byKey.get(norm(id));
  const get = (id: string) => {
    const m = find(id);
    if (m) return m;
    const close = suggest(data.models, id);
    const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
    throw new Error(`Unknown model "${id}".${hint} Known models: ${ids.join(', ')}.`);
  };
  return { ...data, ids, find, get, suggest: (id, limit) => suggest(data.models, id, limit) };
}

/** Prices that apply to a request whose prompt (input + cache write + cache read) is `promptTokens`. */
export function pricesForPrompt(model: CatalogueModel, promptTokens: number): PriceSet {
  let chosen = model.prices;
  let above = -1;
  for (const tier of model.promptTiers ?? []) {
    if (promptTokens > tier.above && tier.above > above) {
      chosen = tier.prices;
      above = tier.above;
    }
  }
  return chosen;
}

/** Which end of a price range: every ranged price at its lowest value, or at its highest. */
export type PriceEnd = 'low' | 'high';

/** The lowest and highest of a price figure's value and its `alt` values, or undefined when it has none. */
export function priceRange(f: { value: number; alt?: number[] | undefined }): { low: number; high: number } | undefined {
  if (!f.alt?.length) return undefined;
  return { low: Math.min(f.value, ...f.alt), high: Math.max(f.value, ...f.alt) };
}

const PRICE_KEYS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead'] as const;

/** Whether any price of the model (any prompt-size tier) has a range. */
export function hasPriceRange(m: CatalogueModel): boolean {
  return [m.prices, ...(m.promptTiers ?? []).map((t) => t.prices)].some((p) => PRICE_KEYS.some((k) => priceRange(p[k])));
}

function priceSetAt(p: PriceSet, end: PriceEnd): PriceSet {
  const out = { ...p };
  for (const k of PRICE_KEYS) {
    const r = priceRange(p[k]);
    if (r) out[k] = { ...p[k], value: r[end] };
  }
  return out;
}

const PRICE_LABEL = { input: 'input', output: 'output', cacheWrite5m: '5-minute cache write', cacheWrite1h: '1-hour cache write', cacheRead: 'cache read' } as const;

/** "cache read $0.20–$0.80 / MTok" for each ranged price of the model (base prices and prompt-size tiers), no repeats. */
export function priceRangeLabels(m: CatalogueModel): string[] {
  const out: string[] = [];
  for (const p of [m.prices, ...(m.promptTiers ?? []).map((t) => t.prices)]) {
    for (const k of PRICE_KEYS) {
      const r = priceRange(p[k]);
      const line = r && `${PRICE_LABEL[k]} ${formatPrice(r.low)}–${formatPricePerMTok(r.high)}`;
      if (line && !out.includes(line)) out.push(line);
    }
  }
  return out;
}

const endCache = new WeakMap<ModelIndex, Record<PriceEnd, ModelIndex>>();

/** The same index with every ranged price at one end of its range (models without a range are unchanged). Cached. */
export function indexAtEnd(index: ModelIndex, end: PriceEnd): ModelIndex {
  let ends = endCache.get(index);
  if (!ends) endCache.set(index, (ends = { low: buildAtEnd(index, 'low'), high: buildAtEnd(index, 'high') }));
  return ends[end];
}

function buildAtEnd(index: ModelIndex, end: PriceEnd): ModelIndex {
  const models = index.models.map((m) =>
    hasPriceRange(m)
      ? { ...m, prices: priceSetAt(m.prices, end), ...(m.promptTiers ? { promptTiers: m.promptTiers.map((t) => ({ ...t, prices: priceSetAt(t.prices, end) })) } : {}) }
      : m,
  );
  return createIndex({ ...index, models });
}
