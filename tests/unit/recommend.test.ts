import { describe, expect, it } from 'vitest';
import { getFact, MODELS } from '../../src/lib/catalogue.ts';
import { estimateCost } from '../../src/lib/pricing.ts';
import { DAYS_PER_MONTH } from '../../src/lib/calculator-state.ts';
import { cachingMove, currentFable, currentTierModels, recommend, shares, type DiagnosticAnswers, type RecommendEnv } from '../../src/lib/recommend.ts';

const models = currentTierModels(MODELS);
const fable = currentFable(MODELS);
const breakEven = { reads5m: Number(getFact('breakEven.reads5m').value), reads1h: Number(getFact('breakEven.reads1h').value) };
const env: RecommendEnv = { models, estimate: estimateCost, daysPerMonth: DAYS_PER_MONTH, breakEven, fable };

/** A baseline workload: mostly medium requests, high bar, background, no tools, no budget. */
const base: DiagnosticAnswers = {
  task: 'chat',
  simpleShare: 0,
  hardShare: 0,
  quality: 'high',
  latency: 'background',
  requestsPerDay: 1000,
  promptTokens: 2000,
  sharedPrefixTokens: 0,
  outputTokens: 500,
  tools: 'none',
  monthlyBudget: null,
};
const run = (over: Partial<DiagnosticAnswers>) => recommend({ ...base, ...over }, env);
const rules = (over: Partial<DiagnosticAnswers>) => run(over).notes.map((n) => n.rule);
const tierShares = (over: Partial<DiagnosticAnswers>) => Object.fromEntries(run(over).allocations.map((x) => [x.tier, Number(x.share.toFixed(3))]));

describe('the catalogue gives one current model per tier', () => {
  it('picks current models', () => {
    for (const m of Object.values(models)) expect(MODELS.find((x) => x.id === m.id)?.status.value).toBe('current');
    expect(new Set(Object.values(models).map((m) => m.id)).size).toBe(3);
  });
});

describe('shares', () => {
  it('turns percentages into shares that add up to 1, simple first', () => {
    expect(shares({ simpleShare: 70, hardShare: 10 })).toEqual({ simple: 0.7, medium: expect.closeTo(0.2, 10), hard: 0.1 });
    expect(shares({ simpleShare: 80, hardShare: 50 })).toEqual({ simple: 0.8, medium: 0, hard: expect.closeTo(0.2, 10) });
    expect(shares({ simpleShare: -5, hardShare: Number.NaN })).toEqual({ simple: 0, medium: 1, hard: 0 });
  });
});

describe('R1 tier by difficulty', () => {
  it('sends simple to Haiku, medium to Sonnet, hard to Opus, default = largest share', () => {
    const r = run({ simpleShare: 70, hardShare: 10 });
    expect(r.defaultTier).toBe('haiku');
    expect(tierShares({ simpleShare: 70, hardShare: 10 })).toEqual({ haiku: 0.7, sonnet: 0.2, opus: 0.1 });
    expect(r.routeUp.map((x) => x.tier)).toEqual(['sonnet', 'opus']);
    expect(r.routeDown).toEqual([]);
    expect(run({}).defaultTier).toBe('sonnet');
    expect(run({ hardShare: 80 }).defaultTier).toBe('opus');
    expect(run({ hardShare: 80 }).routeDown.map((x) => x.tier)).toEqual(['sonnet']);
  });
});

describe('R2 critical quality bar', () => {
  it('moves every share one tier up', () => {
    expect(tierShares({ simpleShare: 70, hardShare: 10, quality: 'critical' })).toEqual({ sonnet: 0.7, opus: 0.3 });
    expect(rules({ quality: 'critical' })).toContain('quality-critical');
  });
});

describe('R3 good-enough quality bar', () => {
  it('suggests testing Haiku on the medium share, without moving it', () => {
    expect(rules({ quality: 'good-enough' })).toContain('quality-efficiency');
    expect(run({ quality: 'good-enough' }).defaultTier).toBe('sonnet');
    expect(rules({ quality: 'good-enough', simpleShare: 100 })).not.toContain('quality-efficiency');
  });
});

