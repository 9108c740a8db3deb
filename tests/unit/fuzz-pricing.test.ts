// Property-based tests for the pricing engine (src/lib/pricing.ts): whatever it is given, estimateCost either returns
// finite, non-negative amounts (total = sum of the parts, warnings are plain sentences) or throws an Error with a
// message; it never returns NaN or Infinity.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateCost, type Workload } from '../../src/lib/pricing.ts';
import { MODELS, MODEL_IDS } from '../../src/lib/catalogue.ts';
import { ensure, hostileString } from '../support/hostile.ts';

const RUNS = 3000;

/** Any id: catalogue keys, API ids and aliases (in any case, padded), near misses and hostile text. */
const modelId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MODEL_IDS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...MODELS.flatMap((m) => [m.apiId?.value, ...(m.aliases?.value ?? [])]).filter((x): x is string => !!x)),
  },
  { weight: 1, arbitrary: fc.constantFrom(...MODEL_IDS).map((id) => ` ${id.toUpperCase()} `) },
  { weight: 1, arbitrary: fc.constantFrom(...MODEL_IDS).map((id) => id.replace(/-/g, '.')) },
  { weight: 2, arbitrary: hostileString },
);

/** Numbers a caller could pass: sane counts, huge, tiny, negative, -0, NaN, ±Infinity, and non-numbers. */
const count: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 1e12, noNaN: true }) },
  { weight: 2, arbitrary: fc.double() }, // includes NaN, ±Infinity, ±0, ±Number.MAX_VALUE, subnormals
  { weight: 1, arbitrary: fc.constantFrom(1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0, -1, Number.MAX_SAFE_INTEGER, 1e154, 1e160) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, '100', '1e309', 'NaN', true, {}, [], 10n) },
);

const workload: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        requests: count,
        inputTokens: count,
        outputTokens: count,
        cacheWriteTokens: count,
        cacheReadTokens: count,
        cacheTtl: fc.oneof(fc.constantFrom('5m', '1h', undefined), hostileString),
        batch: fc.oneof(fc.boolean(), fc.constantFrom(undefined, 0, 1, 'yes', null)),
        inferenceGeo: fc.oneof(fc.constantFrom('global', 'us', undefined), hostileString),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, 'workload', [], () => 1) },
);

/** A workload the engine accepts: finite, non-negative numbers, valid options. */
const validWorkload: fc.Arbitrary<Workload> = fc.record({
  requests: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })),
  inputTokens: fc.integer({ min: 0, max: 10_000_000 }),
  outputTokens: fc.integer({ min: 0, max: 10_000_000 }),
  cacheWriteTokens: fc.integer({ min: 0, max: 10_000_000 }),
  cacheReadTokens: fc.integer({ min: 0, max: 10_000_000 }),
  cacheTtl: fc.constantFrom('5m' as const, '1h' as const),
  batch: fc.boolean(),
  inferenceGeo: fc.constantFrom('global' as const, 'us' as const),
});

const PARTS = ['input', 'output', 'cacheWrite', 'cacheRead', 'total'] as const;

function checkResult(result: ReturnType<typeof estimateCost>) {
  for (const k of PARTS) {
    const v = result[k];
    ensure(typeof v === 'number' && Number.isFinite(v) && v >= 0, () => `${k} = ${v}`);
  }
  const sum = result.input + result.output + result.cacheWrite + result.cacheRead;
  ensure(Math.abs(result.total - sum) <= Math.abs(sum) * 1e-12, () => `total ${result.total} is not the sum ${sum}`);
  ensure(Array.isArray(result.warnings), 'warnings is not an array');
  for (const w of result.warnings) {
    ensure(typeof w === 'string' && w.trim() !== '', () => `bad warning ${JSON.stringify(w)}`);
    ensure(!/NaN|Infinity|undefined|∞/.test(w), () => `warning shows a non-number: ${w}`);
  }
}

/** Either a finite, non-negative breakdown or an Error with a message; nothing else. */
function callEngine(id: unknown, w: unknown): 'ok' | 'threw' {
  let result: ReturnType<typeof estimateCost>;
  try {
    result = estimateCost(id as string, w as Workload);
  } catch (e) {
    ensure(e instanceof Error, () => `threw a non-Error: ${String(e)}`);
    ensure(typeof e.message === 'string' && e.message.trim() !== '', 'Error without a message');
    return 'threw';
  }
  checkResult(result);
  return 'ok';
}

describe('estimateCost under random and hostile input', () => {
  it('returns finite non-negative amounts or throws an Error with a message, for any id and any workload', () => {
    fc.assert(
      fc.property(modelId, workload, (id, w) => {
        callEngine(id, w);
      }),
      { numRuns: RUNS },
    );
  });

  it('never returns NaN or Infinity for finite but enormous numbers (overflow is refused, not returned)', () => {
    const big = fc.oneof(
      fc.double({ min: 1e100, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(Number.MAX_VALUE, 1e308, 1e200, 1e160),
      fc.integer({ min: 0, max: 1000 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...MODEL_IDS),
        fc.record({ requests: big, inputTokens: big, outputTokens: big, cacheWriteTokens: big, cacheReadTokens: big }),
        (id, w) => {
          callEngine(id, w);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('throws, with the offending field named, for a negative, NaN or infinite count', () => {
    const bad = fc.constantFrom(-1, -1e-9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -Number.MAX_VALUE);
    const field = fc.constantFrom('requests', 'inputTokens', 'outputTokens', 'cacheWriteTokens', 'cacheReadTokens' as const);
    fc.assert(
      fc.property(fc.constantFrom(...MODEL_IDS), validWorkload, field, bad, (id, w, f, v) => {
        expect(() => estimateCost(id, { ...w, inferenceGeo: 'global', batch: false, [f]: v })).toThrow(new RegExp(f));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every workload within the calculator bounds on models that price it, and grows with the number of requests', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODEL_IDS), validWorkload, (id, w) => {
        let one: ReturnType<typeof estimateCost>;
        try {
          one = estimateCost(id, w);
        } catch (e) {
          // The only refusals for valid numbers are the documented ones: US-only inference or Batch on a model without it.
          expect((e as Error).message).toMatch(/inference_geo|Batch price/);
          return;
        }
        checkResult(one);
        const twice = estimateCost(id, { ...w, requests: w.requests * 2 });
        expect(twice.total).toBeGreaterThanOrEqual(one.total);
        expect(Math.abs(twice.total - 2 * one.total)).toBeLessThanOrEqual(one.total * 1e-9 + 1e-12);
      }),
      { numRuns: RUNS },
    );
  });

  it('unknown model ids throw an Error that names the id', () => {
    const unknown = hostileString.filter((s) => !MODELS.some((m) => [m.id, m.apiId?.value, ...(m.aliases?.value ?? [])].some((n) => n?.toLowerCase() === s.trim().toLowerCase())));
    fc.assert(
      fc.property(unknown, (id) => {
        expect(() => estimateCost(id, { requests: 1, inputTokens: 1, outputTokens: 1 })).toThrow(/Unknown model/);
      }),
      { numRuns: 2000 },
    );
  });
});
