import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { estimateCost, type Workload } from '../../src/lib/pricing.ts';
import { MODEL_IDS, getModel, pricingData } from '../../src/lib/catalogue.ts';
import { createIndex } from '../../src/lib/catalogue-index.ts';
import { costOf, rangedCostOf } from '../../src/lib/pricing-core.ts';

// Every expected figure below is worked out by hand from the catalogue's list prices (USD per million tokens):
// cost = requests × tokens per request × price / 1,000,000.
const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 10);

describe('base prices', () => {
  test('Sonnet 4.6, uncached input and output', () => {
    // input  1,000 × 2,000 × $3  / 1e6 = $6.00
    // output 1,000 ×   500 × $15 / 1e6 = $7.50      total $13.50
    const c = estimateCost('sonnet-4-6', { requests: 1000, inputTokens: 2000, outputTokens: 500 });
    close(c.input, 6);
    close(c.output, 7.5);
    close(c.cacheWrite, 0);
    close(c.cacheRead, 0);
    close(c.total, 13.5);
    expect(c.warnings).toEqual([]);
  });

  test('Opus 4.1 is three times Opus 4.7', () => {
    // Opus 4.1: 10 × 100,000 × $15 / 1e6 = $15.00 input; 10 × 10,000 × $75 / 1e6 = $7.50 output → $22.50
    // Opus 4.7: 10 × 100,000 × $5  / 1e6 = $5.00;        10 × 10,000 × $25 / 1e6 = $2.50        → $7.50
    const w = { requests: 10, inputTokens: 100_000, outputTokens: 10_000 };
    close(estimateCost('opus-4-1', w).total, 22.5);
    close(estimateCost('opus-4-7', w).total, 7.5);
  });

  test('zero requests cost nothing', () => {
    expect(estimateCost('opus-4-7', { requests: 0, inputTokens: 5000, outputTokens: 5000 }).total).toBe(0);
  });
});

describe('prompt caching', () => {
  test('Haiku 4.5 with a 5-minute write and reads (default TTL)', () => {
    // input 100 ×  1,000 × $1.00 / 1e6 = $0.10
    // write 100 ×  4,000 × $1.25 / 1e6 = $0.50
    // read  100 × 20,000 × $0.10 / 1e6 = $0.20
    // out   100 ×    200 × $5.00 / 1e6 = $0.10     total $0.90
    const c = estimateCost('haiku-4-5', {
      requests: 100,
      inputTokens: 1000,
      cacheWriteTokens: 4000,
      cacheReadTokens: 20_000,
      outputTokens: 200,
    });
    close(c.input, 0.1);
    close(c.cacheWrite, 0.5);
    close(c.cacheRead, 0.2);
    close(c.output, 0.1);
    close(c.total, 0.9);
  });

  test('1-hour writes use the 1-hour price', () => {
    // Opus 4.7: 10 × 10,000 × $10 / 1e6 = $1.00 (a 5-minute write would be 10 × 10,000 × $6.25 / 1e6 = $0.625)
    close(
      estimateCost('opus-4-7', { requests: 10, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 10_000, cacheTtl: '1h' }).cacheWrite,
      1,
    );
    close(
      estimateCost('opus-4-7', { requests: 10, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 10_000, cacheTtl: '5m' }).cacheWrite,
      0.625,
    );
  });

  test('cache read prices are per model: Opus 5.5 reads at $0.20 (0.05×), Fable 5.1 at $0.25 (0.025×)', () => {
    // Opus 5.5: 1,000 × 50,000 × $0.20 / 1e6 = $10.00 (0.1× of $4 would have been $0.40 → $20.00)
    close(estimateCost('opus-5-5', { requests: 1000, inputTokens: 0, outputTokens: 0, cacheReadTokens: 50_000 }).cacheRead, 10);
    // Fable 5.1: 1 × 1,000,000 × $0.25 / 1e6 = $0.25
    close(estimateCost('fable-5-1', { requests: 1, inputTokens: 0, outputTokens: 0, cacheReadTokens: 1_000_000 }).cacheRead, 0.25);
  });
});

