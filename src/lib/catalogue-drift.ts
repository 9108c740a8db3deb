/**
 * The drift alarm: compares what Anthropic's SDK says about models (its `Model` type union and its deprecated-models
 * table) with the catalogue, and with what `GET /v1/models` returns (scripts/check-live.ts). Pure: callers read the
 * files or the network and pass text and objects in. Used by tests/unit/sdk-drift.test.ts, so bumping
 * `@anthropic-ai/sdk` turns CI red until the catalogue follows.
 */
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type { CatalogueModel, ModelStatus } from '../schemas/catalogue.ts';

/** One disagreement, naming the model. */
export interface Drift {
  model: string;
  problem: string;
}

/** The quoted ids of `export type Model = 'a' | 'b' | (string & {});` in the SDK's messages.d.ts. */
export function parseModelUnion(dts: string): string[] {
  const m = /export type Model\s*=\s*([^;]+);/.exec(dts);
  if (!m) throw new Error('No `export type Model = …;` found: the SDK changed the shape of its model list.');
  const ids = [...m[1]!.matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => x[1] ?? x[2]!);
  if (ids.length === 0) throw new Error('The SDK `Model` type names no model id.');
  return ids;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "January 22nd, 2027" (the SDK's wording) → "2027-01-22"; undefined when it is not a date of that form. */
export function parseSdkDate(text: string): string | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** The `DEPRECATED_MODELS = { 'id': 'Month Dth, YYYY', … }` table of the SDK's internal/data/deprecated-models.js. */
export function parseDeprecatedModels(js: string): Record<string, string> {
  const m = /DEPRECATED_MODELS\s*=\s*\{([^}]*)\}/.exec(js);
  if (!m) throw new Error('No DEPRECATED_MODELS table found: the SDK changed the shape of its deprecation data.');
  const out: Record<string, string> = {};
  for (const row of m[1]!.matchAll(/['"]([^'"]+)['"]\s*:\s*['"]([^'"]+)['"]/g)) {
    const day = parseSdkDate(row[2]!);
    if (!day) throw new Error(`DEPRECATED_MODELS["${row[1]}"] = "${row[2]}" is not a date the drift test can read.`);
    out[row[1]!] = day;
  }
  return out;
}

/** What the catalogue knows about one id, as the drift check needs it. */
export interface KnownModel {
  /** Catalogue key or the unpriced entry's id, used in messages. */
  key: string;
  status: ModelStatus;
  retires?: string | undefined;
  /** Every API id the entry answers to. */
  apiIds: string[];
}

/** The catalogue entries (priced and unpriced) in the shape `checkSdkDrift` reads. */
export function knownModels(
  models: readonly CatalogueModel[],
  unpriced: readonly { apiId: string; status: { value: ModelStatus }; retires?: { value: string } | undefined }[],
): KnownModel[] {
  return [
    ...models.map((m) => ({
      key: m.id,
      status: m.status.value,
      retires: m.retires?.value,
      apiIds: [m.apiId?.value, ...(m.aliases?.value ?? []), ...(m.siblings?.value ?? []).map((s) => s.apiId)].filter(
        (x): x is string => !!x,
      ),
    })),
    ...unpriced.map((u) => ({ key: u.apiId, status: u.status.value, retires: u.retires?.value, apiIds: [u.apiId] })),
  ];
}

/**
 * Three alarms, each naming the model:
 *  1. the SDK names a model the catalogue cannot resolve;
 *  2. the SDK deprecates a model the catalogue does not mark deprecated (or retired), or gives another date;
 *  3. a catalogue model none of whose ids the SDK lists any more is not marked retired.
 */
export function checkSdkDrift(sdk: { models: readonly string[]; deprecated: Record<string, string> }, known: readonly KnownModel[]): Drift[] {
  const byId = new Map<string, KnownModel>();
  for (const k of known) for (const id of k.apiIds) byId.set(id, k);
  const drifts: Drift[] = [];
  for (const id of sdk.models) {
    if (!byId.has(id)) drifts.push({ model: id, problem: 'the SDK names this model, but the catalogue cannot resolve it: add an entry (or an alias, sibling or unpriced id)' });
  }
  for (const [id, day] of Object.entries(sdk.deprecated)) {
    const k = byId.get(id);
    if (!k) {
      drifts.push({ model: id, problem: `the SDK deprecates this model (retires ${day}), but the catalogue cannot resolve it` });
      continue;
    }
    if (k.status !== 'deprecated' && k.status !== 'retired-api') {
      drifts.push({ model: id, problem: `the SDK deprecates this model (retires ${day}); the catalogue entry "${k.key}" says "${k.status}"` });
    } else if (k.retires !== day) {
      drifts.push({ model: id, problem: `the SDK gives retirement date ${day}; the catalogue entry "${k.key}" says ${k.retires ?? 'none'}` });
    }
  }
  const listed = new Set(sdk.models);
  for (const k of known) {
    if (k.apiIds.length === 0 || k.apiIds.some((id) => listed.has(id))) continue;
    if (k.status !== 'retired-api') {
      drifts.push({ model: k.key, problem: `the SDK no longer lists ${k.apiIds.join(' / ')}, but the catalogue says "${k.status}": mark it retired with its date` });
    }
  }
  return drifts;
}

/** What `GET /v1/models` says of each model (the SDK's own type, so a changed field fails the type-check). */
export type LiveModel = Pick<ModelInfo, 'id' | 'lifecycle' | 'retires_at' | 'max_input_tokens' | 'max_tokens' | 'capabilities'>;

const LIFECYCLE: Record<LiveModel['lifecycle'], ModelStatus[]> = {
  active: ['current', 'legacy'],
  deprecated: ['deprecated'],
  retired: ['retired-api'],
};
const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;

/** What the catalogue's thinking mode implies for the `thinking.type` values a model accepts. */
const THINKING_TYPES: Record<NonNullable<CatalogueModel['thinking']>['value'], { adaptive: boolean; enabled: boolean }> = {
  'adaptive-only': { adaptive: true, enabled: false },
  adaptive: { adaptive: true, enabled: true },
  extended: { adaptive: false, enabled: true },
  none: { adaptive: false, enabled: false },
};

export interface LiveDifference {
  model: string;
  field: string;
  live: string;
  catalogue: string;
}

/** Differences between the live model list and the catalogue, one row per model and field. */
export function checkLiveModels(live: readonly LiveModel[], find: (id: string) => CatalogueModel | undefined): LiveDifference[] {
  const rows: LiveDifference[] = [];
  const add = (model: string, field: string, l: unknown, c: unknown) =>
    rows.push({ model, field, live: String(l ?? '—'), catalogue: String(c ?? '—') });
  for (const lm of live) {
    const m = find(lm.id);
    if (!m) {
      add(lm.id, 'entry', 'listed', 'missing');
      continue;
    }
    if (!LIFECYCLE[lm.lifecycle]?.includes(m.status.value)) add(lm.id, 'lifecycle', lm.lifecycle, m.status.value);
    const retires = lm.retires_at ? lm.retires_at.slice(0, 10) : undefined;
    if (retires !== m.retires?.value) add(lm.id, 'retires_at', retires, m.retires?.value);
    if (lm.max_input_tokens != null && lm.max_input_tokens !== m.contextWindow?.value) add(lm.id, 'max_input_tokens', lm.max_input_tokens, m.contextWindow?.value);
    if (lm.max_tokens != null && lm.max_tokens !== m.maxOutput?.value) add(lm.id, 'max_tokens', lm.max_tokens, m.maxOutput?.value);
    const caps = lm.capabilities;
    if (!caps) continue;
    if (m.effort) {
      const levels = caps.effort.supported ? EFFORT_LEVELS.filter((l) => caps.effort[l]?.supported) : [];
      const want = EFFORT_LEVELS.filter((l) => m.effort!.value.includes(l));
      if (levels.join(',') !== want.join(',')) add(lm.id, 'effort levels', levels.join(', ') || 'none', want.join(', ') || 'none');
    }
    if (m.thinking) {
      const want = THINKING_TYPES[m.thinking.value];
      const types = caps.thinking.types;
      const got = { adaptive: !!types?.adaptive?.supported, enabled: !!types?.enabled?.supported };
      if (got.adaptive !== want.adaptive || got.enabled !== want.enabled) {
        const say = (t: { adaptive: boolean; enabled: boolean }) => `adaptive ${t.adaptive ? 'yes' : 'no'}, enabled ${t.enabled ? 'yes' : 'no'}`;
        add(lm.id, 'thinking types', say(got), `${m.thinking.value} (${say(want)})`);
      }
    }
    const batchOn = caps.batch.supported;
    if (batchOn !== (m.batchMultiplier !== undefined)) add(lm.id, 'batch', batchOn ? 'yes' : 'no', m.batchMultiplier ? 'yes' : 'no');
  }
  return rows;
}
