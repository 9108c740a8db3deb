/**
 * Read access to the model catalogue (content/catalogue.ts): lookups by key, API id or alias, close-match
 * suggestions, non-model facts by key path. Pure; no zod at runtime (the schema is type-only here).
 */
import { BUILD_DATE, LAST_CHECKED, catalogue, facts, models, rateLimits, sources, unpriced } from '../../content/catalogue.ts';
import { closeMatches, createIndex, pricesForPrompt, type ModelIndex, type PricingData } from './catalogue-index.ts';
import type { CatalogueFact, CatalogueModel, CatalogueSource, FactTree, Figure, PriceSet, RateLimitPoolId, UnpricedModel } from '../schemas/catalogue.ts';

export type { CatalogueModel, CatalogueFact, Figure, PriceSet, RateLimitPoolId, ModelIndex, PricingData };
export { BUILD_DATE, LAST_CHECKED, catalogue, rateLimits, pricesForPrompt };
export type { UnpricedModel };

export const MODELS: readonly CatalogueModel[] = models;
export const MODEL_IDS: readonly string[] = MODELS.map((m) => m.id);

function numberFact(path: string): number {
  const v = getFact(path).value;
  if (typeof v !== 'number') throw new Error(`Fact "${path}" is not a number.`);
  return v;
}

/** The catalogue as the pricing engine and calculator need it. */
export function pricingData(): PricingData {
  return {
    models,
    rateLimits,
    usGeoMultiplier: numberFact('multipliers.usGeo'),
    tokenizerInflation: numberFact('tokenizerInflation'),
    newTiersSince: String(getFact('rateLimitScheme.newTiersSince').value),
  };
}

/**
 * A smaller copy for the calculator island's props: only the fields the calculator reads; figures keep their value and,
 * when not confirmed, their mark (no source, date or note). Not for display of provenance.
 */
export function slimPricingData(): PricingData {
  // Only the value, plus the mark when it is not 'confirmed': the calculator reads nothing else. A ranged price keeps its
  // other values and the note that sources them (the usage page shows the range and why).
  const f = <T>(x: Figure<T>): Figure<T> =>
    (x.confidence === 'confirmed'
      ? { value: x.value }
      : { value: x.value, confidence: x.confidence, ...(x.alt ? { alt: x.alt, note: x.note } : {}) }) as Figure<T>;
  const fo = <T>(x: Figure<T> | undefined) => (x ? f(x) : undefined);
  const p = (s: PriceSet): PriceSet => ({
    input: f(s.input),
    output: f(s.output),
    cacheWrite5m: f(s.cacheWrite5m),
    cacheWrite1h: f(s.cacheWrite1h),
    cacheRead: f(s.cacheRead),
  });
  const slim = models.map((m) => {
    const out: CatalogueModel = {
      id: m.id,
      name: m.name,
      tier: m.tier,
      status: f(m.status),
      prices: p(m.prices),
      usGeo: f(m.usGeo),
      tokenizer: f(m.tokenizer),
    };
    const opt = {
      apiId: fo(m.apiId),
      aliases: fo(m.aliases),
      siblings: fo(m.siblings),
      contextWindow: fo(m.contextWindow),
      maxOutput: fo(m.maxOutput),
      batchMultiplier: fo(m.batchMultiplier),
      minCacheablePrompt: fo(m.minCacheablePrompt),
      // A retired model is named as such, with its day and replacement, instead of priced.
      retires: m.status.value === 'retired-api' ? fo(m.retires) : undefined,
    };
    for (const [k, v] of Object.entries(opt)) if (v) (out as Record<string, unknown>)[k] = v;
    if (m.promptTiers) out.promptTiers = m.promptTiers.map((t) => ({ above: t.above, prices: p(t.prices) }));
    if (m.rateLimitPool) out.rateLimitPool = m.rateLimitPool;
    if (m.status.value === 'retired-api' && m.replacedBy) out.replacedBy = m.replacedBy;
    return out;
  });
  return { ...pricingData(), models: slim };
}

