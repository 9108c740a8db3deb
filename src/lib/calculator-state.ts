/**
 * The calculator's whole state lives in the URL query string. This module turns a query string into values plus
 * per-field error messages and back. It never throws and never yields NaN or Infinity: a field that cannot be read
 * keeps its default value and gets a message to show beside it.
 *
 * Parameters: models=opus-5-5,sonnet-5-5,haiku-5-5  input=2000 (uncached input tokens / request)
 *   cached=8000 (cacheable prefix tokens / request)  output=500  hit=0.9 (cache hit rate 0–1)  ttl=5m|1h
 *   perDay=10000 (or perMonth=300000)  batch=0 (share via Batch 0–1)  geo=global|us
 *   mix=haiku-5-5:0.7,sonnet-5-5:0.25,opus-5-5:0.05 (optional routing mix)
 *   ref=sonnet-4-6 (optional: the model whose tokenizer the token counts were measured with)
 */
import type { ModelIndex } from './catalogue-index.ts';
import { formatInt } from './format.ts';

export const DAYS_PER_MONTH = 30;

export interface MixEntry {
  model: string;
  share: number;
}

export interface CalcValues {
  models: string[];
  input: number;
  cached: number;
  output: number;
  hit: number;
  ttl: '5m' | '1h';
  /** Requests per day (derived from perMonth ÷ 30 when the volume was given per month). */
  perDay: number;
  period: 'day' | 'month';
  batch: number;
  geo: 'global' | 'us';
  mix: MixEntry[];
  /** Catalogue key of the model the token counts were measured with; '' = each model's own counts. */
  ref: string;
}

/** What the fields hold as text (what the user typed), keyed like the form. */
export interface RawState {
  models: string;
  input: string;
  cached: string;
  output: string;
  hit: string;
  ttl: string;
  volume: string;
  period: string;
  batch: string;
  geo: string;
  mix: string;
  ref: string;
}

export type Field = keyof RawState;
export type FieldErrors = Partial<Record<Field, string>>;

export interface ParsedState {
  values: CalcValues;
  raw: RawState;
  errors: FieldErrors;
}

/** The workload the calculator opens on. `models` is empty here: it is the current lineup, read from the catalogue (`currentLineup`). */
export const DEFAULT_VALUES: CalcValues = {
  models: [],
  input: 2000,
  cached: 8000,
  output: 500,
  hit: 0.9,
  ttl: '5m',
  perDay: 10000,
  period: 'day',
  batch: 0,
  geo: 'global',
  mix: [],
  ref: '',
};

/** The tiers the calculator compares by default, most capable first. */
const LINEUP_TIERS = ['opus', 'sonnet', 'haiku'] as const;

/** The current model of each tier (Opus, Sonnet, Haiku), as the catalogue marks them: the calculator's default comparison. */
export function currentLineup(ix: ModelIndex): string[] {
  return LINEUP_TIERS.flatMap((t) => {
    const m = ix.models.find((x) => x.tier === t && x.status.value === 'current');
    return m ? [m.id] : [];
  });
}

/** The defaults with the current lineup filled in. */
export function defaultValues(ix: ModelIndex): CalcValues {
  return { ...DEFAULT_VALUES, models: currentLineup(ix), mix: [] };
}

/** Upper bounds that keep every product finite and well inside double precision. */
export const MAX_TOKENS_PER_REQUEST = 10_000_000;
export const MAX_REQUESTS = 1_000_000_000;

/** The message for a number over its limit, the same on the calculator and the diagnostic. */
export function tooLargeMessage(max: number): string {
  return `Must be at most ${formatInt(max)}.`;
}

interface NumberRule {
  min: number;
  max: number;
  /** Accept "90%" as 0.9. */
  percent?: boolean;
  label: string;
}

