import { describe, expect, test } from 'vitest';
import {
  cacheBreakEven,
  compareModels,
  comparisonCsv,
  convertTokens,
  headroomVerdict,
  largestKnownMinimum,
  limitStatus,
  mixVersusSingle,
  modelCost,
  rateLimitHeadroom,
  routingMix,
} from '../../src/lib/calculator.ts';
import { DEFAULT_VALUES, type CalcValues } from '../../src/lib/calculator-state.ts';
import { MODEL_IDS, catalogueIndex as ix } from '../../src/lib/catalogue.ts';

const v = (over: Partial<CalcValues> = {}): CalcValues => ({ ...DEFAULT_VALUES, ...over });
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 9);

describe('cache break-even from each model’s own rates', () => {
  test('Sonnet 4.6: one read pays back a 5-minute write, two a 1-hour write', () => {
    // 5m: (3.75 − 3) / (3 − 0.30) = 0.75 / 2.70 = 0.2778 → 1 read
    // 1h: (6.00 − 3) / (3 − 0.30) = 3.00 / 2.70 = 1.1111 → 2 reads
    const a = cacheBreakEven(ix, 'sonnet-4-6', '5m');
    close(a.ratio, 0.75 / 2.7);
    expect(a.reads).toBe(1);
    expect(cacheBreakEven(ix, 'sonnet-4-6', '1h').reads).toBe(2);
  });
  test('Opus 5.5 (reads at 0.05×)', () => {
    // 5m: (5 − 4) / (4 − 0.20) = 0.2632 → 1;  1h: (8 − 4) / 3.80 = 1.0526 → 2
    close(cacheBreakEven(ix, 'opus-5-5', '5m').ratio, 1 / 3.8);
    close(cacheBreakEven(ix, 'opus-5-5', '1h').ratio, 4 / 3.8);
  });
  test('the pricing page rule holds for every model: 1 read (5m), 2 reads (1h)', () => {
    for (const id of MODEL_IDS) {
      expect(cacheBreakEven(ix, id, '5m').reads, id).toBe(1);
      expect(cacheBreakEven(ix, id, '1h').reads, id).toBe(2);
    }
  });
});

describe('tokenizer conversion', () => {
  test('old → new ×1.3, new → old ÷1.3, same generation unchanged', () => {
    close(convertTokens(1000, 'pre-4.7', '4.7', 0.3), 1300);
    close(convertTokens(1300, '4.7', 'pre-4.7', 0.3), 1000);
    expect(convertTokens(1000, '4.7', '4.7', 0.3)).toBe(1000);
  });
  test('counts measured on Sonnet 4.6 cost 30% more tokens on Opus 4.7', () => {
    const c = modelCost(ix, 'opus-4-7', v({ ref: 'sonnet-4-6', input: 1000, cached: 0, output: 100 }));
    close(c.tokens.input, 1300);
    close(c.tokens.output, 130);
    close(c.tokens.factor, 1.3);
    expect(modelCost(ix, 'opus-4-6', v({ ref: 'sonnet-4-6' })).tokens.factor).toBe(1);
  });
});

describe('a price with a range (catalogue alt): the month at both ends', () => {
  test('Sonnet 5.5 cache reads at $0.10, or $0.20 per the older overview copy', () => {
    // 3,000 requests; per request 2,000 × $2 + 800 × $2.50 + 7,200 × $0.10 (or $0.20) + 500 × $10, ÷ 1e6
    //   = $0.01172 (or $0.01244) → $35.16 (or $37.32) a month.
    const c = modelCost(ix, 'sonnet-5-5', v({ models: ['sonnet-5-5'], perDay: 100 }));
    close(c.month.total, 35.16);
    close(c.monthRange!.low, 35.16);
    close(c.monthRange!.high, 37.32);
    expect(c.warnings.join(' ')).toContain('Claude Sonnet 5.5: cache read $0.10–$0.20 / MTok in its sources, so this month costs $35.16–$37.32 ($35.16 at the central figures).');
  });
  test('no cache reads, or a model with no ranged price: no range', () => {
    expect(modelCost(ix, 'sonnet-5-5', v({ models: ['sonnet-5-5'], perDay: 100, cached: 0 })).monthRange).toBeUndefined();
    expect(modelCost(ix, 'sonnet-4-6', v({ models: ['sonnet-4-6'], perDay: 100 })).monthRange).toBeUndefined();
  });
});

