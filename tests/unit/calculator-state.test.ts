import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_VALUES,
  currentLineup,
  defaultRaw,
  defaultValues,
  parseMix,
  parseNumber,
  parseQuery,
  parseRaw,
  rawFromValues,
  serializeQuery,
  type CalcValues,
} from '../../src/lib/calculator-state.ts';
import { catalogueIndex as ix, MODELS } from '../../src/lib/catalogue.ts';

const DEFAULTS = defaultValues(ix);
const DEFAULT_RAW = defaultRaw(ix);

const BRIEF_URL = 'models=opus-5-5,sonnet-5-5,haiku-5-5&input=2000&cached=8000&output=500&hit=0.9&ttl=5m&perDay=10000&batch=0&geo=global';

function allFinite(v: CalcValues) {
  for (const n of [v.input, v.cached, v.output, v.hit, v.perDay, v.batch, ...v.mix.map((m) => m.share)]) {
    expect(Number.isFinite(n)).toBe(true);
  }
}

describe('parseQuery', () => {
  test('reads the URL format of the brief', () => {
    const { values, errors } = parseQuery(ix, `?${BRIEF_URL}`);
    expect(errors).toEqual({});
    expect(values).toEqual({ ...DEFAULTS });
  });

  test('missing parameters take defaults without errors', () => {
    const { values, errors } = parseQuery(ix, '');
    expect(errors).toEqual({});
    expect(values).toEqual(DEFAULTS);
  });

  test('the calculator opens on the current lineup read from the catalogue: one current Opus, Sonnet and Haiku', () => {
    const lineup = currentLineup(ix);
    expect(lineup).toEqual(['opus-5-5', 'sonnet-5-5', 'haiku-5-5']);
    for (const id of lineup) expect(MODELS.find((m) => m.id === id)?.status.value).toBe('current');
    expect(DEFAULT_VALUES.models).toEqual([]);
  });

  test.each([
    ['1,000,000', 1_000_000],
    ['1 000 000', 1_000_000],
    ['1e6', 1_000_000],
    ['1\u202f000', 1000],
    ['10,000.5', 10000.5],
  ])('thousands separators and exponents are read: perDay=%j', (text, n) => {
    const { values, errors } = parseQuery(ix, new URLSearchParams({ perDay: text }));
    expect(errors.volume).toBeUndefined();
    expect(values.perDay).toBe(n);
  });

  test('aliases and API ids in models become catalogue keys; duplicates collapse', () => {
    const { values, errors } = parseQuery(ix, 'models=claude-haiku-4-5-20251001,claude-opus-4-7,haiku-4-5');
    expect(errors.models).toBeUndefined();
    expect(values.models).toEqual(['haiku-4-5', 'opus-4-7']);
  });

  test('an unknown model is reported with close matches and the rest is kept', () => {
    const { values, errors } = parseQuery(ix, 'models=sonnet-4.6,haiku-4-5');
    expect(values.models).toEqual(['haiku-4-5']);
    expect(errors.models).toMatch(/Unknown model "sonnet-4.6"\. Did you mean sonnet-4-6/);
  });

  test('an empty model list keeps the default and says why', () => {
    const { values, errors } = parseQuery(ix, 'models=');
    expect(values.models).toEqual(DEFAULTS.models);
    expect(errors.models).toBe('Choose at least one model.');
  });

  test('perMonth is an alternative to perDay (30-day month)', () => {
    const { values, errors } = parseQuery(ix, 'perMonth=300000');
    expect(errors).toEqual({});
    expect(values.period).toBe('month');
    expect(values.perDay).toBe(10000);
  });

  test.each([
    ['input', '', /Enter a token count\./],
    ['input', '-5', /Must be 0 or more\./],
    ['input', 'abc', /using digits/],
    ['input', '1e309', /too large/],
    ['input', '1,20', /Use a dot for decimals: 1\.20\./],
    ['cached', '1 2000', /using digits/],
    ['output', '12,5', /Use a dot for decimals: 12\.5\./],
    ['output', 'NaN', /using digits/],
    ['output', 'Infinity', /using digits/],
    ['output', '0x10', /using digits/],
    ['input', '٢٠٠٠', /using digits/],
    ['input', '−5', /Must be 0 or more\./],
    ['hit', '1.5', /between 0 and 1/],
    ['hit', '-0.1', /Must be 0 or more/],
    ['batch', '150%', /between 0 and 1/],
    ['perDay', '1e10', /at most 1,000,000,000/],
    ['input', '20000000', /at most 10,000,000/],
  ])('%s=%j gives a message and keeps a finite default', (param, text, message) => {
    const { values, errors } = parseQuery(ix, new URLSearchParams({ [param]: text }));
    const field = param === 'perDay' ? 'volume' : param;
    expect(errors[field as keyof typeof errors]).toMatch(message);
    allFinite(values);
    const key = (param === 'perDay' ? 'perDay' : param) as 'input';
    expect(values[key]).toBe(DEFAULTS[key]);
  });

  test('full-width digits are read (NFKC) and percentages are accepted for shares', () => {
    const { values, errors } = parseQuery(ix, new URLSearchParams({ input: '１２００', hit: '85%', batch: ' 0.25 ' }));
    expect(errors).toEqual({});
    expect(values.input).toBe(1200);
    expect(values.hit).toBeCloseTo(0.85, 12);
    expect(values.batch).toBe(0.25);
  });

  test('bad ttl, geo and period', () => {
    const { values, errors } = parseQuery(ix, 'ttl=10m&geo=eu');
    expect(values.ttl).toBe('5m');
    expect(values.geo).toBe('global');
    expect(errors.ttl).toMatch(/5m or 1h/);
    expect(errors.geo).toMatch(/global or us/);
  });

  test('the routing mix', () => {
    const ok = parseQuery(ix, 'mix=haiku-4-5:0.7,sonnet-4-6:0.25,opus-4-7:0.05');
    expect(ok.errors.mix).toBeUndefined();
    expect(ok.values.mix).toEqual([
      { model: 'haiku-4-5', share: 0.7 },
      { model: 'sonnet-4-6', share: 0.25 },
      { model: 'opus-4-7', share: 0.05 },
    ]);
    expect(parseMix(ix, 'haiku-4-5:70%,opus-4-7:30%').value).toEqual([
      { model: 'haiku-4-5', share: 0.7 },
      { model: 'opus-4-7', share: 0.3 },
    ]);
    expect(parseMix(ix, 'haiku-4-5:0.7,opus-4-7:0.2').error).toMatch(/add up to 0.9; they must add up to 1/);
    expect(parseMix(ix, 'haiku-4-5').error).toMatch(/haiku-4-5: Enter a share/);
    expect(parseMix(ix, 'gpt:1').error).toMatch(/Unknown model "gpt"/);
    expect(parseMix(ix, 'a:b:c').error).toMatch(/model:share/);
  });

  test('ref names the tokenizer of the counts', () => {
    expect(parseQuery(ix, 'ref=claude-sonnet-4-6').values.ref).toBe('sonnet-4-6');
    expect(parseQuery(ix, 'ref=gpt-5').errors.ref).toMatch(/Unknown model/);
  });

  test('a malformed query string never throws', () => {
    for (const q of ['%', '%E0%A4%A', '&&&', '?models', 'input=%00', 'hit=\u0000', '='.repeat(50)]) {
      expect(() => parseQuery(ix, q)).not.toThrow();
      allFinite(parseQuery(ix, q).values);
    }
  });
});