describe('prompt-size tiers (Haiku 5.5: over 100,000 prompt tokens every category costs more)', () => {
  test('exactly 100,000 prompt tokens stays at the base rate', () => {
    // input 1 × 100,000 × $0.10 / 1e6 = $0.01; output 1 × 1,000 × $0.50 / 1e6 = $0.0005 → $0.0105
    const c = estimateCost('haiku-5-5', { requests: 1, inputTokens: 100_000, outputTokens: 1000 });
    close(c.total, 0.0105);
  });
  test('100,001 prompt tokens switch input and output to the higher tier', () => {
    // input 1 × 100,001 × $0.50 / 1e6 = $0.0500005; output 1 × 1,000 × $2.50 / 1e6 = $0.0025 → $0.0525005
    const c = estimateCost('haiku-5-5', { requests: 1, inputTokens: 100_001, outputTokens: 1000 });
    close(c.input, 0.0500005);
    close(c.output, 0.0025);
    close(c.total, 0.0525005);
  });
  test('the tier is chosen by input + cache write + cache read, per request', () => {
    // prompt = 60,000 + 0 + 50,000 = 110,000 > 100,000 → higher tier for every category:
    // input 2 × 60,000 × $0.50 / 1e6 = $0.06; read 2 × 50,000 × $0.05 / 1e6 = $0.005 → $0.065
    const c = estimateCost('haiku-5-5', { requests: 2, inputTokens: 60_000, cacheReadTokens: 50_000, outputTokens: 0 });
    close(c.input, 0.06);
    close(c.cacheRead, 0.005);
    close(c.total, 0.065);
    // The same tokens split over requests of 55,000 stay at the base rate:
    // input 2 × 30,000 × $0.10 / 1e6 = $0.006; read 2 × 25,000 × $0.01 / 1e6 = $0.0005 → $0.0065
    close(estimateCost('haiku-5-5', { requests: 2, inputTokens: 30_000, cacheReadTokens: 25_000, outputTokens: 0 }).total, 0.0065);
  });
});

describe('Batch', () => {
  test('halves every category, cache included', () => {
    // Sonnet 4.6, 1,000 requests, Batch (× 0.5):
    // input 1,000 × 2,000 × $3.00 × 0.5 / 1e6 = $3.00
    // write 1,000 × 1,000 × $3.75 × 0.5 / 1e6 = $1.875
    // read  1,000 × 3,000 × $0.30 × 0.5 / 1e6 = $0.45
    // out   1,000 ×   500 × $15   × 0.5 / 1e6 = $3.75     total $9.075
    const w: Workload = {
      requests: 1000,
      inputTokens: 2000,
      cacheWriteTokens: 1000,
      cacheReadTokens: 3000,
      outputTokens: 500,
      batch: true,
    };
    const c = estimateCost('sonnet-4-6', w);
    close(c.input, 3);
    close(c.cacheWrite, 1.875);
    close(c.cacheRead, 0.45);
    close(c.output, 3.75);
    close(c.total, 9.075);
    close(estimateCost('sonnet-4-6', { ...w, batch: false }).total, 18.15);
  });
});

describe('US-only inference', () => {
  test('multiplies every category by 1.1', () => {
    // Opus 4.7, 1,000 requests: input 1,000 × 1,000 × $5 × 1.1 / 1e6 = $5.50; output 1,000 × 100 × $25 × 1.1 / 1e6 = $2.75
    const c = estimateCost('opus-4-7', { requests: 1000, inputTokens: 1000, outputTokens: 100, inferenceGeo: 'us' });
    close(c.input, 5.5);
    close(c.output, 2.75);
    close(c.total, 8.25);
    // cache write 1 × 1,000,000 × $6.25 × 1.1 / 1e6 = $6.875
    close(
      estimateCost('opus-4-7', { requests: 1, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 1_000_000, inferenceGeo: 'us' })
        .cacheWrite,
      6.875,
    );
  });
  test('stacks with Batch', () => {
    // input 1,000 × 1,000 × $5 × 0.5 × 1.1 / 1e6 = $2.75
    close(estimateCost('opus-4-7', { requests: 1000, inputTokens: 1000, outputTokens: 0, inferenceGeo: 'us', batch: true }).input, 2.75);
  });
  test('throws a clear error on models that reject inference_geo', () => {
    for (const id of ['haiku-4-5', 'sonnet-4-5', 'opus-4-5']) {
      expect(() => estimateCost(id, { requests: 1, inputTokens: 1, outputTokens: 1, inferenceGeo: 'us' })).toThrow(
        /does not accept inference_geo "us".*Claude 4\.6 and later/,
      );
    }
    expect(() => estimateCost('sonnet-4-6', { requests: 1, inputTokens: 1, outputTokens: 1, inferenceGeo: 'us' })).not.toThrow();
  });
});

