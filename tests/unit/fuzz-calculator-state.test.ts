// Property-based tests for the calculator's URL state (src/lib/calculator-state.ts): any query string parses without
// throwing into finite values inside the documented bounds, every unreadable field gets its own message and keeps its
// default, and a parsed state survives a round trip through the URL.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DAYS_PER_MONTH,
  defaultRaw,
  defaultValues,
  MAX_REQUESTS,
  MAX_TOKENS_PER_REQUEST,
  parseMix,
  parseModels,
  parseNumber,
  parseQuery,
  parseRaw,
  serializeQuery,
  type CalcValues,
  type Field,
  type ParsedState,
  type RawState,
} from '../../src/lib/calculator-state.ts';
import { MODEL_IDS, catalogueIndex as ix } from '../../src/lib/catalogue.ts';
import { HOSTILE_VALUES, ensure, hostileString, numberText, queryString } from '../support/hostile.ts';

const RUNS = 3000;
const DEFAULT_VALUES = defaultValues(ix);
const DEFAULT_RAW = defaultRaw(ix);
const PARAMS = ['models', 'input', 'cached', 'output', 'hit', 'ttl', 'perDay', 'perMonth', 'batch', 'geo', 'mix', 'ref'] as const;
const FIELDS: readonly Field[] = ['models', 'input', 'cached', 'output', 'hit', 'ttl', 'volume', 'period', 'batch', 'geo', 'mix', 'ref'];
const NUMBER_FIELDS = ['input', 'cached', 'output', 'hit', 'batch'] as const;

/** Values that look like what the form produces, mixed with hostile ones, so both paths of every field are exercised. */
const paramValue = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: numberText },
  { weight: 1, arbitrary: fc.constantFrom('5m', '1h', 'global', 'us', 'day', 'month') },
  { weight: 1, arbitrary: fc.subarray([...MODEL_IDS], { minLength: 0, maxLength: 4 }).map((ids) => ids.join(',')) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom(...MODEL_IDS, 'nope', '<b>'), fc.oneof(numberText, fc.constantFrom('0.5', '50%', '1'))), { maxLength: 4 })
      .map((es) => es.map(([m, s]) => `${m}:${s}`).join(',')),
  },
);
const query = queryString(PARAMS, paramValue);

/**
 * A message is plain text: non-empty, and "NaN", "Infinity", "undefined" or "[object Object]" appear in it only when
 * quoted from what the reader typed (`Unknown model "NaN".` is a correct message; `Must be at most NaN.` is a bug).
 */
function noBadText(s: string, typed: string) {
  ensure(typeof s === 'string' && s.trim() !== '', () => `empty message: ${JSON.stringify(s)}`);
  for (const m of s.matchAll(/NaN|Infinity|undefined|\[object Object\]|∞/g)) {
    ensure(typed.includes(m[0]), () => `"${m[0]}" in ${JSON.stringify(s)} was not typed`);
  }
}

const IDS = new Set(MODEL_IDS);

/** The invariants of any ParsedState. */
function checkState({ values: v, errors, raw }: ParsedState) {
  const finite = (n: number, min: number, max: number, name: string) =>
    ensure(typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max, () => `${name} = ${n}, outside [${min}, ${max}]`);
  finite(v.input, 0, MAX_TOKENS_PER_REQUEST, 'input');
  finite(v.cached, 0, MAX_TOKENS_PER_REQUEST, 'cached');
  finite(v.output, 0, MAX_TOKENS_PER_REQUEST, 'output');
  finite(v.hit, 0, 1, 'hit');
  finite(v.batch, 0, 1, 'batch');
  finite(v.perDay, 0, MAX_REQUESTS, 'perDay');
  ensure(v.ttl === '5m' || v.ttl === '1h', `ttl = ${v.ttl}`);
  ensure(v.geo === 'global' || v.geo === 'us', `geo = ${v.geo}`);
  ensure(v.period === 'day' || v.period === 'month', `period = ${v.period}`);
  ensure(v.models.length > 0, 'no models');
  ensure(v.models.every((m) => IDS.has(m)), () => `unknown model in ${v.models.join(',')}`);
  ensure(new Set(v.models).size === v.models.length, 'duplicate models');
  ensure(v.ref === '' || IDS.has(v.ref), `ref = ${v.ref}`);
  if (v.mix.length) {
    for (const e of v.mix) {
      ensure(IDS.has(e.model), `mix model ${e.model}`);
      finite(e.share, 0, 1, `share of ${e.model}`);
    }
    ensure(Math.abs(v.mix.reduce((a, e) => a + e.share, 0) - 1) <= 0.001, 'mix shares do not add up to 1');
  }
  const typed = Object.values(raw).join('\n');
  for (const [field, message] of Object.entries(errors)) {
    ensure((FIELDS as readonly string[]).includes(field), `error on unknown field ${field}`);
    noBadText(message as string, typed);
  }
  for (const f of FIELDS) ensure(typeof raw[f] === 'string', `raw.${f} is not a string`);
}