describe('a model’s monthly cost for the calculator inputs', () => {
  // Sonnet 4.6, 100 requests/day × 30 = 3,000 requests; 2,000 uncached + 8,000 cached prefix (hit 0.9) + 500 output.
  // Per request: input 2,000 × $3 = $0.006; write 800 × $3.75 = $0.003; read 7,200 × $0.30 = $0.00216;
  //              output 500 × $15 = $0.0075 (all ÷ 1e6) → $0.01866.  Month: × 3,000 = $55.98.
  // Plain (no cache): (10,000 × $3 + 500 × $15) / 1e6 = $0.0375 → $112.50.  Caching saves $56.52.
  const base = v({ models: ['sonnet-4-6'], perDay: 100 });
  test('with caching', () => {
    const c = modelCost(ix, 'sonnet-4-6', base);
    expect(c.requestsPerMonth).toBe(3000);
    close(c.month.input, 18);
    close(c.month.cacheWrite, 9);
    close(c.month.cacheRead, 6.48);
    close(c.month.output, 22.5);
    close(c.month.total, 55.98);
    close(c.perRequest, 0.01866);
    close(c.plainMonth, 112.5);
    close(c.savingsFromCaching, 56.52);
    close(c.savingsFromBatch, 0);
    expect(c.caches).toBe(true);
  });
  test('half the traffic through Batch', () => {
    // 1,500 requests at $0.01866 = $27.99, 1,500 at half price = $13.995 → $41.985; Batch saves $13.995
    const c = modelCost(ix, 'sonnet-4-6', { ...base, batch: 0.5 });
    close(c.month.total, 41.985);
    close(c.savingsFromBatch, 13.995);
  });
  test('a prefix below the minimum cacheable prompt is costed as uncached and warned about', () => {
    // Haiku 4.5 minimum 4,096; prefix 2,000 → (2,000 + 2,000) × $1 + 500 × $5 = $0.0065 per request
    const c = modelCost(ix, 'haiku-4-5', v({ cached: 2000, perDay: 1 }));
    expect(c.caches).toBe(false);
    close(c.perRequest, 0.0065);
    expect(c.warnings.join(' ')).toMatch(/below Claude Haiku 4\.5's minimum cacheable prompt \(4,096 tokens\)/);
  });
  test('US-only inference on an older model is an error for that row, not a crash', () => {
    const rows = compareModels(ix, ['haiku-4-5', 'sonnet-4-6'], v({ geo: 'us' }));
    expect(rows[0]!.id).toBe('sonnet-4-6');
    expect(rows[1]!.error).toMatch(/does not accept inference_geo "us"/);
  });
  test('comparison is sorted cheapest first, unpriced (retired) models last', () => {
    const rows = compareModels(ix, ['opus-4-1', 'haiku-4-5', 'sonnet-4-6', 'opus-4-7'], DEFAULT_VALUES);
    expect(rows.map((r) => r.id)).toEqual(['haiku-4-5', 'sonnet-4-6', 'opus-4-7', 'opus-4-1']);
    const priced = rows.filter((r) => !r.error);
    expect(priced).toHaveLength(3);
    for (let i = 1; i < priced.length; i++) expect(priced[i]!.month.total).toBeGreaterThanOrEqual(priced[i - 1]!.month.total);
    expect(rows[3]!.unpriced?.kind).toBe('retired');
  });
});

describe('routing mix', () => {
  test('70% Haiku 4.5, 30% Sonnet 4.6 = the weighted sum of the single-model costs', () => {
    const values = v({
      mix: [
        { model: 'haiku-4-5', share: 0.7 },
        { model: 'sonnet-4-6', share: 0.3 },
      ],
    });
    const r = routingMix(ix, values.mix, values);
    const haiku = modelCost(ix, 'haiku-4-5', values).month.total;
    const sonnet = modelCost(ix, 'sonnet-4-6', values).month.total;
    close(r.total, 0.7 * haiku + 0.3 * sonnet);
    expect(r.singles.map((s) => s.id)).toEqual(['haiku-4-5', 'sonnet-4-6']);
    expect(r.error).toBeUndefined();
  });
});

describe('rate-limit headroom (old-scheme tables)', () => {
  test('Haiku 4.5 at 14,400 requests a day fits Tier 1', () => {
    // 14,400 / 1,440 min = 10 RPM; ITPM = 10 × (2,000 + 800 written) = 28,000 (reads do not count); OTPM = 5,000
    // Tier 1: 50 RPM / 50,000 ITPM / 10,000 OTPM → max(0.2, 0.56, 0.5) = 0.56
    const h = rateLimitHeadroom(ix, 'haiku-4-5', v({ perDay: 14_400 }))!;
    close(h.need.rpm, 10);
    close(h.need.itpm, 28_000);
    close(h.need.otpm, 5000);
    close(h.tiers[0]!.utilisation, 0.56);
    expect(h.lowestFit).toBe('Tier 1');
    expect(h.asOf).toBe('2026-06-21');
  });
  test('Batch traffic is left out, and models without a pool have no table', () => {
    const h = rateLimitHeadroom(ix, 'haiku-4-5', v({ perDay: 14_400, batch: 1 }))!;
    expect(h.need.rpm).toBe(0);
    expect(rateLimitHeadroom(ix, 'opus-5-5', DEFAULT_VALUES)).toBeUndefined();
  });
  test('too much for every tier', () => {
    const h = rateLimitHeadroom(ix, 'sonnet-4-6', v({ perDay: 100_000_000 }))!;
    expect(h.lowestFit).toBeUndefined();
    expect(headroomVerdict(h)).toBe('Above every tier with figures.');
  });
  test('a load at 100% of a limit is "at the limit", never "fits"', () => {
    // Haiku 4.5 Tier 1 OTPM is 10,000: 20 RPM × 500 output tokens = 10,000 OTPM exactly (28,800 requests a day).
    const h = rateLimitHeadroom(ix, 'haiku-4-5', v({ perDay: 28_800, cached: 0, input: 100 }))!;
    close(h.tiers[0]!.utilisation, 1);
    expect(h.tiers[0]!.status).toBe('at');
    expect(h.tiers[0]!.fits).toBe(false);
    expect(h.lowestFit).toBe('Tier 2');
    expect(headroomVerdict(h)).toBe('Fits Tier 2. At the limit of Tier 1.');
    expect([0.5, 0.85, 1, 1.2].map(limitStatus)).toEqual(['fits', 'near', 'at', 'over']);
  });
  test('within 20% of a limit says peaks will hit it', () => {
    // 18 RPM × 500 = 9,000 OTPM of 10,000.
    const h = rateLimitHeadroom(ix, 'haiku-4-5', v({ perDay: 25_920, cached: 0, input: 100 }))!;
    expect(h.tiers[0]!.status).toBe('near');
    expect(headroomVerdict(h)).toMatch(/^Fits Tier 1, within 20% of its limit: peaks will hit it\./);
  });
  test('Fable 5.2 is checked against the Start / Scale figures, marked third-party', () => {
    const h = rateLimitHeadroom(ix, 'fable-5-2', v({ perDay: 14_400 }))!;
    expect(h.scheme).toBe('new');
    expect(h.tiers.map((t) => t.name)).toEqual(['Start', 'Scale']);
    expect(h.confidence).toBe('third-party');
    expect(h.asOf).toBe('2026-10-17');
    expect(h.lowestFit).toBe('Start');
  });
});

describe('minimum cacheable prompt', () => {
  test('a prefix below a known minimum is costed uncached, with a warning (Haiku 4.5: 4,096)', () => {
    const c = modelCost(ix, 'haiku-4-5', v({ cached: 1500 }));
    expect(c.caches).toBe(false);
    expect(c.warnings.join(' ')).toMatch(/below Claude Haiku 4\.5's minimum cacheable prompt \(4,096 tokens\)/);
  });
  test('every model with a minimum in the catalogue warns below it and not above it', () => {
    const withMin = ix.models.filter((m) => m.minCacheablePrompt && m.status.value !== 'retired-api');
    expect(withMin.length).toBeGreaterThan(0);
    for (const m of withMin) {
      const min = m.minCacheablePrompt!.value;
      const below = modelCost(ix, m.id, v({ cached: min - 1, ref: '' }));
      expect(below.caches, m.id).toBe(false);
      expect(below.warnings.join(' '), m.id).toMatch(/minimum cacheable prompt \(/);
      expect(modelCost(ix, m.id, v({ cached: min })).caches, m.id).toBe(true);
    }
  });
  test('an unknown minimum is said to be unknown below the largest known minimum, and not above it', () => {
    const unknown = ix.models.find((m) => !m.minCacheablePrompt && m.status.value === 'current');
    expect(unknown).toBeDefined();
    const top = largestKnownMinimum(ix);
    expect(top).toBeGreaterThan(0);
    expect(modelCost(ix, unknown!.id, v({ cached: top - 1 })).warnings.join(' ')).toMatch(/minimum cacheable prompt is unknown/);
    expect(modelCost(ix, unknown!.id, v({ cached: top })).warnings.join(' ')).not.toMatch(/unknown/);
  });
});

describe('no confident wrong number: retired models and requests that do not fit get a reason, not a price', () => {
  test('a model retired on the Claude API is not priced: when it retired and what replaces it', () => {
    // Sonnet 4.5: status retired-api, retires 2026-11-30, replacedBy sonnet-5-5 (catalogue).
    const c = modelCost(ix, 'sonnet-4-5', DEFAULT_VALUES);
    expect(c.unpriced).toEqual({ kind: 'retired', retired: '2026-11-30', replacement: { id: 'sonnet-5-5', name: 'Claude Sonnet 5.5' } });
    expect(c.error).toMatch(/^Retired on the Claude API on 2026-11-30: no Claude API price .* Replaced by Claude Sonnet 5\.5\.$/);
    expect(c.month.total).toBe(0);
    // Alone, nothing is "cheapest"; beside a current model, the current one is first.
    const rows = compareModels(ix, ['sonnet-4-5', 'opus-5-5'], DEFAULT_VALUES);
    expect(rows.map((r) => r.id)).toEqual(['opus-5-5', 'sonnet-4-5']);
    expect(compareModels(ix, ['sonnet-4-5'], DEFAULT_VALUES).find((r) => !r.error)).toBeUndefined();
  });
  test('the slim copy the island gets knows the retirement day and replacement', async () => {
    const { createIndex } = await import('../../src/lib/catalogue-index.ts');
    const { slimPricingData } = await import('../../src/lib/catalogue.ts');
    const slim = createIndex(JSON.parse(JSON.stringify(slimPricingData())));
    expect(modelCost(slim, 'sonnet-4-5', DEFAULT_VALUES).error).toBe(modelCost(ix, 'sonnet-4-5', DEFAULT_VALUES).error);
  });
  test('a prompt over the context window: "does not fit: N tokens over the M window", no price, never cheapest', () => {
    // Haiku 4.5: 200,000-token window. 150,000 input + 60,000 cached + 10,000 output = 220,000 → 20,000 over.
    const values = v({ input: 150_000, cached: 60_000, output: 10_000, perDay: 1_000_000_000 });
    const c = modelCost(ix, 'haiku-4-5', values);
    expect(c.unpriced).toEqual({ kind: 'context', over: 20_000, window: 200_000 });
    expect(c.error).toBe('Does not fit: 20,000 tokens over the 200,000-token context window.');
    expect(c.month.total).toBe(0);
    // Sonnet 4.6 (1,000,000 window) runs it and is the only priced row, so it is the cheapest.
    const rows = compareModels(ix, ['haiku-4-5', 'sonnet-4-6'], values);
    expect(rows[0]!.id).toBe('sonnet-4-6');
    expect(rows[0]!.error).toBeUndefined();
    expect(rows[1]!.error).toMatch(/^Does not fit/);
  });
  test('output over the max output is not priced either', () => {
    const max = ix.get('opus-5-5').maxOutput!.value;
    const c = modelCost(ix, 'opus-5-5', v({ input: 100, cached: 0, output: max + 1 }));
    expect(c.unpriced).toEqual({ kind: 'max-output', over: 1, maxOutput: max });
    expect(c.error).toMatch(/^Does not fit: 1 output tokens over the [\d,]+-token max output\.$/);
  });
  test('exactly at the window is priced', () => {
    const c = modelCost(ix, 'haiku-4-5', v({ input: 150_000, cached: 0, output: 50_000 }));
    expect(c.error).toBeUndefined();
    expect(c.month.total).toBeGreaterThan(0);
  });
});

describe('an unknown minimum cacheable prompt: priced uncached, the cached month stated "if cacheable"', () => {
  test('Haiku 5.5, a 2,000-token prefix (below the 4,096 largest known minimum)', () => {
    // 3,000 requests (perDay 100). Haiku 5.5: $0.10 input, $0.125 5-min write, $0.01 read, $0.50 output.
    // Priced: (2,000 + 2,000) × $0.10 + 500 × $0.50 = 650 µ$ a request → $1.95 a month.
    // If cacheable (hit 0.9): 2,000 × $0.10 + 200 × $0.125 + 1,800 × $0.01 + 500 × $0.50 = 493 µ$ → $1.479.
    const c = modelCost(ix, 'haiku-5-5', v({ input: 2000, cached: 2000, output: 500, perDay: 100, hit: 0.9 }));
    expect(c.caches).toBe(false);
    close(c.month.total, 1.95);
    close(c.month.cacheWrite, 0);
    close(c.ifCacheable!, 1.479);
    expect(c.warnings.join(' ')).toMatch(/minimum cacheable prompt is unknown .* it is priced uncached \(\$1\.95 a month\); if the prefix is cacheable, \$1\.48\./);
  });
  test('at or above the largest known minimum the prefix is costed as cached, with no "if cacheable"', () => {
    const c = modelCost(ix, 'fable-5-2', v({ cached: largestKnownMinimum(ix) }));
    expect(c.caches).toBe(true);
    expect(c.ifCacheable).toBeUndefined();
  });
  test('a known minimum never gets an "if cacheable" figure', () => {
    expect(modelCost(ix, 'opus-5-5', v({ cached: 2000 })).ifCacheable).toBeUndefined();
  });
});

describe('the mix against one model names each figure', () => {
  test('the mix costs more: the difference says "more" and the mix total is given as the mix total', () => {
    const single = { ...modelCost(ix, 'haiku-5-5', DEFAULT_VALUES), name: 'Claude Haiku 5.5' };
    single.month = { ...single.month, total: 1222.5 };
    expect(mixVersusSingle(single, 10_453.5)).toBe('Everything on Claude Haiku 5.5: $1,222.50 a month; the mix ($10,453.50 a month) costs $9,231.00 more.');
    single.month = { ...single.month, total: 20_000 };
    expect(mixVersusSingle(single, 10_453.5)).toBe('Everything on Claude Haiku 5.5: $20,000.00 a month; the mix ($10,453.50 a month) costs $9,546.50 less.');
    expect(mixVersusSingle(single, 20_000)).toBe('Everything on Claude Haiku 5.5: $20,000.00 a month; the mix ($20,000.00 a month) costs the same.');
  });
  test('an unpriced single gives its reason', () => {
    expect(mixVersusSingle(modelCost(ix, 'sonnet-4-5', DEFAULT_VALUES), 10)).toMatch(/^Everything on Claude Sonnet 4\.5: Retired on the Claude API/);
  });
});

describe('CSV export', () => {
  test('header plus one line per model, quoted where needed', () => {
    const rows = compareModels(ix, ['haiku-4-5', 'sonnet-4-6'], v({ geo: 'us' }));
    const csv = comparisonCsv(rows);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'model,name,requests_per_month,cost_per_request_usd,input_usd,output_usd,cache_write_usd,cache_read_usd,total_usd,plain_usd,savings_caching_usd,savings_batch_usd,note',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^sonnet-4-6,Claude Sonnet 4\.6,300000,/);
    expect(lines[2]).toMatch(/^haiku-4-5,Claude Haiku 4\.5,300000,,,,,,,,,,"Claude Haiku 4\.5 does not accept inference_geo ""us""/);
  });
  test('with the inputs, every line carries what reproduces it: tokens, hit rate, TTL, Batch, geo, mix and the link', () => {
    const values = v({ models: ['sonnet-5-5'], input: 3000, cached: 20_000, hit: 0.95, ttl: '1h', batch: 0.25, geo: 'us', mix: [{ model: 'sonnet-5-5', share: 1 }] });
    const link = 'https://example.test/calculator/?models=sonnet-5-5&input=3000';
    const lines = comparisonCsv(compareModels(ix, ['sonnet-5-5'], values), values, link).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/,note,input_tokens,cached_prefix_tokens,output_tokens,cache_hit_rate,cache_ttl,requests_per_day,batch_share,inference_geo,routing_mix,tokens_measured_with,calculator_link$/);
    expect(lines[1]).toMatch(/,3000,20000,500,0\.95,1h,10000,0\.25,us,sonnet-5-5:1,,https:\/\/example\.test\/calculator\/\?models=sonnet-5-5&input=3000$/);
  });
});

describe('the slim catalogue copy the island gets gives the same numbers', () => {
  test('every model, several workloads', async () => {
    const { createIndex } = await import('../../src/lib/catalogue-index.ts');
    const { slimPricingData } = await import('../../src/lib/catalogue.ts');
    const slim = createIndex(JSON.parse(JSON.stringify(slimPricingData())));
    const cases: Partial<CalcValues>[] = [
      {},
      { geo: 'us', batch: 0.3, ttl: '1h' },
      { input: 150_000, cached: 0, output: 70_000, ref: 'sonnet-4-6' },
      { cached: 1500, hit: 0.5 },
    ];
    for (const c of cases) {
      const values = v(c);
      expect(compareModels(slim, MODEL_IDS, values)).toEqual(compareModels(ix, MODEL_IDS, values));
      for (const id of MODEL_IDS) expect(rateLimitHeadroom(slim, id, values)).toEqual(rateLimitHeadroom(ix, id, values));
    }
    expect(JSON.stringify(slimPricingData()).length).toBeLessThan(JSON.stringify(ix.models).length / 2);
  });
});