describe('limits become warnings, not silent numbers', () => {
  test('prompt plus output over the context window', () => {
    // Haiku 4.5: 190,000 + 20,000 = 210,000 > 200,000
    const c = estimateCost('haiku-4-5', { requests: 1, inputTokens: 190_000, outputTokens: 20_000 });
    expect(c.warnings.join(' ')).toMatch(/210,000 tokens\) exceeds Claude Haiku 4\.5's context window of 200,000/);
    // the number is still computed: 190,000 × $1 / 1e6 + 20,000 × $5 / 1e6 = $0.19 + $0.10
    close(c.total, 0.29);
  });
  test('exactly at the context window is fine', () => {
    expect(estimateCost('haiku-4-5', { requests: 1, inputTokens: 190_000, outputTokens: 10_000 }).warnings).toEqual([]);
  });
  test('output over max output', () => {
    const c = estimateCost('opus-4-5', { requests: 1, inputTokens: 10, outputTokens: 64_001 });
    expect(c.warnings.join(' ')).toMatch(/64,001 tokens exceeds Claude Opus 4\.5's max output of 64,000/);
  });
  test('a model without a known context window says so', () => {
    // Every catalogue model has one today, so take one away.
    const data = pricingData();
    const models = data.models.map((m) => (m.id === 'opus-5' ? { ...m, contextWindow: undefined } : m));
    const index = createIndex({ ...data, models });
    expect(costOf(index, 'opus-5', { requests: 1, inputTokens: 10, outputTokens: 10 }).warnings.join(' ')).toMatch(/not in the catalogue/);
  });
  test('retired models warn that clouds bill from their own price lists', () => {
    expect(estimateCost('haiku-3-5', { requests: 1, inputTokens: 10, outputTokens: 10 }).warnings.join(' ')).toMatch(
      /retired on the Claude API/,
    );
  });
});

describe('model ids', () => {
  test('aliases and dated ids resolve to the same model', () => {
    const w = { requests: 7, inputTokens: 1234, outputTokens: 567, cacheReadTokens: 890 };
    const a = estimateCost('haiku-4-5', w);
    expect(estimateCost('claude-haiku-4-5', w)).toEqual(a);
    expect(estimateCost('claude-haiku-4-5-20251001', w)).toEqual(a);
    expect(estimateCost('Claude-Haiku-4-5 ', w)).toEqual(a);
    expect(estimateCost('claude-opus-4-7', w)).toEqual(estimateCost('opus-4-7', w));
  });
  test('an unknown id throws listing close matches', () => {
    expect(() => estimateCost('claude-sonnet-4.6', { requests: 1, inputTokens: 1, outputTokens: 1 })).toThrow(
      /Unknown model "claude-sonnet-4.6"\. Did you mean "sonnet-4-6"/,
    );
    expect(() => estimateCost('opus-4.7', { requests: 1, inputTokens: 1, outputTokens: 1 })).toThrow(/"opus-4-7"/);
    expect(() => estimateCost('gpt-4o', { requests: 1, inputTokens: 1, outputTokens: 1 })).toThrow(/Unknown model "gpt-4o"/);
  });
});

describe('bad numbers throw', () => {
  const ok: Workload = { requests: 1, inputTokens: 1, outputTokens: 1 };
  test.each([
    ['requests', -1, /requests cannot be negative/],
    ['inputTokens', Number.NaN, /inputTokens must be a number/],
    ['outputTokens', Number.POSITIVE_INFINITY, /outputTokens must be a finite number/],
    ['cacheWriteTokens', -0.5, /cacheWriteTokens cannot be negative/],
    ['cacheReadTokens', Number.NEGATIVE_INFINITY, /cacheReadTokens must be a finite number/],
  ] as const)('%s = %s', (field, value, message) => {
    expect(() => estimateCost('opus-4-7', { ...ok, [field]: value })).toThrow(message);
  });
  test('a string smuggled in as a number', () => {
    expect(() => estimateCost('opus-4-7', { ...ok, inputTokens: '100' as unknown as number })).toThrow(/inputTokens must be a number/);
  });
  test('bad TTL or geo', () => {
    expect(() => estimateCost('opus-4-7', { ...ok, cacheTtl: '10m' as '5m' })).toThrow(/cacheTtl must be "5m" or "1h"/);
    expect(() => estimateCost('opus-4-7', { ...ok, inferenceGeo: 'eu' as 'us' })).toThrow(/inferenceGeo must be "global" or "us"/);
  });
});

describe('properties over every model', () => {
  const workload = fc.record({
    requests: fc.integer({ min: 0, max: 1_000_000 }),
    inputTokens: fc.integer({ min: 0, max: 150_000 }),
    outputTokens: fc.integer({ min: 0, max: 30_000 }),
    cacheWriteTokens: fc.integer({ min: 0, max: 50_000 }),
    cacheReadTokens: fc.integer({ min: 0, max: 50_000 }),
    cacheTtl: fc.constantFrom('5m' as const, '1h' as const),
  });
  test('total = sum of the parts; Batch = half; everything finite and non-negative', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODEL_IDS), workload, (id, w) => {
        const c = estimateCost(id, w);
        const sum = c.input + c.output + c.cacheWrite + c.cacheRead;
        expect(Math.abs(c.total - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
        for (const v of [c.input, c.output, c.cacheWrite, c.cacheRead, c.total]) {
          expect(Number.isFinite(v) && v >= 0).toBe(true);
        }
        const b = estimateCost(id, { ...w, batch: true });
        expect(Math.abs(b.total - c.total * getModel(id).batchMultiplier!.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.total));
      }),
      { numRuns: 300 },
    );
  });
  test('cost is linear in requests', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODEL_IDS), workload, fc.integer({ min: 2, max: 50 }), (id, w, k) => {
        const one = estimateCost(id, w).total;
        const many = estimateCost(id, { ...w, requests: w.requests * k }).total;
        expect(Math.abs(many - one * k)).toBeLessThanOrEqual(1e-9 * Math.max(1, many));
      }),
      { numRuns: 200 },
    );
  });
});