/** What a field's text means, computed independently of the parser: a plain decimal within bounds, or nothing. */
function oracle(text: string, min: number, max: number, percent: boolean): number | undefined {
  let s = text.normalize('NFKC').trim().replace(/[\u2212\u2012\u2013]/g, '-');
  let div = 1;
  if (percent && s.endsWith('%')) {
    s = s.slice(0, -1).trim();
    div = 100;
  }
  // Groups of three digits after a separator are thousands (1,000,000 or 1 000 000).
  if (/^[+-]?\d{1,3}([,'’_\s\u00a0\u202f]\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[,'’_\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s) / div;
  if (!Number.isFinite(n) || n < min || n > max) return undefined;
  return n === 0 ? 0 : n;
}

const BOUNDS: Record<(typeof NUMBER_FIELDS)[number], [number, number, boolean]> = {
  input: [0, MAX_TOKENS_PER_REQUEST, false],
  cached: [0, MAX_TOKENS_PER_REQUEST, false],
  output: [0, MAX_TOKENS_PER_REQUEST, false],
  hit: [0, 1, true],
  batch: [0, 1, true],
};

describe('calculator URL state under random and hostile queries', () => {
  it('parseQuery never throws and always yields finite, in-bounds values with plain-text messages', () => {
    fc.assert(
      fc.property(query, (q) => {
        checkState(parseQuery(ix, q));
      }),
      { numRuns: RUNS },
    );
  });

  it('parseQuery accepts URLSearchParams built from arbitrary (even duplicate and unpaired) entries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), hostileString), paramValue), { maxLength: 20 }), (entries) => {
        checkState(parseQuery(ix, new URLSearchParams(entries)));
      }),
      { numRuns: 2000 },
    );
  });

  it('each number field either takes exactly the value its text says, or keeps its default and gets its own message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NUMBER_FIELDS), paramValue, (field, text) => {
        const parsed = parseQuery(ix, new URLSearchParams([[field, text]]));
        checkState(parsed);
        const [min, max, percent] = BOUNDS[field];
        const expected = oracle(text, min, max, percent);
        if (expected === undefined) {
          expect(parsed.errors[field], `"${text}" should be refused`).toBeDefined();
          expect(parsed.values[field]).toBe(DEFAULT_VALUES[field]);
        } else {
          expect(parsed.errors[field], `"${text}" should be accepted`).toBeUndefined();
          expect(parsed.values[field]).toBe(expected);
        }
        // One bad field never blames another.
        for (const other of FIELDS) if (other !== field) ensure(parsed.errors[other] === undefined, `${field}=${JSON.stringify(text)} blamed ${other}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('every hostile value is refused with a message on every number field, unless it is a plain in-bounds decimal', () => {
    for (const field of NUMBER_FIELDS) {
      const [min, max, percent] = BOUNDS[field];
      for (const text of HOSTILE_VALUES) {
        const parsed = parseQuery(ix, new URLSearchParams([[field, text]]));
        if (oracle(text, min, max, percent) === undefined) expect(parsed.errors[field], `${field}=${JSON.stringify(text)}`).toBeDefined();
      }
    }
    for (const text of ['NaN', 'Infinity', '-Infinity', '1e309', '-1', '1,20', '', ' ', '<script>alert(1)</script>', '🔥', '%00']) {
      const parsed = parseQuery(ix, new URLSearchParams([['input', text], ['perDay', text], ['hit', text]]));
      expect(Object.keys(parsed.errors).sort()).toEqual(['hit', 'input', 'volume']);
      expect(parsed.values.input).toBe(DEFAULT_VALUES.input);
      expect(parsed.values.perDay).toBe(DEFAULT_VALUES.perDay);
      expect(parsed.values.hit).toBe(DEFAULT_VALUES.hit);
    }
  });

  it('requests per day or per month stay finite and in bounds, and a monthly figure is divided by the days of a month', () => {
    fc.assert(
      fc.property(fc.constantFrom('perDay', 'perMonth'), paramValue, (key, text) => {
        const parsed = parseQuery(ix, new URLSearchParams([[key, text]]));
        checkState(parsed);
        const n = oracle(text, 0, MAX_REQUESTS, false);
        if (n === undefined) {
          expect(parsed.errors.volume).toBeDefined();
          expect(parsed.values.perDay).toBe(DEFAULT_VALUES.perDay);
        } else {
          expect(parsed.errors.volume).toBeUndefined();
          expect(parsed.values.perDay).toBeCloseTo(key === 'perMonth' ? n / DAYS_PER_MONTH : n, 6);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a parsed state survives the trip through serializeQuery: same values, same messages', () => {
    fc.assert(
      fc.property(query, (q) => {
        const first = parseQuery(ix, q);
        const again = parseQuery(ix, serializeQuery(first.raw));
        expect(again.values).toEqual(first.values);
        expect(again.errors).toEqual(first.errors);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseRaw never throws for arbitrary text in every field', () => {
    const raw: fc.Arbitrary<RawState> = fc.record(
      Object.fromEntries(FIELDS.map((f) => [f, fc.oneof(paramValue, fc.constant(DEFAULT_RAW[f]))])) as Record<Field, fc.Arbitrary<string>>,
    );
    fc.assert(
      fc.property(raw, (r) => {
        const parsed = parseRaw(ix, r);
        checkState(parsed);
        for (const f of ['ttl', 'geo', 'period'] as const) {
          const ok = { ttl: ['5m', '1h'], geo: ['global', 'us'], period: ['day', 'month'] }[f].includes(r[f]);
          expect(parsed.errors[f] === undefined, `${f}=${JSON.stringify(r[f])}`).toBe(ok);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the helpers never throw: parseNumber, parseModels, parseMix', () => {
    fc.assert(
      fc.property(paramValue, fc.double(), fc.double(), fc.boolean(), (text, a, b, percent) => {
        const min = Math.min(a, b);
        const max = Math.max(a, b);
        const r = parseNumber(text, { min, max, percent, label: 'x' });
        if (r.value !== undefined) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.error).toBeUndefined();
        } else noBadText(r.error ?? '', text);
        const models = parseModels(ix, text);
        ensure(models.value.every((m) => IDS.has(m)), 'parseModels returned an unknown id');
        if (models.error !== undefined) ensure(models.error.trim() !== '', 'empty parseModels error');
        const mix = parseMix(ix, text);
        if (mix.error !== undefined) noBadText(mix.error, text);
        ensure(mix.value.every((e) => Number.isFinite(e.share)), 'non-finite share');
      }),
      { numRuns: RUNS },
    );
  });

  it('valid workloads are read back exactly', () => {
    const valid: fc.Arbitrary<CalcValues> = fc.record({
      models: fc.uniqueArray(fc.constantFrom(...MODEL_IDS), { minLength: 1, maxLength: 5 }),
      input: fc.integer({ min: 0, max: MAX_TOKENS_PER_REQUEST }),
      cached: fc.integer({ min: 0, max: MAX_TOKENS_PER_REQUEST }),
      output: fc.integer({ min: 0, max: MAX_TOKENS_PER_REQUEST }),
      hit: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
      ttl: fc.constantFrom('5m' as const, '1h' as const),
      perDay: fc.integer({ min: 0, max: MAX_REQUESTS }),
      period: fc.constant('day' as const),
      batch: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      geo: fc.constantFrom('global' as const, 'us' as const),
      mix: fc.constant([]),
      ref: fc.oneof(fc.constant(''), fc.constantFrom(...MODEL_IDS)),
    });
    fc.assert(
      fc.property(valid, (v) => {
        const q = new URLSearchParams({
          models: v.models.join(','),
          input: String(v.input),
          cached: String(v.cached),
          output: String(v.output),
          hit: String(v.hit),
          ttl: v.ttl,
          perDay: String(v.perDay),
          batch: String(v.batch),
          geo: v.geo,
          ref: v.ref,
        });
        const parsed = parseQuery(ix, q);
        expect(parsed.errors).toEqual({});
        expect(parsed.values).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });
});
