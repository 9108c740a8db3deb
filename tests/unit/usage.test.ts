import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession, fastModeRates, priceUsageFiles, UsageSession } from '../../src/lib/usage/index.ts';
import { closeMatches, createIndex } from '../../src/lib/catalogue-index.ts';
import { rangedCostOf } from '../../src/lib/pricing-core.ts';
import { RecordSplitter } from '../../src/lib/usage/lines.ts';
import { readNumber } from '../../src/lib/usage/parse.ts';
import { findSpikes, median, SPIKE_SECTIONS } from '../../src/lib/usage/spikes.ts';
import { extractHeadings } from '../../src/lib/headings.ts';
import { catalogueIndex, slimPricingData } from '../../src/lib/catalogue.ts';
import { createResolver } from '../../src/lib/usage/models.ts';

const dir = 'tests/fixtures/usage/';
const file = (name: string) => ({ name, text: readFileSync(dir + name, 'utf8') });
const cents = (n: number | undefined) => Math.round((n ?? NaN) * 100) / 100;

// Expected figures are worked out by hand from the catalogue's list prices (per MTok):
// Sonnet 4.6 $3 in / $15 out / $3.75 5-min write / $6 1-h write / $0.30 read; Opus 4.8 $5 / $25 / $6.25 / $10 / $0.50;
// Haiku 4.5 $1 / $5; Opus 5.5 $4 / $20; Haiku 5.5 $0.10 / $0.50, prompts over 100,000 tokens $0.50 / $2.50.
// Batch × 0.5, US-only × 1.1, web search $10 per 1,000.

