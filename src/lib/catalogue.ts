/**
 * Read access to the model catalogue (content/catalogue.ts): lookups by key, API id or alias, close-match
 * suggestions, non-model facts by key path. Pure; no zod at runtime (the schema is type-only here).
 */
import { catalogue, facts, models, rateLimits, sources } from '../../content/catalogue.ts';
import type { CatalogueFact, CatalogueModel, CatalogueSource, FactTree, Figure, PriceSet, RateLimitPoolId } from '../schemas/catalogue.ts';

export type { CatalogueModel, CatalogueFact, Figure, PriceSet, RateLimitPoolId };
export { catalogue, rateLimits };

export const MODELS: readonly CatalogueModel[] = models;
export const MODEL_IDS: readonly string[] = MODELS.map((m) => m.id);

function normalise(id: string): string {
  return id.trim().toLowerCase();
}

const byKey = new Map<string, CatalogueModel>();
for (const m of MODELS) {
  for (const k of [m.id, m.apiId?.value, ...(m.aliases?.value ?? [])]) if (k) byKey.set(normalise(k), m);
}

/** The model for a catalogue key, Claude API id or alias (case-insensitive), or undefined. */
export function findModel(id: string): CatalogueModel | undefined {
  return byKey.get(normalise(id));
}

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

/** Up to `limit` catalogue keys closest to `id` (dots read as dashes, a leading "claude-" ignored). */
export function suggestModels(id: string, limit = 3): string[] {
  const q = normalise(id)
    .replace(/[._\s]+/g, '-')
    .replace(/^claude-/, '')
    .replace(/^anthropic\./, '');
  const scored = MODELS.map((m) => {
    const names = [m.id, m.apiId?.value, ...(m.aliases?.value ?? [])].filter((x): x is string => !!x).map((x) => x.replace(/^claude-/, ''));
    const d = Math.min(...names.map((n) => editDistance(q, n)));
    return { id: m.id, d };
  });
  const maxDistance = Math.max(3, Math.floor(q.length / 2));
  return scored
    .filter((s) => s.d <= maxDistance)
    .sort((a, b) => a.d - b.d || MODEL_IDS.indexOf(a.id) - MODEL_IDS.indexOf(b.id))
    .slice(0, limit)
    .map((s) => s.id);
}

/** The model for `id`; throws an Error naming close matches when the id is unknown. */
export function getModel(id: string): CatalogueModel {
  const m = findModel(id);
  if (m) return m;
  const close = suggestModels(id);
  const hint = close.length ? ` Did you mean ${close.map((c) => `"${c}"`).join(', ')}?` : '';
  throw new Error(`Unknown model "${id}".${hint} Known models: ${MODEL_IDS.join(', ')}.`);
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

export const STATUS_LABEL: Record<CatalogueModel['status']['value'], string> = {
  current: 'Current',
  legacy: 'Legacy (still available)',
  deprecated: 'Deprecated',
  'retired-api': 'Retired on the Claude API (still on Bedrock / Google Cloud)',
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