describe('serializeQuery', () => {
  test('defaults serialize to the brief URL', () => {
    expect(serializeQuery(DEFAULT_RAW)).toBe(BRIEF_URL);
  });
  test('round trip keeps what the user typed, errors included', () => {
    const raw = { ...DEFAULT_RAW, input: '1,20', mix: 'haiku-4-5:0.7,opus-4-7:0.3', ref: 'sonnet-4-6', period: 'month', volume: '300000' };
    const q = serializeQuery(raw);
    expect(q).toContain('perMonth=300000');
    expect(q).toContain('mix=haiku-4-5:0.7,opus-4-7:0.3');
    const back = parseQuery(ix, q);
    expect(back.raw).toEqual(raw);
    expect(back.errors.input).toMatch(/Use a dot for decimals/);
  });
  test('values → raw → values is stable', () => {
    const v: CalcValues = {
      ...DEFAULTS,
      input: 123.5,
      hit: 0.25,
      ttl: '1h',
      geo: 'us',
      batch: 1,
      perDay: 7,
      mix: [{ model: 'opus-4-7', share: 1 }],
    };
    expect(parseRaw(ix, rawFromValues(v)).values).toEqual(v);
  });
});

describe('properties', () => {
  test('any text in any field: no throw, no NaN, no Infinity', () => {
    const field = fc.constantFrom('models', 'input', 'cached', 'output', 'hit', 'ttl', 'perDay', 'perMonth', 'batch', 'geo', 'mix', 'ref');
    fc.assert(
      fc.property(fc.array(fc.tuple(field, fc.string({ unit: 'binary', maxLength: 30 })), { maxLength: 8 }), (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const parsed = parseQuery(ix, params);
        allFinite(parsed.values);
        expect(parsed.values.models.length).toBeGreaterThan(0);
        for (const msg of Object.values(parsed.errors)) expect(typeof msg === 'string' && msg.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  test('numbers that parse are the numbers typed', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000_000, noNaN: true }), (n) => {
        const r = parseNumber(String(n), { min: 0, max: 10_000_000, label: 'x' });
        expect(r.value).toBe(n);
      }),
    );
  });
});

describe('routing mix shares', () => {
  it('a model named twice sums its shares, and no share comes out above 1 (floating-point sums are scaled to exactly 1)', async () => {
    const { parseQuery } = await import('../../src/lib/calculator-state.ts');
    const { catalogueIndex } = await import('../../src/lib/catalogue.ts');
    const parsed = parseQuery(catalogueIndex, new URLSearchParams([['mix', 'haiku-5-5:0.7,haiku-5-5:0.30000000000000004']]));
    expect(parsed.errors.mix).toBeUndefined();
    expect(parsed.values.mix).toEqual([{ model: 'haiku-5-5', share: 1 }]);
    const split = parseQuery(catalogueIndex, new URLSearchParams([['mix', 'haiku-5-5:0.6,sonnet-5-5:0.4005']]));
    expect(split.values.mix.reduce((a, e) => a + e.share, 0)).toBeCloseTo(1, 12);
  });
});