describe('R4 tool use', () => {
  it('moves Haiku work to Sonnet when tools are many or ambiguous', () => {
    expect(tierShares({ simpleShare: 100, tools: 'complex' })).toEqual({ sonnet: 1 });
    expect(rules({ tools: 'complex' })).toContain('tools-complex');
    expect(tierShares({ simpleShare: 100, tools: 'simple' })).toEqual({ haiku: 1 });
    expect(rules({ tools: 'simple' })).toContain('tools-simple');
  });
});

describe('R5 interactive latency', () => {
  it('serves hard requests with Sonnet unless quality is critical, and always streams', () => {
    expect(tierShares({ hardShare: 30, latency: 'interactive' })).toEqual({ sonnet: 1 });
    expect(rules({ hardShare: 30, latency: 'interactive' })).toEqual(expect.arrayContaining(['latency-interactive', 'stream']));
    expect(tierShares({ hardShare: 30, latency: 'interactive', quality: 'critical' })).toEqual({ opus: 1 });
    expect(rules({ latency: 'background' })).not.toContain('stream');
    // Critical bar keeps Opus on the path: the Opus latency note. No hard requests (nothing on Opus): no Opus note.
    expect(rules({ hardShare: 30, latency: 'interactive', quality: 'critical' })).toContain('latency-interactive');
    expect(tierShares({ hardShare: 0, latency: 'interactive' })).toEqual({ sonnet: 1 });
    expect(rules({ hardShare: 0, latency: 'interactive' })).not.toContain('latency-interactive');
    expect(rules({ hardShare: 0, latency: 'interactive' })).toContain('stream');
  });
});

describe('R6 caching', () => {
  const sonnet = models.sonnet;
  const min = sonnet.minCacheablePrompt ?? 0;
  it('caches a long shared prefix reused within 5 minutes with the 5-minute TTL', () => {
    const c = cachingMove({ ...base, sharedPrefixTokens: min + 1000, requestsPerDay: 24 * 12 * 10 }, sonnet, breakEven);
    expect(c).toMatchObject({ use: true, ttl: '5m' });
    expect(c.hitRate).toBeGreaterThan(0.9);
    expect(rules({ sharedPrefixTokens: min + 1000, promptTokens: min + 3000, requestsPerDay: 24 * 12 * 10 })).toContain('caching');
  });
  it('uses the 1-hour TTL for prefixes reused often enough within an hour', () => {
    const perDay = 24 * (breakEven.reads1h + 1);
    expect(perDay / 288).toBeLessThan(breakEven.reads5m);
    expect(cachingMove({ ...base, sharedPrefixTokens: min + 1000, requestsPerDay: perDay }, sonnet, breakEven)).toMatchObject({ use: true, ttl: '1h' });
  });
  it('does not cache sparse traffic, missing prefixes, or prefixes under the model minimum', () => {
    expect(cachingMove({ ...base, sharedPrefixTokens: min + 1000, requestsPerDay: 24 * (breakEven.reads1h - 0.5) }, sonnet, breakEven).use).toBe(false);
    expect(cachingMove({ ...base, sharedPrefixTokens: 0 }, sonnet, breakEven).use).toBe(false);
    if (min > 1) {
      const c = cachingMove({ ...base, sharedPrefixTokens: min - 1, requestsPerDay: 100_000 }, sonnet, breakEven);
      expect(c.use).toBe(false);
      expect(c.text).toMatch(/minimum cacheable prompt/);
    }
  });
  it('makes the recommendation cheaper than the same workload uncached', () => {
    const heavy = { sharedPrefixTokens: min + 8000, promptTokens: min + 10000, requestsPerDay: 50_000 };
    const cached = run(heavy).costs!.recommended;
    const uncached = run({ ...heavy, sharedPrefixTokens: 0 }).costs!.recommended;
    expect(cached).toBeLessThan(uncached);
  });
});