/** The index over the full catalogue used on the server and in tests. */
export const catalogueIndex: ModelIndex = createIndex(pricingData(), closeMatches);

/** The model for a catalogue key, Claude API id or alias (case-insensitive), or undefined. */
export function findModel(id: string): CatalogueModel | undefined {
  return catalogueIndex.find(id);
}

/** Ids the SDK names that the guide lists without prices (e.g. claude-mythos-preview). */
export const UNPRICED: readonly UnpricedModel[] = unpriced;

/** What an id names: a catalogue model, an unpriced listed model, or nothing the guide knows. */
export type Resolved = { kind: 'model'; model: CatalogueModel } | { kind: 'unpriced'; entry: UnpricedModel } | undefined;

/** Resolves any id the SDK or the API uses (key, API id, alias, sibling or unpriced id), case-insensitive. */
export function resolveModelId(id: string): Resolved {
  const model = findModel(id);
  if (model) return { kind: 'model', model };
  const q = String(id).trim().toLowerCase();
  const entry = unpriced.find((u) => u.apiId === q || (u.aliases ?? []).includes(q));
  return entry ? { kind: 'unpriced', entry } : undefined;
}

/** Up to `limit` catalogue keys closest to `id` (dots read as dashes, a leading "claude-" ignored). */
export function suggestModels(id: string, limit = 3): string[] {
  return catalogueIndex.suggest(id, limit);
}

/** The model for `id`; throws an Error naming close matches when the id is unknown. */
export function getModel(id: string): CatalogueModel {
  return catalogueIndex.get(id);
}

export function getSource(key: string): CatalogueSource | undefined {
  return (sources as Record<string, CatalogueSource>)[key];
}

function isFact(node: FactTree | CatalogueFact): node is CatalogueFact {
  return typeof node === 'object' && node !== null && 'unit' in node && 'value' in node && 'source' in node;
}

/** A non-model fact by dotted key path (e.g. `spendCaps.build`); throws listing the keys at the failing level. */
export function getFact(path: string): CatalogueFact {
  let node: FactTree | CatalogueFact = facts;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    if (isFact(node)) throw new Error(`Fact key "${path}": "${parts.slice(0, i).join('.')}" is already a figure.`);
    const next: FactTree | CatalogueFact | undefined = (node as FactTree)[part];
    if (!next) {
      const here = parts.slice(0, i).join('.');
      throw new Error(`Unknown fact key "${path}". Keys${here ? ` under "${here}"` : ''}: ${Object.keys(node).join(', ')}.`);
    }
    node = next;
  }
  if (!isFact(node)) throw new Error(`Fact key "${path}" is a group; pick one of: ${Object.keys(node).join(', ')}.`);
  return node;
}

/** Every fact with its dotted key, for listings and tests. */
export function allFacts(): [string, CatalogueFact][] {
  const out: [string, CatalogueFact][] = [];
  const walk = (node: FactTree, prefix: string) => {
    for (const [k, v] of Object.entries(node)) {
      if (isFact(v)) out.push([prefix + k, v]);
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(facts, '');
  return out;
}

export const STATUS_LABEL: Record<CatalogueModel['status']['value'], string> = {
  current: 'Current',
  legacy: 'Legacy (still available)',
  deprecated: 'Deprecated',
  'retired-api': 'Retired on the Claude API',
};

export const THINKING_LABEL: Record<NonNullable<CatalogueModel['thinking']>['value'], string> = {
  'adaptive-only': 'Adaptive only (budget_tokens rejected)',
  adaptive: 'Adaptive (budget_tokens deprecated)',
  extended: 'Extended thinking (budget_tokens)',
  none: 'None',
};

export const TOKENIZER_LABEL: Record<CatalogueModel['tokenizer']['value'], string> = {
  'pre-4.7': 'Older (Sonnet 4.6 and earlier)',
  '4.7': 'Newer (Claude 4.7 and later)',
};

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC). Negative when `to` is in the past. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