const SEPARATED = /^[+-]?\d{1,3}([,'’_\s\u00a0\u202f]\d{3})+(\.\d+)?$/;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads one number field. Returns the value or an error message; never throws. */
export function parseNumber(text: string, rule: NumberRule): { value?: number; error?: string } {
  let s = text
    .normalize('NFKC')
    .trim()
    .replace(/[\u2212\u2012\u2013]/g, '-');
  if (s === '') return { error: `Enter ${rule.label}.` };
  let divisor = 1;
  if (rule.percent && s.endsWith('%')) {
    s = s.slice(0, -1).trim();
    divisor = 100;
  }
  // Thousands separators (1,000,000 or 1 000 000) are read as such; a single comma before 1–2 or 4+ digits is a decimal comma.
  if (SEPARATED.test(s)) s = s.replace(/[,'’_\s\u00a0\u202f]/g, '');
  if (/^[+-]?\d+,\d+$/.test(s)) return { error: `Use a dot for decimals: ${s.replace(',', '.')}.` };
  if (!PLAIN.test(s)) return { error: `Enter ${rule.label} using digits, e.g. ${rule.max <= 1 ? '0.5' : '2000'}.` };
  const n = Number(s) / divisor;
  if (!Number.isFinite(n)) return { error: 'That number is too large.' };
  if (n < rule.min) return { error: rule.min === 0 ? 'Must be 0 or more.' : `Must be at least ${rule.min}.` };
  if (n > rule.max) {
    return {
      error:
        rule.max === 1
          ? `Enter a share between 0 and 1 (e.g. 0.9 for 90%).`
          : tooLargeMessage(rule.max),
    };
  }
  return { value: n === 0 ? 0 : n };
}

const TOKEN_RULE = (label: string): NumberRule => ({ min: 0, max: MAX_TOKENS_PER_REQUEST, label });
const RULES = {
  input: TOKEN_RULE('a token count'),
  cached: TOKEN_RULE('a token count'),
  output: TOKEN_RULE('a token count'),
  hit: { min: 0, max: 1, percent: true, label: 'a hit rate between 0 and 1' },
  batch: { min: 0, max: 1, percent: true, label: 'a share between 0 and 1' },
  volume: { min: 0, max: MAX_REQUESTS, label: 'a number of requests' },
} satisfies Record<string, NumberRule>;

function unknownModel(ix: ModelIndex, id: string): string {
  const close = ix.suggest(id);
  return `Unknown model "${id}".${close.length ? ` Did you mean ${close.join(', ')}?` : ''}`;
}

/** Reads a comma-separated model list; unknown ids are reported and skipped. */
export function parseModels(ix: ModelIndex, text: string): { value: string[]; error?: string } {
  const out: string[] = [];
  const bad: string[] = [];
  for (const part of text.split(',')) {
    const id = part.trim();
    if (!id) continue;
    const m = ix.find(id);
    if (!m) bad.push(unknownModel(ix, id));
    else if (!out.includes(m.id)) out.push(m.id);
  }
  if (bad.length) return { value: out, error: bad.join(' ') };
  if (!out.length) return { value: out, error: 'Choose at least one model.' };
  return { value: out };
}

/** Reads `haiku-4-5:0.7,sonnet-4-6:0.25,opus-4-7:0.05`. Shares must add up to 1 (percentages are accepted). */
export function parseMix(ix: ModelIndex, text: string): { value: MixEntry[]; error?: string } {
  const s = text.trim();
  if (!s) return { value: [] };
  const out: MixEntry[] = [];
  for (const part of s.split(',')) {
    const [id = '', share = '', ...rest] = part.split(':').map((x) => x.trim());
    if (!id || rest.length) return { value: [], error: `Write each entry as model:share, e.g. haiku-4-5:0.7 (problem: "${part.trim()}").` };
    const m = ix.find(id);
    if (!m) return { value: [], error: unknownModel(ix, id) };
    const n = parseNumber(share, { min: 0, max: 1, percent: true, label: `a share for ${m.id}` });
    if (n.error !== undefined || n.value === undefined) return { value: [], error: `${m.id}: ${n.error ?? 'missing share.'}` };
    const existing = out.find((e) => e.model === m.id);
    if (existing) existing.share += n.value;
    else out.push({ model: m.id, share: n.value });
  }
  const sum = out.reduce((a, e) => a + e.share, 0);
  if (Math.abs(sum - 1) > 0.001) {
    return { value: [], error: `The shares add up to ${Number(sum.toFixed(4))}; they must add up to 1 (100%).` };
  }
  // Within the tolerance, scale to exactly 1: a repeated model's summed share (0.7 + 0.3000000000000002) never exceeds 1.
  return { value: out.map((e) => ({ ...e, share: Math.min(1, e.share / sum) })) };
}

export function rawFromValues(v: CalcValues): RawState {
  const volume = v.period === 'month' ? v.perDay * DAYS_PER_MONTH : v.perDay;
  return {
    models: v.models.join(','),
    input: String(v.input),
    cached: String(v.cached),
    output: String(v.output),
    hit: String(v.hit),
    ttl: v.ttl,
    volume: String(Number(volume.toPrecision(12))),
    period: v.period,
    batch: String(v.batch),
    geo: v.geo,
    mix: v.mix.map((e) => `${e.model}:${Number(e.share.toPrecision(6))}`).join(','),
    ref: v.ref,
  };
}

/** The fields' text for the defaults (current lineup included). */
export function defaultRaw(ix: ModelIndex): RawState {
  return rawFromValues(defaultValues(ix));
}

/** Reads the fields' text into values and messages. Never throws. */
export function parseRaw(ix: ModelIndex, raw: RawState): ParsedState {
  const values: CalcValues = defaultValues(ix);
  const errors: FieldErrors = {};

  const models = parseModels(ix, raw.models);
  if (models.value.length) values.models = models.value;
  if (models.error) errors.models = models.error;

  for (const f of ['input', 'cached', 'output', 'hit', 'batch'] as const) {
    const r = parseNumber(raw[f], RULES[f]);
    if (r.value !== undefined) values[f] = r.value;
    else errors[f] = r.error ?? 'Invalid value.';
  }

  values.period = raw.period === 'month' ? 'month' : 'day';
  if (raw.period !== 'day' && raw.period !== 'month') errors.period = 'Choose per day or per month.';
  const vol = parseNumber(raw.volume, RULES.volume);
  if (vol.value !== undefined) values.perDay = values.period === 'month' ? vol.value / DAYS_PER_MONTH : vol.value;
  else errors.volume = vol.error ?? 'Invalid value.';

  if (raw.ttl === '5m' || raw.ttl === '1h') values.ttl = raw.ttl;
  else errors.ttl = 'Choose a cache lifetime of 5m or 1h.';
  if (raw.geo === 'global' || raw.geo === 'us') values.geo = raw.geo;
  else errors.geo = 'Choose global or us.';

  const mix = parseMix(ix, raw.mix);
  values.mix = mix.value;
  if (mix.error) errors.mix = mix.error;

  const ref = raw.ref.trim();
  if (ref) {
    const m = ix.find(ref);
    if (m) values.ref = m.id;
    else errors.ref = unknownModel(ix, ref);
  }
  return { values, raw, errors };
}

/** Reads a query string (`?models=…&input=…`) or URLSearchParams. Missing parameters take their defaults. Never throws. */
export function parseQuery(ix: ModelIndex, query: string | URLSearchParams): ParsedState {
  let params: URLSearchParams;
  try {
    params = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  } catch {
    params = new URLSearchParams();
  }
  const get = (k: string): string | null => params.get(k);
  const raw: RawState = defaultRaw(ix);
  const take = (field: Field, key: string = field) => {
    const v = get(key);
    if (v !== null) raw[field] = v;
  };
  (['models', 'input', 'cached', 'output', 'hit', 'ttl', 'batch', 'geo', 'mix', 'ref'] as const).forEach((f) => take(f));
  const perDay = get('perDay');
  const perMonth = get('perMonth');
  if (perDay !== null) {
    raw.volume = perDay;
    raw.period = 'day';
  } else if (perMonth !== null) {
    raw.volume = perMonth;
    raw.period = 'month';
  }
  return parseRaw(ix, raw);
}

/** Writes the fields' text to a query string (without "?"), in a stable order; the routing mix and ref only when set. */
export function serializeQuery(raw: RawState): string {
  const p = new URLSearchParams();
  p.set('models', raw.models);
  p.set('input', raw.input);
  p.set('cached', raw.cached);
  p.set('output', raw.output);
  p.set('hit', raw.hit);
  p.set('ttl', raw.ttl);
  p.set(raw.period === 'month' ? 'perMonth' : 'perDay', raw.volume);
  p.set('batch', raw.batch);
  p.set('geo', raw.geo);
  if (raw.mix.trim()) p.set('mix', raw.mix);
  if (raw.ref.trim()) p.set('ref', raw.ref);
  // Keep commas and colons readable in shared links.
  return p.toString().replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}