describe('ranged prices: the central figure by default, either end on request', () => {
  const index = createIndex(pricingData());
  const price = rangedCostOf(index);
  const reads: Workload = { requests: 10, inputTokens: 0, outputTokens: 0, cacheReadTokens: 1_000_000 };
  test('Sonnet 5.5 cache reads: $0.10 per MTok used, $0.20 at the high end (10 MTok → $1.00 / $2.00)', () => {
    close(estimateCost('sonnet-5-5', reads).total, 1);
    close(price('sonnet-5-5', reads).total, 1);
    close(price('sonnet-5-5', reads, 'low').total, 1);
    close(price('sonnet-5-5', reads, 'high').total, 2);
  });
  test('Fable 5.2 cache reads at Batch: $0.20 or $0.80 per MTok, halved (10 MTok → $1.00 / $4.00)', () => {
    close(price('fable-5-2', { ...reads, batch: true }, 'low').total, 1);
    close(price('fable-5-2', { ...reads, batch: true }, 'high').total, 4);
  });
  test('a confirmed price is the same at both ends', () => {
    const w: Workload = { requests: 1, inputTokens: 1_000_000, outputTokens: 1_000_000, cacheReadTokens: 1_000_000 };
    close(price('opus-4-8', w, 'low').total, price('opus-4-8', w, 'high').total);
    close(price('fable-5-2', { requests: 1, inputTokens: 1_000_000, outputTokens: 0 }, 'high').total, 8);
  });
});