describe('R7 Batch', () => {
  it('sends offline work through Batch at half the price', () => {
    const online = run({ latency: 'background' });
    const offline = run({ latency: 'offline' });
    expect(offline.batch.use).toBe(true);
    expect(online.batch.use).toBe(false);
    expect(offline.costs!.recommended).toBeCloseTo(online.costs!.recommended / 2, 6);
    expect(offline.notes.map((n) => n.rule)).toContain('batch');
  });
});

describe('R8 context', () => {
  it('flags a prompt plus output that does not fit, from the pricing engine, and still prices it', () => {
    const window = models.sonnet.contextWindow!;
    const r = run({ promptTokens: window - 100, outputTokens: 1000 });
    expect(r.costs?.warnings.some((w) => /context window/.test(w))).toBe(true);
    expect(r.notes.map((n) => n.rule)).toContain('context');
    expect(rules({})).not.toContain('context');
  });
  it('a prompt longer than every context window gets no price, only the reason', () => {
    const r = run({ promptTokens: 1_500_000, monthlyBudget: 5000 });
    expect(r.costs).toBeNull();
    expect(r.budget).toBeNull();
    expect(r.unpriced).toMatch(/1,500,000-token prompt is longer than every current model's context window \(the widest is 1,000,000 tokens\)/);
    expect(run({ promptTokens: 900_000 }).costs).not.toBeNull();
  });
});

describe('R7 Batch and the cache (as /errors/batch-cache-misses/ explains)', () => {
  const batchy = { latency: 'offline' as const, requestsPerDay: 100_000, promptTokens: 8000, sharedPrefixTokens: 1000 + 4096 };
  it('never assumes a hit rate for batch requests: pre-warm at the 1-hour TTL, price without reads, best case stated', () => {
    const r = run(batchy);
    expect(r.caching.use).toBe(false);
    expect(r.caching.hitRate).toBe(0);
    expect(r.caching.ttl).toBe('1h');
    expect(r.caching.text).toMatch(/Pre-warm: send one normal request .* 1-hour cache_control/);
    const note = r.notes.find((n) => n.rule === 'batch-cache');
    expect(note?.href).toBe('/errors/batch-cache-misses/');
    // No hit assumed, so every batch request pays the 1-hour cache write (the premium /errors/batch-cache-misses/ is about).
    // Hand-worked, all on Sonnet 5.5 ($2 input, $4 1-hour write, $10 output, Batch 0.5), 3,000,000 requests a month:
    //   (2,904 × $2 + 5,096 × $4 + 500 × $10) / 1e6 × 0.5 = $0.015596 a request → $46,788.00 a month.
    //   Pricing the prefix as plain input instead gives (8,000 × $2 + 500 × $10) / 1e6 × 0.5 × 3e6 = $31,500: $15,288 low.
    expect(r.allocations.map((x) => x.model.id)).toEqual(['sonnet-5-5']);
    expect(r.costs!.recommended).toBeCloseTo(46_788, 6);
    // Best case, every request reads the pre-warmed prefix: (2,904 × $2 + 5,096 × $0.10 + 500 × $10) / 1e6 × 0.5 × 3e6
    //   = $16,976.40, so up to $29,811.60 saved.
    expect(r.batchCacheBestCase).toBeCloseTo(46_788 - 16_976.4, 6);
    // The calculator link carries the same model: prefix cached at 1 hour, hit rate 0, all through Batch.
    expect(r.calculatorHref).toMatch(/input=2904&cached=5096&output=500&hit=0&ttl=1h&perDay=100000&batch=1&/);
    expect(r.caching.text).toMatch(/every batch request pays the 1-hour cache write/);
  });
  it('the calculator link prices the pre-warmed batch to the same month', async () => {
    const { parseQuery } = await import('../../src/lib/calculator-state.ts');
    const { routingMix } = await import('../../src/lib/calculator.ts');
    const { catalogueIndex } = await import('../../src/lib/catalogue.ts');
    for (const over of [batchy, { ...batchy, simpleShare: 50, hardShare: 20 }]) {
      const r = run(over);
      const { values, errors } = parseQuery(catalogueIndex, r.calculatorHref.split('?')[1]!);
      expect(errors).toEqual({});
      expect(routingMix(catalogueIndex, values.mix, values).total).toBeCloseTo(r.costs!.recommended, 2);
    }
  });
  it('a batch without a shared prefix has nothing to pre-warm', () => {
    const r = run({ ...batchy, sharedPrefixTokens: 0 });
    expect(r.caching.ttl).toBeNull();
    expect(r.batchCacheBestCase).toBeUndefined();
  });
});

describe('R11 Fable where capability is the point', () => {
  it('prices the hard share on Fable for a critical bar off the interactive path', () => {
    expect(fable).toBeDefined();
    const r = run({ quality: 'critical', hardShare: 30 });
    expect(r.fable?.model.id).toBe(fable!.id);
    expect(r.fable?.share).toBeCloseTo(0.3, 9);
    expect(r.fable!.monthly).toBeGreaterThan(r.costs!.recommended);
    expect(r.notes.find((n) => n.rule === 'fable')?.text).toMatch(new RegExp(`try ${fable!.name}`));
    expect(run({ quality: 'critical', hardShare: 30, latency: 'interactive' }).fable).toBeUndefined();
    expect(run({ quality: 'high', hardShare: 30 }).fable).toBeUndefined();
    expect(run({ quality: 'critical', hardShare: 0 }).fable).toBeUndefined();
  });
});

describe('R12 a prompt just above a price tier', () => {
  it('points out the Haiku 5.5 100K tier when the prompt is just above it', () => {
    const tier = models.haiku.priceTier!;
    expect(tier.above).toBe(100_000);
    expect(tier.factor).toBe(5);
    const note = run({ promptTokens: 110_000, simpleShare: 100 }).notes.find((n) => n.rule === 'price-tier');
    expect(note?.text).toMatch(/Claude Haiku 5\.5 bills every category at 5× .* over 100,000 tokens; yours is 110,000\. Trimming 10,000 tokens/);
    expect(rules({ promptTokens: 99_000 })).not.toContain('price-tier');
    expect(rules({ promptTokens: 200_000 })).not.toContain('price-tier');
  });
});

describe('R9 budget', () => {
  it('reports how far over budget the recommendation is', () => {
    const r = run({ monthlyBudget: 1 });
    expect(r.budget?.over).toBeCloseTo(r.costs!.recommended - 1, 6);
    expect(r.notes.find((n) => n.rule === 'budget')?.text).toMatch(/Even all-Haiku/);
    const roomy = run({ monthlyBudget: 1e9 });
    expect(roomy.budget?.over).toBe(0);
    expect(roomy.notes.map((n) => n.rule)).not.toContain('budget');
    expect(run({}).budget).toBeNull();
  });
});

describe('R10 task type', () => {
  it('adds the task-specific move', () => {
    expect(rules({ task: 'extraction' })).toContain('task-structured');
    expect(rules({ task: 'classification' })).toContain('task-structured');
    expect(rules({ task: 'coding' })).toContain('task-coding');
    expect(rules({ task: 'writing' }).filter((r) => r.startsWith('task-'))).toEqual([]);
  });
});

describe('costs', () => {
  it('compare the recommendation with all-Opus and all-Haiku, from estimateCost', () => {
    const r = run({ simpleShare: 60, hardShare: 10 });
    expect(r.costs!.allOpus).toBeGreaterThan(r.costs!.recommended);
    expect(r.costs!.allHaiku).toBeLessThan(r.costs!.recommended);
    const monthly = base.requestsPerDay * DAYS_PER_MONTH;
    expect(r.costs!.allHaiku).toBeCloseTo(estimateCost(models.haiku.id, { requests: monthly, inputTokens: 2000, outputTokens: 500, cacheWriteTokens: 0, cacheReadTokens: 0, cacheTtl: '5m', batch: false }).total, 9);
  });
  it('link to the calculator with the same workload and mix', () => {
    const href = run({ simpleShare: 60, hardShare: 10 }).calculatorHref;
    expect(href).toMatch(/^\/calculator\/\?models=/);
    expect(href).toContain(`mix=${models.haiku.id}:0.6,${models.sonnet.id}:0.3,${models.opus.id}:0.1`);
    expect(href).toContain('perDay=1000');
  });
});
