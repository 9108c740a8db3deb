/**
 * Hostile inputs for the property-based (fast-check) tests in tests/unit/fuzz-*.test.ts: the strings a URL, a form
 * field or a paste box can carry that a parser most often gets wrong. Pure; no test code here.
 */
import fc from 'fast-check';

/** Values that have broken number parsers, query parsers and renderers somewhere. */
export const HOSTILE_VALUES: readonly string[] = [
  '',
  ' ',
  '   \t\n ',
  '\u00a0',
  'NaN',
  'nan',
  '-NaN',
  'Infinity',
  '-Infinity',
  '+Infinity',
  'infinity',
  '∞',
  '1e309',
  '-1e309',
  '1e308',
  '1.7976931348623157e308',
  '9'.repeat(400),
  `-${'9'.repeat(400)}`,
  `0.${'0'.repeat(400)}1`,
  '1e-400',
  '5e-324',
  '-0',
  '+0',
  '0',
  '-1',
  '-5',
  '-0.0001',
  '1,200',
  '1,200,000',
  '1 200',
  '1\u00a0200',
  '1\u202f200',
  "1'200",
  '1_000',
  '1.200,50',
  '0,5',
  '1.2.3',
  '0x10',
  '0b101',
  '0o17',
  '1e',
  'e5',
  '.',
  '-',
  '+',
  '5.',
  '.5',
  '١٢٣', // Arabic-Indic digits
  '１２３', // full-width digits (NFKC → 123)
  '１e９',
  '\u2212 5', // minus sign
  '\u2013' + '5', // en dash
  '\u202e123', // right-to-left override
  '\u200f42', // right-to-left mark
  '\u200b7', // zero-width space
  '42\u200d',
  '🔥',
  '👩‍👩‍👧‍👦',
  '𝟗𝟗',
  'ｅｍｏｊｉ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea><script>alert(1)</script>',
  'javascript:alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%00',
  '\u0000',
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%%',
  '&',
  '=',
  '&&==',
  '?',
  '#',
  '+',
  'undefined',
  'null',
  'true',
  '[]',
  '{}',
  '[object Object]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '90%',
  '150%',
  '-5%',
  '%50',
  '100%',
  '0.9',
  '1',
  '1.0000001',
  '2000',
  '10000000',
  '10000001',
  '1000000000',
  '1000000001',
  '\\u003cscript\\u003e',
  'a'.repeat(10_000),
  '<'.repeat(2_000),
];

/** A number written the ways people and programs write numbers, valid or not. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 2_000_000_000 }).map(String),
  fc.double({ noDefaultInfinity: false }).map(String),
  fc.double({ min: 0, max: 1, noNaN: true }).map(String),
  fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a},${String(b).padStart(3, '0')}`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`),
);

/** Characters that matter: digits, separators, signs, markup, percent escapes, bidi controls, astral symbols. */
const nastyChar = fc.constantFrom(
  '0', '1', '5', '9', '.', ',', '-', '+', 'e', 'E', '%', ' ', '\t', '\n', '\u00a0', '\u202f', '_', "'",
  '<', '>', '"', '&', '=', '?', '#', '/', '\\', ':', ';', '(', ')', '[', ']', '{', '}', '`',
  '\u0000', '\u001f', '\u007f', '\u200b', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2212', '\ufeff', '\ufffd',
  'é', 'ß', 'İ', 'ﬁ', '٣', '３', '𝟗', '🔥', '👍🏽', '\ud800', '\udfff',
);

/** Any hostile text: the fixed list, random text (graphemes, binary, code points) and strings built from the nasty characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: numberText },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: nastyChar, maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_VALUES), fc.constantFrom(...HOSTILE_VALUES))
      .map(([a, b]) => a.slice(0, 200) + b.slice(0, 200)),
  },
);

/** `k=v&k=v` query strings over the given keys (plus random ones), both properly encoded and raw. */
export function queryString(keys: readonly string[], value: fc.Arbitrary<string> = hostileString): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileString });
  const pairs = fc.array(fc.tuple(key, value), { maxLength: 14 });
  return fc.oneof(
    // Encoded the way a browser would.
    pairs.map((ps) => new URLSearchParams(ps).toString()),
    // Raw, as a hand-edited or truncated link would be.
    pairs.map((ps) => ps.map(([k, v]) => `${k}=${v}`).join('&')),
    fc.tuple(fc.constantFrom('', '?', '??', '?&', '&'), pairs).map(([p, ps]) => p + ps.map(([k, v]) => `${k}=${v}`).join('&')),
    hostileString,
  );
}

/**
 * A cheap assertion for invariants checked tens of thousands of times per run (vitest's `expect` costs ~10 µs a call,
 * which dominates a fuzz run). Throws an Error with the message, which fast-check reports with the counterexample.
 */
export function ensure(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}