describe('priceUsageFiles, per format', () => {
  it('Console usage CSV: re-prices every token type, 1-h writes, long context, US-only, web search', () => {
    const r = priceUsageFiles([file('console-usage.csv')]);
    expect(r.formats).toEqual(['Console usage CSV']);
    expect(r.rows).toBe(13);
    expect(r.skipped).toBe(1);
    expect(r.skipReasons[0]!.reason).toMatch(/bad number in usage_output_tokens/);
    expect(r.skipReasons[0]!.where).toEqual(['console-usage.csv:12']);
    // Sonnet: 8 days × ($3 + $1.50) + 1-h writes $0.60 + reads $0.06 + long context $1.50 + US-only 0.1 MTok × $3 × 1.1.
    expect(cents(r.byModel['sonnet-4-6'])).toBe(38.49);
    // Opus: $10 input + $2.50 writes + $0.50 reads + $5 output + 100 searches $1.
    expect(cents(r.byModel['opus-4-8'])).toBe(19);
    expect(cents(r.listPriceUsd)).toBe(57.49);
    expect(r.reportedUsd).toBeUndefined();
    expect(r.unknownModels).toEqual([{ name: 'claude-foo-9', rows: 1, tokens: 1000, reportedUsd: 0 }]);
    expect(r.warnings.join('\n')).toMatch(/Unknown models, counted but not priced: "claude-foo-9"/);
    expect(cents(r.byTokenType.write1h)).toBe(0.6);
    expect(cents(r.byTokenType.webSearch)).toBe(1);
    expect(cents(r.byApiKey['batch-key'])).toBe(19);
    expect(cents(r.byWorkspace['Default'])).toBe(38.49);
    expect(r.byDay.map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08']);
    // Median day $4.665, MAD $0.165 → threshold $5.40: 2026-11-05 (long-context row, $6.00) and 2026-11-08 ($23.50, Opus).
    expect(r.spikes.map((s) => s.day)).toEqual(['2026-11-05', '2026-11-08']);
    expect(r.spikes[0]!.threshold).toBeCloseTo(4.665 + 3 * 1.4826 * 0.165, 9);
    expect(r.spikes[0]!.drivers.map((d) => d.label)).toContain('Long-context requests (prompt over 200K)');
    expect(r.spikes[1]!.drivers[0]!.label).toBe('Model: Claude Opus 4.8');
    expect(r.spikes[1]!.drivers[0]!.href).toBe('/guide/cost-spikes/#opus-is-answering-trivial-requests');
    expect(cents(r.ratios.longContextShare * r.listPriceUsd)).toBe(1.5);
    expect(cents(r.ratios.usShare * r.listPriceUsd)).toBe(0.33);
    // Request counts are not in this export: no calculator averages.
    expect(r.calculatorQuery).toBeUndefined();
  });

  it('Console cost CSV: reported and list figures from the file, display names resolved', () => {
    const r = priceUsageFiles([file('console-cost.csv')]);
    expect(r.formats).toEqual(['Console cost CSV']);
    expect(r.rows).toBe(4);
    expect(cents(r.reportedUsd)).toBe(7.55);
    expect(cents(r.reportedListUsd)).toBe(8);
    expect(cents(r.reportedByModel['sonnet-4-6'])).toBe(4.05);
    expect(cents(r.reportedByModel['opus-4-8'])).toBe(2.5);
    expect(r.listPriceUsd).toBe(0);
    expect(r.differences.join('\n')).toMatch(/Discounts and credits in the files: \$0\.45/);
  });

  it('Admin API usage report, two pages: batch, priority and dated snapshot ids', () => {
    const r = priceUsageFiles([file('admin-usage-page1.json'), file('admin-usage-page2.json')]);
    expect(r.formats).toEqual(['Admin API usage report (usage_report/messages)']);
    expect(r.rows).toBe(3);
    // Sonnet: $3 + 0.5 MTok × $3.75 + 2 MTok × $0.30 + 0.2 MTok × $15 + 10 searches × $0.01.
        expect(r.byModel['sonnet-4-6']).toBeCloseTo(8.575, 9);
    // Haiku 4.5 via Batch: (2 × $1 + 1 × $5) × 0.5.
    expect(cents(r.byModel['haiku-4-5'])).toBe(3.5);
    expect(cents(r.byModel['opus-4-8'])).toBe(0.5);
    expect(r.listPriceUsd).toBeCloseTo(12.575, 9);
    expect(r.differences.join('\n')).toMatch(/Priority Tier: 100,000 tokens/);
    expect(r.byWorkspace['Default workspace']).toBeCloseTo(3.5, 9);
  });

  it('Admin API cost report: amount is cents as a decimal string ("123.45" = $1.2345); a second currency is skipped', () => {
    const r = priceUsageFiles([file('admin-cost-report.json')]);
    expect(r.formats).toEqual(['Admin API cost report (cost_report)']);
    expect(r.reportedUsd).toBeCloseTo(1.2345 + 8, 9);
    expect(r.reportedByModel['sonnet-4-6']).toBeCloseTo(1.2345, 9);
    expect(r.reportedByModel['haiku-4-5']).toBeCloseTo(8, 9);
    expect(r.skipped).toBe(1);
    expect(r.skipReasons[0]!.reason).toMatch(/second currency \(EUR\)/);
  });

  it('cents, not dollars: a one-cent amount is $0.01 and never $1', () => {
    const page = (amount: string) => JSON.stringify({ data: [{ starting_at: '2026-11-01T00:00:00Z', ending_at: '2026-11-02T00:00:00Z', results: [{ currency: 'USD', amount, model: 'claude-sonnet-4-6', token_type: 'output_tokens', cost_type: 'tokens' }] }], has_more: false, next_page: null });
    expect(priceUsageFiles([{ name: 'a.json', text: page('1') }]).reportedUsd).toBe(0.01);
    expect(priceUsageFiles([{ name: 'a.json', text: page('100') }]).reportedUsd).toBe(1);
    expect(priceUsageFiles([{ name: 'a.json', text: page('0.5') }]).reportedUsd).toBe(0.005);
  });

  it('Analytics API usage and cost: requests give calculator averages; list_amount is in cents', () => {
    const r = priceUsageFiles([file('analytics-usage.json'), file('analytics-cost.json')]);
    expect(r.formats.sort()).toEqual(['Analytics API cost', 'Analytics API usage']);
    expect(cents(r.byModel['opus-5-5'])).toBe(6);
    expect(r.reportedUsd).toBeCloseTo(1.505, 9);
    expect(r.reportedListUsd).toBe(2);
    expect(r.requests).toBe(100);
    const q = new URLSearchParams(r.calculatorQuery);
    expect(q.get('models')).toBe('opus-5-5');
    expect(q.get('input')).toBe('10000');
    expect(q.get('output')).toBe('1000');
    expect(q.get('perDay')).toBe('100');
  });

  it('Messages API responses as JSON Lines: per-request prompt tiers (Haiku 5.5 over 100,000 tokens), bad and truncated lines', () => {
    const r = priceUsageFiles([file('messages.jsonl')]);
    expect(r.formats).toEqual(['Messages API responses (JSON Lines)']);
    expect(r.rows).toBe(2);
    // 1,000 × $3 + 2,000 1-h writes × $6 + 10,000 reads × $0.30 + 500 × $15, per MTok.
    expect(r.byModel['sonnet-4-6']).toBeCloseTo(0.0255, 12);
    // 150,000 prompt tokens: the over-100,000 tier for every category.
    expect(r.byModel['haiku-5-5']).toBeCloseTo(0.075 + 0.0025, 12);
    expect(r.skipped).toBe(2);
    expect(r.skipReasons.map((s) => s.reason).sort()).toEqual(['line is not valid JSON', 'truncated final line (not complete JSON)']);
    expect(r.byDay.map((d) => d.day)).toEqual(['2026-11-12']);
  });

  it('Claude Code session JSONL: assistant turns only, repeated message ids counted once, <synthetic> ignored', () => {
    const r = priceUsageFiles([file('claude-code-session.jsonl')]);
    expect(r.formats).toEqual(['Claude Code session log (JSONL)']);
    expect(r.rows).toBe(2);
    expect(r.byModel['sonnet-4-6']).toBeCloseTo(0.00003 + 0.00375 + 0.0015 + 0.003, 12);
    expect(r.byModel['opus-4-8']).toBeCloseTo(0.0005 + 0.025, 12);
    expect(r.skipped).toBe(0);
    expect(r.requests).toBe(2);
  });

  it('Message Batches results: succeeded results at Batch prices, errored results ignored', () => {
    const r = priceUsageFiles([file('batch-results.jsonl')]);
    expect(r.formats).toEqual(['Message Batches results (JSON Lines)']);
    expect(r.byModel['sonnet-4-6']).toBeCloseTo(2.25, 12);
    expect(r.ratios.batchShare).toBe(1);
  });

  it('several files at once, any mix: usage re-priced, cost reported, both side by side', () => {
    const r = priceUsageFiles([file('console-usage.csv'), file('console-cost.csv'), file('messages.jsonl')]);
    expect(r.formats.length).toBe(3);
    expect(r.listPriceUsd).toBeCloseTo(57.49 + 0.0255 + 0.0775, 9);
    expect(cents(r.reportedUsd)).toBe(7.55);
    expect(r.differences[0]).toMatch(/The files report \$7\.55 charged; re-priced at list the usage comes to \$57\.59/);
  });
});

describe('fast mode (usage.speed "fast")', () => {
  const line = (model: string, usage: Record<string, unknown>) =>
    JSON.stringify({ id: `msg_${model}`, type: 'message', role: 'assistant', model, content: [], usage: { service_tier: 'standard', ...usage } });
  const jsonl = [
    // Opus 5: fast mode $10 / $50 (confirmed); a read at 0.1× the fast input, $1.
    line('claude-opus-5', { input_tokens: 1_000_000, cache_read_input_tokens: 1_000_000, output_tokens: 100_000, speed: 'fast' }),
    // Opus 5.5: $8 / $40 (Anthropic's pricing page); its reads are 0.05× input, so $0.40 at the fast rate.
    line('claude-opus-5-5', { input_tokens: 1_000_000, cache_read_input_tokens: 1_000_000, output_tokens: 0, speed: 'fast' }),
    // Fable 5.2: $16 / $80, a rate only third parties give.
    line('claude-fable-5-2', { input_tokens: 1_000_000, output_tokens: 0, speed: 'fast' }),
    // Sonnet 5.5: no fast-mode rate in the catalogue: standard $2 / MTok, and said so.
    line('claude-sonnet-5-5', { input_tokens: 1_000_000, output_tokens: 0, speed: 'fast' }),
  ].join('\n');
  const r = priceUsageFiles([{ name: 'fast.jsonl', text: jsonl }]);

  it('prices fast rows at the catalogue fast-mode rate, cache multipliers on top', () => {
    expect(r.byModel['opus-5']).toBeCloseTo(10 + 1 + 5, 9);
    expect(r.byModel['opus-5-5']).toBeCloseTo(8 + 0.4, 9);
    expect(r.byModel['sonnet-5-5']).toBeCloseTo(2, 9);
    expect(r.byModel['fable-5-2']).toBeCloseTo(16, 9);
    expect(r.ratios.fastShare).toBe(1);
  });
  it('names a third-party fast rate and the models it had to price at standard', () => {
    expect(r.warnings.join('\n')).toContain('Claude Fable 5.2 fast-mode rate (third-party, no range known)');
    expect(r.warnings.join('\n')).not.toContain('Claude Opus 5.5 fast-mode rate');
    const d = r.differences.join('\n');
    expect(d).toContain('1,000,000 tokens on Claude Sonnet 5.5 were re-priced at standard rates');
    expect(d).toContain("priced at the catalogue's fast-mode rates");
  });
  it('keeps fast traffic out of the Batch scenario (fast mode is not offered through Batch)', () => {
    expect(r.scenarios.find((x) => x.id === 'batch')).toBeUndefined();
  });
  it('the worker path gives the same figures over the slim catalogue', () => {
    const index = createIndex(slimPricingData(), closeMatches);
    const session = new UsageSession({ index, price: rangedCostOf(index), webSearchUsdPer1000: 10, fastRates: fastModeRates() });
    const p = session.file('fast.jsonl');
    p.push(jsonl);
    p.end();
    expect(session.report().listPriceUsd).toBeCloseTo(r.listPriceUsd, 9);
  });
});

describe('bad input: clear messages, nothing else lost, never NaN', () => {
  const allFinite = (r: ReturnType<typeof priceUsageFiles>) => {
    const nums = [r.listPriceUsd, r.rows, r.skipped, ...Object.values(r.byModel), ...r.byDay.map((d) => d.usd), ...r.scenarios.map((s) => s.deltaUsd)];
    expect(nums.every(Number.isFinite)).toBe(true);
  };
  it('an empty file', () => {
    const r = priceUsageFiles([file('empty.csv')]);
    expect(r.rows).toBe(0);
    expect(r.warnings).toContain('empty.csv is empty: nothing to read.');
    allFinite(r);
  });
  it('an unrecognised file names its columns, and the other files still count', () => {
    const r = priceUsageFiles([file('not-usage.csv'), file('batch-results.jsonl')]);
    expect(r.warnings.join('\n')).toMatch(/not-usage\.csv is not a format this tool reads\. It starts with the columns: date, amount, notes/);
    expect(r.byModel['sonnet-4-6']).toBeCloseTo(2.25, 12);
    allFinite(r);
  });
  it('a truncated CSV: the rows before the cut are kept, the cut row is reported', () => {
    const r = priceUsageFiles([file('truncated.csv')]);
    expect(r.rows).toBe(1);
    expect(r.skipReasons.map((s) => s.reason)).toEqual(['truncated final row (the file ends inside a quoted field)']);
    expect(cents(r.listPriceUsd)).toBe(4.5);
  });
  it('unknown columns are named; missing token columns count as 0', () => {
    const r = priceUsageFiles([{ name: 'x.csv', text: 'usage_date_utc,model_version,usage_input_tokens_no_cache,region\n2026-11-01,claude-sonnet-4-6,1000000,eu\n' }]);
    expect(r.warnings.join('\n')).toMatch(/columns not used \(unknown to this tool\): region/);
    expect(r.warnings.join('\n')).toMatch(/no column usage_input_tokens_cache_write_5m/);
    expect(cents(r.listPriceUsd)).toBe(3);
  });
  it('a JSON document that does not parse', () => {
    const r = priceUsageFiles([{ name: 'cut.json', text: '{\n "data": [ { "starting_at": "2026' }]);
    expect(r.warnings.join('\n')).toMatch(/cut\.json is not valid JSON/);
    expect(r.skipped).toBe(1);
  });
  it('negative and non-numeric counts are skipped, not priced', () => {
    expect(readNumber('-1')).toBeUndefined();
    expect(readNumber('abc')).toBeUndefined();
    expect(readNumber('$1.00')).toBe(1);
    expect(readNumber('$')).toBeUndefined();
    expect(readNumber('Infinity')).toBeUndefined();
    expect(readNumber('1e300')).toBeUndefined();
    expect(readNumber('1,234')).toBe(1234);
    expect(readNumber('')).toBe(0);
  });
  it('random bytes never crash or give NaN', () => {
    for (const text of ['\u0000\u0001\u0002', '{', '[1,2,3]', '"', 'a\n"b\n', '{"data": 5}\n{"usage": {}}', '\uFEFF']) {
      allFinite(priceUsageFiles([{ name: 'junk', text }]));
    }
  });
});

describe('streaming', () => {
  it('the same totals whatever the chunk size (records split across chunks, inside quoted fields too)', () => {
    const text = readFileSync(dir + 'console-usage.csv', 'utf8').replace('prod-key,Default', '"prod-key","Def\nault"');
    const whole = priceUsageFiles([{ name: 'a.csv', text }]);
    for (const size of [1, 7, 64]) {
      const s = createSession();
      const p = s.file('a.csv');
      for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
      p.end();
      const r = s.report();
      expect(r.listPriceUsd).toBeCloseTo(whole.listPriceUsd, 9);
      expect(r.rows).toBe(whole.rows);
    }
  });
  it('RecordSplitter keeps a quoted newline inside its record', () => {
    const s = new RecordSplitter(true);
    expect(s.push('a,"b\nc"\nd')).toBe('a,"b\nc"\n');
    expect(s.end()).toEqual({ tail: 'd', openQuote: false });
  });
  it('memory grows with buckets, not rows', () => {
    const s = createSession();
    const p = s.file('big.csv');
    p.push('usage_date_utc,model_version,usage_input_tokens_no_cache,usage_output_tokens\n');
    for (let i = 0; i < 20000; i++) p.push(`2026-11-0${(i % 3) + 1},claude-sonnet-4-6,10,1\n`);
    p.end();
    expect(s.rows).toBe(20000);
    expect(s.bucketCount).toBe(3);
  });
});

describe('model names resolve through the catalogue', () => {
  const resolve = createResolver(catalogueIndex);
  it.each([
    ['claude-sonnet-4-6', 'sonnet-4-6'],
    ['Claude Sonnet 4.6', 'sonnet-4-6'],
    ['claude-haiku-4-5-20251001', 'haiku-4-5'],
    ['claude-opus-4-8-20260528', 'opus-4-8'],
    ['us.anthropic.claude-opus-4-8-v1:0', 'opus-4-8'],
    ['claude-opus-4-8@20260528', 'opus-4-8'],
    ['Opus 5.5', 'opus-5-5'],
  ])('%s → %s', (name, id) => expect(resolve(name)?.id).toBe(id));
  it('every catalogue model resolves by its display name and API id (new models are picked up with no change here)', () => {
    for (const m of catalogueIndex.models) {
      expect(resolve(m.name)?.id).toBe(m.id);
      if (m.apiId) expect(resolve(m.apiId.value)?.id).toBe(m.id);
    }
  });
  it('unknown names stay unknown', () => expect(resolve('gpt-4o')).toBeUndefined());
});

describe('spikes', () => {
  it('median + k × 1.4826 × MAD', () => {
    expect(median([3, 1, 2])).toBe(2);
    const days = [10, 11, 9, 10, 12, 10, 11, 40].map((usd, i) => ({ day: `2026-11-0${i + 1}`, usd, parts: new Map([['Model: X', { usd, href: '#' }]]) }));
    const s = findSpikes(days);
    expect(s.map((x) => x.day)).toEqual(['2026-11-08']);
    // median 10.5, MAD 0.5 (deviations 0.5 0.5 1.5 0.5 1.5 0.5 0.5 29.5) → threshold 10.5 + 3 × 1.4826 × 0.5.
    expect(s[0]!.threshold).toBeCloseTo(10.5 + 3 * 1.4826 * 0.5, 9);
    expect(s[0]!.drivers[0]!.deltaUsd).toBeCloseTo(40 - 10.5, 9);
  });
  it('fewer than seven days: no spikes claimed', () => {
    expect(findSpikes([1, 1, 100].map((usd, i) => ({ day: String(i), usd, parts: new Map() })))).toEqual([]);
  });
  it('every linked section is a heading of the cost-spikes chapter', () => {
    const slugs = extractHeadings(readFileSync('content/chapters/cost-spikes.mdx', 'utf8')).map((h) => h.slug);
    for (const s of Object.values(SPIKE_SECTIONS)) expect(slugs).toContain(s);
  });
});

describe('scenarios', () => {
  const r = priceUsageFiles([file('admin-usage-page1.json')]);
  it('moving Sonnet 4.6 to Opus 4.8 converts tokens between tokenizers and gives a range', () => {
    const s = r.scenarios.find((x) => x.id === 'move:sonnet-4-6:opus-4-8')!;
    // Sonnet 4.6 (older tokenizer) at Opus 4.8 prices, counts × 1.3: ($5 + 0.5 × $6.25 + 2 × $0.50 + 0.2 × $25) × 1.3 + $0.10 web search.
    const opus = (5 + 0.5 * 6.25 + 2 * 0.5 + 0.2 * 25) * 1.3 + 0.1;
    expect(s.deltaUsd).toBeCloseTo(opus - 8.575, 9);
    expect(s.deltaLowUsd).toBeCloseTo(5 + 0.5 * 6.25 + 1 + 5 + 0.1 - 8.575, 9);
    expect(s.deltaHighUsd).toBeCloseTo(opus - 8.575, 9);
    expect(s.assumptions.join(' ')).toMatch(/different tokenizers/);
    expect(s.monthlyDeltaUsd).toBeCloseTo(s.deltaUsd * 30, 9);
  });
  it('Batch halves standard traffic; a hit-rate target turns uncached input into reads', () => {
    const b = r.scenarios.find((x) => x.id === 'batch')!;
    expect(b.deltaUsd).toBeCloseTo(-(8.575 - 0.1) / 2, 9);
    const h = r.scenarios.find((x) => x.id === 'hit:0.8')!;
    // Sonnet: prompt 3.5 MTok, reads to 2.8 MTok: 0.8 MTok from $3 to $0.30. Haiku (Batch): 1.6 MTok from $1 to $0.10, × 0.5.
    expect(h.deltaUsd).toBeCloseTo(-0.8 * 2.7 - 1.6 * 0.9 * 0.5, 9);
  });
  it('TTL: 5-minute writes at the 1-hour price', () => {
    expect(r.scenarios.find((x) => x.id === 'ttl:1h')!.deltaUsd).toBeCloseTo(0.5 * (6 - 3.75), 9);
  });
});

describe('ranged prices (uncertain or third-party figures with other values in the catalogue)', () => {
  // admin-usage-ranged.json, one day, standard tier, global routing:
  // Sonnet 5.5: 1 MTok input × $2 + 10 MTok reads × $0.10 (or $0.20, the older overview copy) + 0.1 MTok output × $10
  //   = $4.00, or $5.00 at the high end.
  // Fable 5.2: 1 MTok × $8 + 0.1 MTok 5-min writes × $10 + 5 MTok reads × $0.20 (or $0.80, the general 0.1× rule) + 0.1 MTok × $40
  //   = $14.00, or $17.00.
  // Sonnet 4.6 (all confirmed): 1 MTok × $3 + 0.1 MTok × $15 = $4.50.
  const r = priceUsageFiles([file('admin-usage-ranged.json')]);
  const scenario = (id: string) => r.scenarios.find((x) => x.id === id)!;

  it('the total and each model that uses a ranged price carry low and high ends; the central figure is unchanged', () => {
    expect(r.listPriceUsd).toBeCloseTo(22.5, 9);
    expect(r.listPriceLowUsd).toBeCloseTo(22.5, 9);
    expect(r.listPriceHighUsd).toBeCloseTo(26.5, 9);
    expect(r.byModel['sonnet-5-5']).toBeCloseTo(4, 9);
    expect(r.byModelRange?.['sonnet-5-5']?.low).toBeCloseTo(4, 9);
    expect(r.byModelRange?.['sonnet-5-5']?.high).toBeCloseTo(5, 9);
    expect(r.byModelRange?.['fable-5-2']?.low).toBeCloseTo(14, 9);
    expect(r.byModelRange?.['fable-5-2']?.high).toBeCloseTo(17, 9);
    // Sonnet 4.6 uses no ranged price: no range for it.
    expect(r.byModelRange?.['sonnet-4-6']).toBeUndefined();
  });

  it('the token-type, workspace and key tables carry the range on the rows a ranged price moves, and only there', () => {
    // Cache reads: Sonnet 5.5 10 MTok × $0.10–$0.20 + Fable 5.2 5 MTok × $0.20–$0.80 = $2.00–$6.00 (central $2.00).
    expect(r.byTokenType.read).toBeCloseTo(2, 9);
    expect(r.byTokenTypeRange?.read?.low).toBeCloseTo(2, 9);
    expect(r.byTokenTypeRange?.read?.high).toBeCloseTo(6, 9);
    expect(r.byTokenTypeRange?.input).toBeUndefined();
    expect(r.byTokenTypeRange?.output).toBeUndefined();
    // One workspace and one key hold all three models: the whole $22.50–$26.50.
    expect(r.byWorkspaceRange?.['wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ']?.high).toBeCloseTo(26.5, 9);
    expect(r.byApiKeyRange?.['apikey_01Rj2N8SVvo6BePZj99NhmiT']?.low).toBeCloseTo(22.5, 9);
    // Mixed with the Console CSV (confirmed prices only), its workspaces and keys get no range.
    const mixed = priceUsageFiles([file('admin-usage-ranged.json'), file('console-usage.csv')]);
    expect(Object.keys(mixed.byWorkspaceRange ?? {})).toEqual(['wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ']);
    expect(Object.keys(mixed.byApiKeyRange ?? {})).toEqual(['apikey_01Rj2N8SVvo6BePZj99NhmiT']);
    expect(mixed.byTokenTypeRange?.read?.high! - mixed.byTokenTypeRange?.read?.low!).toBeCloseTo(4, 9);
  });

  it('each ranged price used has a "why a range" line naming the figure, its values and its sources', () => {
    expect(r.priceRanges).toHaveLength(2);
    expect(r.priceRanges![0]).toMatch(/^Claude Sonnet 5\.5 cache read: \$0\.10 \/ MTok used, \$0\.20 \/ MTok also given \(uncertain: .*What's new page.*older copy of the Sonnet 5\.5 overview/);
    expect(r.priceRanges![1]).toMatch(/^Claude Fable 5\.2 cache read: \$0\.20 \/ MTok used, \$0\.80 \/ MTok also given \(third-party: .*general rule/);
    const w = r.warnings.join('\n');
    expect(w).toContain('Claude Sonnet 5.5 cache read price (uncertain, $0.10–$0.20)');
    expect(w).toContain('Claude Fable 5.2 5-minute cache write price (third-party, no range known)');
  });

  it('scenario ranges include the price range: Batch, a hit-rate target, a move between two ranged models', () => {
    // Batch halves every category: −$22.50 / 2, and −$26.50 / 2 at the high end.
    const b = scenario('batch');
    expect(b.deltaUsd).toBeCloseTo(-11.25, 9);
    expect(b.deltaLowUsd).toBeCloseTo(-13.25, 9);
    expect(b.deltaHighUsd).toBeCloseTo(-11.25, 9);
    expect(b.monthlyLowUsd).toBeCloseTo(-13.25 * 30, 9);
    expect(b.assumptions.join(' ')).toMatch(/Claude Fable 5\.2 cache read \$0\.20–\$0\.80 \/ MTok/);
    expect(b.assumptions.join(' ')).toMatch(/Claude Fable 5\.2: the Batch multiplier is the pricing page's general rule, with no per-model source \(no range known\)/);
    // 90% hits: Sonnet 4.6 0.9 MTok × ($0.30 − $3); Fable 5.2 prompt 6.1 MTok, reads to 5.49: 0.49 MTok × ($0.20 − $8), or × ($0.80 − $8).
    const h = scenario('hit:0.9');
    expect(h.deltaUsd).toBeCloseTo(-0.9 * 2.7 - 0.49 * 7.8, 9);
    expect(h.deltaLowUsd).toBeCloseTo(-0.9 * 2.7 - 0.49 * 7.8, 9);
    expect(h.deltaHighUsd).toBeCloseTo(-0.9 * 2.7 - 0.49 * 7.2, 9);
    // Fable 5.2 → Sonnet 5.5 (same tokenizer): Sonnet 5.5 at $2 + 0.1 × $2.50 + 5 × $0.10 (or $0.20) + 0.1 × $10 = $3.75 (or $4.25).
    // The saving is largest with Sonnet 5.5 low and Fable 5.2 high, smallest the other way round.
    const m = scenario('move:fable-5-2:sonnet-5-5');
    expect(m.deltaUsd).toBeCloseTo(3.75 - 14, 9);
    expect(m.deltaLowUsd).toBeCloseTo(3.75 - 17, 9);
    expect(m.deltaHighUsd).toBeCloseTo(4.25 - 14, 9);
  });

  it('the tokenizer range and the price range combine: Sonnet 5.5 → Sonnet 4.6', () => {
    // At Sonnet 4.6 prices the Sonnet 5.5 tokens cost $3 + 10 × $0.30 + 0.1 × $15 = $7.50, divided by 1.3 for the older tokenizer.
    const m = scenario('move:sonnet-5-5:sonnet-4-6');
    expect(m.deltaUsd).toBeCloseTo(7.5 / 1.3 - 4, 9);
    expect(m.deltaLowUsd).toBeCloseTo(7.5 / 1.3 - 5, 9);
    expect(m.deltaHighUsd).toBeCloseTo(7.5 - 4, 9);
  });

  it('the island worker, over the slim catalogue copy, gives the same ranges (alt survives the slimming)', () => {
    const index = createIndex(slimPricingData(), closeMatches);
    const session = new UsageSession({ index, price: rangedCostOf(index), webSearchUsdPer1000: 10 });
    const p = session.file('admin-usage-ranged.json');
    p.push(file('admin-usage-ranged.json').text);
    p.end();
    const w = session.report();
    expect(w.listPriceHighUsd).toBeCloseTo(26.5, 9);
    expect(w.priceRanges).toEqual(r.priceRanges);
    expect(w.scenarios.find((x) => x.id === 'batch')!.deltaLowUsd).toBeCloseTo(-13.25, 9);
  });

  it('a price or multiplier marked uncertain with no other value is named, "no range known", and gives no range', () => {
    const doc = JSON.parse(file('admin-usage-ranged.json').text);
    doc.data[0].results = [{ ...doc.data[0].results[2], model: 'claude-haiku-5-5', service_tier: 'batch', cache_read_input_tokens: 1000000 }];
    const h = priceUsageFiles([{ name: 'haiku.json', text: JSON.stringify(doc) }]);
    const w = h.warnings.join('\n');
    expect(w).toContain('Claude Haiku 5.5 cache read price (uncertain, no range known)');
    expect(w).toContain('Claude Haiku 5.5 Batch multiplier (uncertain, no range known)');
    // 1 MTok × $0.10 + 1 MTok reads × $0.01 + 0.1 MTok × $0.50, all × 0.5.
    expect(h.listPriceUsd).toBeCloseTo((0.1 + 0.01 + 0.05) * 0.5, 12);
    // No price range from the uncertain figures; the only range is the prompt-size tier the band cannot settle:
    // at the over-100K tier ($0.50 / $2.50, reads $0.05) the same tokens cost (0.5 + 0.05 + 0.25) × 0.5 = $0.40.
    expect(h.listPriceHighUsd).toBeCloseTo(0.4, 12);
    expect(h.priceRanges).toHaveLength(1);
    expect(h.priceRanges![0]).toMatch(/^Claude Haiku 5\.5: the export gives a context band, not each request's prompt size.*\$0\.32 more/);
  });

  it('files that use no ranged price have no range fields, and scenario ranges stay the tokenizer ones', () => {
    const plain = priceUsageFiles([file('console-usage.csv')]);
    expect(plain.listPriceLowUsd).toBeUndefined();
    expect(plain.listPriceHighUsd).toBeUndefined();
    expect(plain.byModelRange).toBeUndefined();
    expect(plain.byTokenTypeRange).toBeUndefined();
    expect(plain.byWorkspaceRange).toBeUndefined();
    expect(plain.priceRanges).toBeUndefined();
    const b = plain.scenarios.find((x) => x.id === 'batch')!;
    expect(b.deltaLowUsd).toBe(b.deltaUsd);
    expect(b.deltaHighUsd).toBe(b.deltaUsd);
  });
});

describe('fuzz: any text, any numbers', () => {
  it('never throws, never yields NaN or Infinity', async () => {
    const fc = (await import('fast-check')).default;
    const header = 'usage_date_utc,model_version,usage_input_tokens_no_cache,usage_input_tokens_cache_write_1h,usage_output_tokens,context_window,inference_geo,usage_type,usage_input_tokens_cache_read\n';
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.double().map(String), fc.nat().map(String), fc.constantFrom('', '-1', '1e400', '1.7e308', 'NaN', '"', '200k-1M', 'us', 'batch'));
    const model = fc.constantFrom(...catalogueIndex.models.map((m) => m.apiId?.value ?? m.id), 'claude-unknown', '');
    const row = fc.tuple(fc.constantFrom('2026-11-01', '2026-11-02', 'x'), model, cell, cell, cell, cell, cell, cell, cell).map((r) => r.join(','));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.string({ maxLength: 200 }), (rows, junk) => {
        const r = priceUsageFiles([{ name: 'a.csv', text: header + rows.join('\n') }, { name: 'b', text: junk }]);
        const nums = [r.listPriceUsd, r.rows, r.skipped, ...Object.values(r.byModel), ...r.byDay.map((d) => d.usd), ...r.scenarios.flatMap((s) => [s.deltaUsd, s.deltaLowUsd, s.deltaHighUsd, s.monthlyDeltaUsd, s.monthlyLowUsd, s.monthlyHighUsd]), r.ratios.cacheHit, r.ratios.outputShare, r.listPriceLowUsd ?? 0, r.listPriceHighUsd ?? 0];
        return nums.every(Number.isFinite);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what a second review found (2026-12-04)', () => {
  const line = (day: string, input: number, output: number) =>
    JSON.stringify({ timestamp: `${day}T10:00:00Z`, response: { id: `msg_${day}`, type: 'message', model: 'claude-sonnet-4-6', usage: { input_tokens: input, output_tokens: output, service_tier: 'standard' } } });

  it('a discount compares the stated list price with the charge on the same rows, never across files', () => {
    // console-cost.csv states list prices ($8.00 list, $7.55 charged); admin-cost-report.json charges $9.23 more with no list price.
    const r = priceUsageFiles([file('console-cost.csv'), file('admin-cost-report.json')]);
    const d = r.differences.find((x) => x.startsWith('Discounts and credits'))!;
    expect(d).toContain('$0.45 (list $8.00 as the files state it, minus $7.55 charged on the same rows; $9.23 more was charged on rows that state no list price)');
    expect(r.differences.join(' ')).not.toMatch(/−\$|-\$/);
  });

  it('a JSON file nested far deeper than any export is skipped with a reason; the other files still count', () => {
    const deep = { name: 'deep.json', text: '['.repeat(200_000) + ']'.repeat(200_000) };
    const alone = priceUsageFiles([file('console-usage.csv')]);
    const r = priceUsageFiles([deep, file('console-usage.csv')]);
    expect(r.listPriceUsd).toBeCloseTo(alone.listPriceUsd, 9);
    expect(r.skipReasons.find((s) => s.where[0] === 'deep.json:1')?.reason).toMatch(/nested more than 8 arrays deep/);
  });

  it('Claude Code summary and file-history lines are not usage and not errors; repeated message lines are counted once and said', () => {
    const base = file('claude-code-session.jsonl').text;
    const extra = [
      JSON.stringify({ type: 'summary', summary: 'Refactor the parser', leafUuid: 'a2' }),
      JSON.stringify({ type: 'file-history-snapshot', messageId: 'u1', snapshot: { trackedFileBackups: {} }, isSnapshotUpdate: false }),
    ].join('\n');
    const plain = priceUsageFiles([file('claude-code-session.jsonl')]);
    const r = priceUsageFiles([{ name: 'cc.jsonl', text: `${extra}\n${base}` }]);
    expect(r.skipped).toBe(plain.skipped);
    expect(r.warnings.join(' ')).not.toMatch(/unknown shape|not usage or cost data/);
    expect(r.listPriceUsd).toBeCloseTo(plain.listPriceUsd, 12);
    expect(r.warnings.join(' ')).toMatch(/Claude Code logs: 1 line repeats a message already counted/);
  });

  it('usage and cost files over different days are compared on the days both cover, not in full', () => {
    // console-usage.csv covers 8 days, console-cost.csv 2 of them: $7.55 charged on those, $28.00 at list.
    const r = priceUsageFiles([file('console-usage.csv'), file('console-cost.csv')]);
    const d = r.differences.join('\n');
    expect(d).toContain('re-priced at list the usage comes to $57.49, over different days (compared day for day below)');
    expect(d).toContain('On the 2 days both cover, the files report $7.55 charged and the usage re-prices to $28.00 at list (−$20.45).');
    expect(d).toContain("The files' own list price on the 2 days that also have usage ($8.00) differs from the catalogue re-pricing ($28.00)");
    expect(d).not.toContain('−$49.94');
    expect(r.coverage).toEqual({ usageDays: 8, costDays: 2, commonDays: 2 });
    const apart = priceUsageFiles([file('console-usage.csv'), file('admin-cost-report.json')]);
    expect(apart.coverage?.commonDays).toBe(0);
    expect(priceUsageFiles([file('admin-usage-page1.json'), file('admin-cost-report.json')]).coverage).toBeUndefined();
    expect(apart.differences.join(' ')).toContain('share no day');
  });

  it('the calculator link names the tokenizer the counts were measured with (the top model)', () => {
    const r = priceUsageFiles([file('analytics-usage.json')]);
    const q = new URLSearchParams(r.calculatorQuery);
    expect(q.get('ref')).toBe(q.get('models')!.split(',')[0]);
  });

  it('the same file added twice is read once, with a line that says so', () => {
    const once = priceUsageFiles([file('console-usage.csv')]);
    const twice = priceUsageFiles([file('console-usage.csv'), file('console-usage.csv')]);
    expect(twice.listPriceUsd).toBeCloseTo(once.listPriceUsd, 9);
    expect(twice.warnings).toContain('console-usage.csv was added twice: it is read once.');
    // The same bytes under another name (a browser's "file (1).csv") are a copy too.
    const copy = priceUsageFiles([file('console-usage.csv'), { ...file('console-usage.csv'), name: 'console-usage (1).csv' }]);
    expect(copy.listPriceUsd).toBeCloseTo(once.listPriceUsd, 9);
    expect(copy.warnings).toContain('console-usage (1).csv has the same size and contents as console-usage.csv: it is read once.');
  });

  it('a month is scaled from the calendar span, not the number of days with rows; low volumes go to the calculator per month', () => {
    // Two requests a week apart (Nov 1 and Nov 7), plus one more on Nov 7: the files cover 7 days, so a month is 30/7 of them.
    const text = [line('2026-11-01', 1_000_000, 0), line('2026-11-07', 1_000_000, 0), line('2026-11-07', 1_000_000, 0)].join('\n');
    const r = priceUsageFiles([{ name: 'sparse.jsonl', text }]);
    expect(r.days).toBe(7);
    expect(r.periodNote).toBe('The files cover 7 days (2026-11-01 to 2026-11-07, 2 of them with usage); monthly figures scale that span to 30 days.');
    const b = r.scenarios.find((s) => s.id === 'batch')!;
    expect(b.monthlyDeltaUsd).toBeCloseTo((b.deltaUsd * 30) / 7, 9);
    // Sonnet 4.6 input at $3 / MTok, halved by Batch: −$4.50 over the week.
    expect(b.deltaUsd).toBeCloseTo(-4.5, 9);
    // 3 requests over 7 days: 12.86 a month, sent as perMonth=13 rather than a rounded 0 or 1 a day.
    expect(new URLSearchParams(r.calculatorQuery).get('perMonth')).toBe('13');
    expect(new URLSearchParams(r.calculatorQuery).get('perDay')).toBeNull();
  });
});

describe('prompt-size tiers the exports cannot settle (2026-12-04)', () => {
  // admin-usage-ranged.json's Sonnet 4.6 row: 1 MTok input, 0.1 MTok output, context band 0-200k, $4.50 at Sonnet 4.6.
  const doc = JSON.parse(file('admin-usage-ranged.json').text);
  doc.data[0].results = [doc.data[0].results[2]];
  const r = priceUsageFiles([{ name: 'sonnet46.json', text: JSON.stringify(doc) }]);
  const move = r.scenarios.find((s) => s.id === 'move:sonnet-4-6:haiku-5-5')!;
  const k = 1 + catalogueIndex.tokenizerInflation; // Sonnet 4.6 counts → Haiku 5.5's newer tokenizer

  it('a move to Haiku 5.5 runs up to every prompt at its over-100K rate, and says why', () => {
    // Central: the lower tier with the full conversion, (1 × $0.10 + 0.1 × $0.50) × k − $4.50.
    expect(move.deltaUsd).toBeCloseTo(0.15 * k - 4.5, 9);
    // Least saving: the higher tier ($0.50 / $2.50) with the full conversion: (0.5 + 0.25) × k − $4.50.
    expect(move.deltaHighUsd).toBeCloseTo(0.75 * k - 4.5, 9);
    // Most saving: the lower tier with no change in counts.
    expect(move.deltaLowUsd).toBeCloseTo(0.15 - 4.5, 9);
    expect(move.assumptions.join(' ')).toContain('Claude Haiku 5.5 charges more for prompts over 100,000 tokens');
  });
});

describe('files that are not text (2026-12-04)', () => {
  it('binary data and UTF-16 get one clear line, not their bytes quoted back, and the other files still count', () => {
    const utf16 = Buffer.from('usage_date_utc,model_version\n2026-11-01,claude-sonnet-4-6\n', 'utf16le').toString('utf8');
    const binary = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d) + 'IHDR';
    const alone = priceUsageFiles([file('console-usage.csv')]);
    const r = priceUsageFiles([{ name: 'utf16.csv', text: utf16 }, { name: 'image.png', text: binary }, file('console-usage.csv')]);
    expect(r.listPriceUsd).toBeCloseTo(alone.listPriceUsd, 9);
    expect(r.warnings).toContain('utf16.csv is not text this tool can read: it holds binary data or another encoding (UTF-16?). Export it again as CSV or JSON in UTF-8.');
    expect(r.warnings.some((w) => w.startsWith('image.png is not text this tool can read'))).toBe(true);
    expect(r.warnings.join(' ')).not.toMatch(/[\u0000-\u0008\uFFFD]/);
  });
});

describe('where a skipped record is (2026-12-04)', () => {
  it('a bad number in a Messages API line names the field', () => {
    const line = JSON.stringify({ id: 'msg_x', type: 'message', model: 'claude-sonnet-4-6', usage: { input_tokens: 10, output_tokens: 'lots' } });
    const r = priceUsageFiles([{ name: 'log.jsonl', text: `${line}\n` }]);
    expect(r.skipReasons).toEqual([{ reason: 'bad number in usage.output_tokens', count: 1, where: ['log.jsonl:1'] }]);
  });

  it('in a pretty-printed page, by its place in the page rather than "line 1"', () => {
    const doc = JSON.parse(file('admin-usage-ranged.json').text);
    doc.data[0].results.splice(1, 0, 42);
    const r = priceUsageFiles([{ name: 'page.json', text: JSON.stringify(doc, null, 2) }]);
    expect(r.skipReasons.find((s) => s.reason === 'JSON record of an unknown shape')?.where).toEqual(['page.json data[0].results[1]']);
  });
});

describe('per-request logs and a model with a prompt-size tier (2026-12-04, second review)', () => {
  it('a move to Haiku 5.5 prices the long prompts of a per-request log at its over-100K rate', () => {
    // One Sonnet 4.6 request of 150K input + 1K output, nine of 1K + 100 (a reviewer's file). Sonnet 4.6 costs
    // 0.15 × $3 + 0.001 × $15 + 9 × (0.001 × $3 + 0.0001 × $15) = $0.5055.
    const lines = [JSON.stringify({ model: 'claude-sonnet-4-6', usage: { input_tokens: 150_000, output_tokens: 1000 }, timestamp: '2026-11-02T00:00:00Z' })];
    for (let i = 0; i < 9; i++) lines.push(JSON.stringify({ model: 'claude-sonnet-4-6', usage: { input_tokens: 1000, output_tokens: 100 }, timestamp: `2026-11-02T00:0${i}:30Z` }));
    const r = priceUsageFiles([{ name: 'mixed.jsonl', text: lines.join('\n') }]);
    expect(r.listPriceUsd).toBeCloseTo(0.5055, 9);
    const k = 1 + catalogueIndex.tokenizerInflation;
    // Haiku 5.5: the long request is over 100K tokens, so $0.50 / $2.50; the short ones $0.10 / $0.50.
    const haiku = (f: number) => 150_000 * f * 0.5e-6 + 1000 * f * 2.5e-6 + 9 * (1000 * f * 0.1e-6 + 100 * f * 0.5e-6);
    const move = r.scenarios.find((s) => s.id === 'move:sonnet-4-6:haiku-5-5')!;
    expect(move.deltaUsd).toBeCloseTo(haiku(k) - 0.5055, 9);
    expect(move.deltaLowUsd).toBeCloseTo(haiku(1) - 0.5055, 9);
  });
});

describe('two kinds of export of the same traffic (2026-12-04, second review)', () => {
  it('a Console usage CSV and a Messages API log for the same day and model are flagged as probably counted twice', () => {
    const log = JSON.stringify({ timestamp: '2026-11-02T10:00:00Z', response: { id: 'msg_o', type: 'message', model: 'claude-sonnet-4-6', usage: { input_tokens: 10, output_tokens: 10 } } });
    const r = priceUsageFiles([file('console-usage.csv'), { name: 'log.jsonl', text: log }]);
    expect(r.warnings.join(' ')).toMatch(/The Console usage CSV and Messages API .* both hold usage for the same day and model: if they are two exports of the same traffic, it is counted twice/);
    // Two pages of one Admin report, or one export alone, are not flagged.
    const pages = priceUsageFiles([file('admin-usage-page1.json'), file('admin-usage-page2.json')]);
    expect(pages.warnings.join(' ')).not.toMatch(/counted twice/);
  });

  it('a skipped row in a one-line JSON page is placed by line and path', () => {
    const doc = JSON.parse(file('admin-usage-ranged.json').text);
    doc.data[0].results.splice(2, 0, 'x');
    const r = priceUsageFiles([{ name: 'p.json', text: JSON.stringify(doc) }]);
    expect(r.skipReasons.find((s) => s.reason === 'JSON record of an unknown shape')?.where).toEqual(['p.json:1 data[0].results[2]']);
  });
});
