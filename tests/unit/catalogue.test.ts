import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogue } from '../../content/catalogue.ts';
import { parseCatalogue } from '../../src/schemas/catalogue.ts';
import { allFacts, findModel, getFact, getModel, MODEL_IDS, pricesForPrompt, suggestModels } from '../../src/lib/catalogue.ts';
import { FACT_GROUP_LABEL, FACT_LABEL, factFigure, MODEL_FIELDS, modelFigure } from '../../src/lib/facts.ts';

const BRIEF_IDS = [
  'opus-5-5',
  'sonnet-5-5',
  'haiku-5-5',
  'fable-5-2',
  'fable-5-1',
  'fable-5',
  'opus-5',
  'opus-4-8',
  'opus-4-7',
  'opus-4-6',
  'opus-4-5',
  'sonnet-5',
  'sonnet-4-6',
  'sonnet-4-5',
  'haiku-4-5',
  'opus-4-1',
  'haiku-3-5',
];

const clone = () => structuredClone(catalogue) as unknown as { models: Record<string, any>[]; sources: Record<string, unknown> };

describe('the catalogue file', () => {
  test('passes the schema', () => {
    expect(() => parseCatalogue(catalogue)).not.toThrow();
  });

  test('has exactly the 17 models of the brief, keyed by their ids', () => {
    expect([...MODEL_IDS].sort()).toEqual([...BRIEF_IDS].sort());
  });

  test('statuses follow the reference', () => {
    const status = Object.fromEntries(catalogue.models.map((m) => [m.id, m.status.value]));
    for (const id of ['opus-5-5', 'sonnet-5-5', 'haiku-5-5', 'fable-5-2']) expect(status[id]).toBe('current');
    for (const id of ['fable-5-1', 'fable-5', 'opus-5', 'opus-4-8', 'opus-4-7', 'opus-4-6', 'sonnet-5', 'sonnet-4-6', 'haiku-4-5']) {
      expect(status[id]).toBe('legacy');
    }
    // Opus 4.5 is deprecated until its (tentative) retirement day, then retired by the date rule.
    expect(status['opus-4-5']).toBe(new Date().toISOString().slice(0, 10) >= '2027-01-22' ? 'retired-api' : 'deprecated');
    expect(getModel('opus-4-5').retires?.value).toBe('2027-01-22');
    expect(getModel('opus-4-5').retires?.confidence).toBe('uncertain');
    expect(status['sonnet-4-5']).toBe('retired-api');
    expect(getModel('sonnet-4-5').retires?.value).toBe('2026-11-30');
    expect(status['opus-4-1']).toBe('retired-api');
    expect(status['haiku-3-5']).toBe('retired-api');
  });

  test('prices are stored per model, not as one multiplier', () => {
    const p = (id: string) => getModel(id).prices;
    expect(p('opus-4-7').input.value).toBe(5);
    expect(p('opus-4-7').cacheRead.value).toBe(0.5);
    expect(p('opus-5-5').cacheRead.value).toBe(0.2); // 0.05× of $4
    expect(p('fable-5-1').cacheRead.value).toBe(0.25); // 0.025× of $10
    expect(p('haiku-3-5').cacheWrite1h.value).toBe(1.6);
    expect(p('sonnet-5').output.value).toBe(10);
  });

  test('Haiku 5.5 switches every category above 100,000 prompt tokens', () => {
    const m = getModel('haiku-5-5');
    expect(pricesForPrompt(m, 100_000).input.value).toBe(0.1);
    expect(pricesForPrompt(m, 100_001).input.value).toBe(0.5);
    expect(pricesForPrompt(m, 100_001).output.value).toBe(2.5);
  });

  test('confidence marks follow the reference', () => {
    const fable52 = getModel('fable-5-2').prices;
    expect(fable52.input.confidence).toBe('confirmed');
    expect(fable52.output.confidence).toBe('confirmed');
    for (const f of [fable52.cacheWrite5m, fable52.cacheWrite1h, fable52.cacheRead]) expect(f.confidence).toBe('third-party');
    expect(getModel('sonnet-5-5').prices.cacheRead.value).toBe(0.1);
    expect(getModel('sonnet-5-5').prices.cacheRead.confidence).toBe('uncertain');
    expect(getModel('sonnet-5-5').prices.cacheRead.note).toMatch(/\$0\.20/);
    expect(getModel('sonnet-5-5').minCacheablePrompt?.value).toBe(512);
    expect(getModel('sonnet-4-6').maxOutput?.confidence).toBe('uncertain');
    expect(getModel('opus-4-7').minCacheablePrompt?.confidence).toBe('uncertain');
    expect(getModel('sonnet-4-6').minCacheablePrompt?.confidence).toBe('uncertain');
    expect(getModel('opus-4-7').prices.input.confidence).toBe('confirmed');
    expect(getModel('haiku-4-5').minCacheablePrompt?.confidence).toBe('confirmed');
    expect(getModel('fable-5-1').minCacheablePrompt?.confidence).toBe('third-party');
  });

  test('every figure names a known source, an as-of date and a mark', () => {
    let count = 0;
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      if ('confidence' in node && 'source' in node) {
        count++;
        const f = node as { source: string; asOf: string; confidence: string };
        expect(Object.keys(catalogue.sources), path).toContain(f.source);
        expect(f.asOf, path).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(['confirmed', 'third-party', 'uncertain'], path).toContain(f.confidence);
        return;
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    walk(catalogue.models, 'models');
    walk(catalogue.facts, 'facts');
    walk(catalogue.rateLimits, 'rateLimits');
    expect(count).toBeGreaterThan(300);
    for (const s of Object.values(catalogue.sources)) expect(s.url).toMatch(/^https:\/\//);
  });

  test('US-only inference: Claude 4.6 and later only', () => {
    for (const id of ['opus-4-6', 'sonnet-4-6', 'opus-4-7', 'opus-4-8', 'opus-5-5']) expect(getModel(id).usGeo.value).toBe(true);
    for (const id of ['opus-4-5', 'sonnet-4-5', 'haiku-4-5', 'opus-4-1', 'haiku-3-5']) expect(getModel(id).usGeo.value).toBe(false);
  });

  test('does not import zod at runtime (islands bundle it)', () => {
    const src = readFileSync(new URL('../../content/catalogue.ts', import.meta.url), 'utf8');
    const imports = src.match(/^import .*$/gm) ?? [];
    // Types only, plus the pure date rule (no runtime imports of its own).
    for (const line of imports) expect(line).toMatch(/^import type |from '\.\.\/src\/lib\/catalogue-status\.ts';$/);
    const status = readFileSync(new URL('../../src/lib/catalogue-status.ts', import.meta.url), 'utf8');
    for (const line of status.match(/^import .*$/gm) ?? []) expect(line).toMatch(/^import type /);
    const lib = readFileSync(new URL('../../src/lib/catalogue.ts', import.meta.url), 'utf8');
    expect(lib).not.toMatch(/from ['"]astro\/zod['"]|from ['"]zod['"]/);
  });

  test('every fact and fact group has a readable name for /models/', () => {
    for (const [k] of allFacts()) {
      expect(FACT_LABEL[k], k).toBeDefined();
      expect(FACT_GROUP_LABEL[k.split('.')[0]!], k).toBeDefined();
    }
  });

  test('the key list at the top of the file matches the facts', () => {
    const src = readFileSync(new URL('../../content/catalogue.ts', import.meta.url), 'utf8');
    const block = src.split('── <Fact k="…"> keys')[1]!.split('── Rate limits')[0]!;
    const documented = block
      .match(/[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)*/g)!
      .filter((k) => k !== 'keys' && !/^(non|model|facts|below|in)$/.test(k));
    const actual = allFacts().map(([k]) => k);
    expect(documented.sort()).toEqual(actual.sort());
  });
});

describe('friendly validation errors name the model and the field', () => {
  test('a wrong type', () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'opus-4-7')!.prices.input.value = 'five';
    expect(() => parseCatalogue(bad)).toThrow(/model "opus-4-7", field prices\.input\.value/);
  });
  test('a missing source key', () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'haiku-4-5')!.contextWindow.source = 'S99';
    expect(() => parseCatalogue(bad)).toThrow(/model "haiku-4-5", field contextWindow\.source: unknown source key "S99"/);
  });
  test('a bad date', () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'sonnet-4-5')!.retires.value = '30/11/2026';
    expect(() => parseCatalogue(bad)).toThrow(/model "sonnet-4-5", field retires\.value: use a date/);
  });
  test('an alias used twice', () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'opus-4-5')!.aliases.value = ['claude-haiku-4-5'];
    expect(() => parseCatalogue(bad)).toThrow(
      /id "claude-haiku-4-5" is already used by model "haiku-4-5"|id "claude-haiku-4-5" is already used by model "opus-4-5"/,
    );
  });
  test('a swapped cache price', () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'sonnet-4-6')!.prices.cacheRead.value = 30;
    expect(() => parseCatalogue(bad)).toThrow(/model "sonnet-4-6", field prices: expected cacheRead ≤ input/);
  });
  test('an unknown field', () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'opus-4-6')!.inputPrice = 5;
    expect(() => parseCatalogue(bad)).toThrow(/model "opus-4-6", field inputPrice: unknown field/);
  });
  test("other values (alt) on a 'confirmed' price", () => {
    const bad = clone();
    bad.models.find((m) => m.id === 'opus-4-7')!.prices.input.alt = [6];
    expect(() => parseCatalogue(bad)).toThrow(/model "opus-4-7", field prices\.input\.alt: a 'confirmed' price has no other values/);
  });
  test('a negative, an infinite or a missing other value', () => {
    for (const [v, msg] of [[-0.2, /prices cannot be negative/], [Infinity, /field prices\.cacheRead\.alt\.0/], [Number.NaN, /field prices\.cacheRead\.alt\.0/]] as const) {
      const bad = clone();
      bad.models.find((m) => m.id === 'sonnet-5-5')!.prices.cacheRead.alt = [v];
      expect(() => parseCatalogue(bad)).toThrow(/model "sonnet-5-5", field prices\.cacheRead\.alt\.0/);
      expect(() => parseCatalogue(bad)).toThrow(msg);
    }
    const empty = clone();
    empty.models.find((m) => m.id === 'sonnet-5-5')!.prices.cacheRead.alt = [];
    expect(() => parseCatalogue(empty)).toThrow(/model "sonnet-5-5", field prices\.cacheRead\.alt: list at least one other value/);
  });
  test('other values with no note to source them', () => {
    const bad = clone();
    delete bad.models.find((m) => m.id === 'sonnet-5-5')!.prices.cacheRead.note;
    expect(() => parseCatalogue(bad)).toThrow(/model "sonnet-5-5", field prices\.cacheRead\.note: explain each value in alt/);
  });
});

describe('price ranges (alt) come from what the notes and facts say', () => {
  const fact = (k: string) => Number(getFact(k).value);
  test('Sonnet 5.5 cache read: $0.10 now, $0.20 in the older overview copy (0.1× of $2)', () => {
    const f = getModel('sonnet-5-5').prices.cacheRead;
    expect(f.alt).toEqual([0.2]);
    expect(f.value).toBeCloseTo(fact('multipliers.cacheReadSonnet55') * getModel('sonnet-5-5').prices.input.value, 12);
    expect(f.alt![0]).toBeCloseTo(fact('multipliers.cacheRead') * getModel('sonnet-5-5').prices.input.value, 12);
    expect(f.note).toMatch(/older copy of the Sonnet 5\.5 overview still shows \$0\.20/);
  });
  test("Fable 5.2 cache read: $0.20 (Fable 5.1's 0.025×) or $0.80 by the general rule (0.1× of $8); writes match the rule, so no range", () => {
    const p = getModel('fable-5-2').prices;
    expect(p.cacheRead.value).toBeCloseTo(fact('multipliers.cacheReadFable51') * p.input.value, 12);
    expect(p.cacheRead.alt).toEqual([fact('multipliers.cacheRead') * p.input.value]);
    expect(p.cacheRead.note).toMatch(/general rule.*\$0\.80/);
    expect(p.cacheWrite5m.value).toBe(fact('multipliers.cacheWrite5m') * p.input.value);
    expect(p.cacheWrite1h.value).toBe(fact('multipliers.cacheWrite1h') * p.input.value);
    expect(p.cacheWrite5m.alt).toBeUndefined();
    expect(p.cacheWrite5m.note).toMatch(/no range known/);
  });
  test('Haiku 5.5 cache prices and the Batch rule have no other value: no range, and the note says so', () => {
    const m = getModel('haiku-5-5');
    for (const p of [m.prices, m.promptTiers![0]!.prices]) {
      for (const f of [p.cacheWrite5m, p.cacheWrite1h, p.cacheRead]) {
        expect(f.confidence).toBe('uncertain');
        expect(f.alt).toBeUndefined();
        expect(f.note).toMatch(/no range known/);
      }
    }
    expect(m.batchMultiplier?.note).toMatch(/no range known/);
  });
  test('only the two ranges the sources give', () => {
    const ranged = catalogue.models.flatMap((m) =>
      [m.prices, ...(m.promptTiers ?? []).map((t) => t.prices)].flatMap((p) => Object.entries(p).filter(([, f]) => f.alt).map(([k]) => `${m.id}.${k}`)),
    );
    expect(ranged).toEqual(['sonnet-5-5.cacheRead', 'fable-5-2.cacheRead']);
  });
});

describe('lookups', () => {
  test('by key, API id, alias, any case', () => {
    expect(findModel('claude-haiku-4-5-20251001')?.id).toBe('haiku-4-5');
    expect(findModel('claude-haiku-4-5')?.id).toBe('haiku-4-5');
    expect(findModel('CLAUDE-OPUS-4-7')?.id).toBe('opus-4-7');
    expect(findModel('claude-3-5-haiku-20241022')?.id).toBe('haiku-3-5');
    expect(findModel('claude-opus-4-1')).toBeUndefined(); // no such alias in our sources
  });
  test('close matches for typos', () => {
    expect(suggestModels('claude-sonnet-4.6')[0]).toBe('sonnet-4-6');
    expect(suggestModels('haiku-45')).toContain('haiku-4-5');
  });
});

describe('<Fact> formatting', () => {
  test('model fields', () => {
    expect(modelFigure('opus-4-7', 'input').text).toBe('$5.00 / MTok');
    expect(modelFigure('opus-4-7', 'input').raw).toBe('5');
    expect(modelFigure('haiku-4-5', 'cacheRead').text).toBe('$0.10 / MTok');
    expect(modelFigure('opus-4-7', 'batchInput').text).toBe('$2.50 / MTok');
    expect(modelFigure('opus-4-7', 'batchOutput').raw).toBe('12.5');
    expect(modelFigure('opus-4-7', 'contextWindow').text).toBe('1,000,000 tokens');
    expect(modelFigure('opus-4-7', 'released').text).toBe('2026-04-16');
    expect(modelFigure('sonnet-4-5', 'retires').text).toBe('2026-11-30');
    expect(modelFigure('claude-haiku-4-5', 'apiId').text).toBe('claude-haiku-4-5-20251001');
    expect(modelFigure('opus-4-7', 'toolTokensAny').text).toBe('804 tokens');
    expect(modelFigure('sonnet-4-6', 'maxOutput').figure?.confidence).toBe('uncertain');
    expect(modelFigure('fable-5-2', 'batchInput').figure?.confidence).toBe('uncertain');
    expect(modelFigure('opus-4-7', 'status').text).toBe('Legacy (still available)');
  });
  test('every field renders for the core trio', () => {
    for (const id of ['sonnet-4-6', 'haiku-4-5']) {
      for (const f of MODEL_FIELDS.filter((f) => !['retires', 'eolNotBefore', 'defaultEffort', 'bedrockProfiles'].includes(f))) {
        expect(modelFigure(id, f).text.length, `${id}.${f}`).toBeGreaterThan(0);
      }
    }
  });
  test('a figure no source gives fails loudly instead of rendering a guess', () => {
    expect(() => modelFigure('haiku-5-5', 'minCacheablePrompt')).toThrow(/no "minCacheablePrompt" for model "haiku-5-5"/);
    expect(() => modelFigure('opus-4-7', 'price' as 'input')).toThrow();
  });
  test('facts added for the chapters of December 2026 render with their marks', () => {
    expect(factFigure('batchLimits.resultsRetentionDays').text).toBe('29 days');
    expect(factFigure('preservedThinking.prefixCheckDefaultSince').text).toBe('2026-08-31');
    expect(factFigure('betaHeaders.thinkingBindingControls').text).toBe('thinking-binding-controls-2026-08-01');
    // Copies of the fallback headers disagree, so the page must show them as uncertain.
    expect(factFigure('betaHeaders.serverSideFallback').figure?.confidence).toBe('uncertain');
    expect(factFigure('betaHeaders.fallbackCredit').figure?.confidence).toBe('uncertain');
    expect(modelFigure('sonnet-5-5', 'defaultEffort').text).toBe('high');
    expect(modelFigure('opus-4-7', 'bedrockProfiles').text).toBe(
      'us.anthropic.claude-opus-4-7, eu.anthropic.claude-opus-4-7, global.anthropic.claude-opus-4-7',
    );
    // The 5.5 ids are on Anthropic's "What's new" pages; their Bedrock inference profiles only in third-party sources.
    expect(modelFigure('sonnet-5-5', 'bedrockId').figure?.confidence).toBe('confirmed');
    expect(modelFigure('sonnet-5-5', 'bedrockProfiles').figure?.confidence).toBe('third-party');
    expect(modelFigure('opus-5-5', 'vertexId').text).toBe('claude-opus-5-5');
    expect(modelFigure('haiku-5-5', 'bedrockId').figure?.confidence).toBe('third-party');
    // Google Cloud's own Haiku 5.5 page names the Vertex id; Sonnet 4 / Opus 4 retirement is in Anthropic's SDK.
    expect(modelFigure('haiku-5-5', 'vertexId').figure?.confidence).toBe('confirmed');
    for (const id of ['claude-sonnet-4-20250514', 'claude-opus-4-20250514']) {
      const u = catalogue.unpriced.find((x) => x.apiId === id);
      expect(u?.retires).toMatchObject({ value: '2026-06-15', source: 'SDK-RET', confidence: 'confirmed' });
    }
    expect(() => modelFigure('sonnet-4-6', 'bedrockProfiles')).toThrow(/no "bedrockProfiles"/);
  });
  test('non-model facts', () => {
    expect(factFigure('spendCaps.build').text).toBe('$1,000 / month');
    expect(factFigure('spendCaps.scale').text).toBe('$200,000 / month');
    expect(factFigure('requestSizeLimits.messages').text).toBe('32 MB');
    expect(factFigure('multipliers.usGeo').text).toBe('1.1×');
    expect(factFigure('multipliers.batch').raw).toBe('0.5');
    expect(factFigure('tokenizerInflation').text).toBe('30%');
    expect(factFigure('sdkDefaults.maxRetries').text).toBe('2');
    expect(factFigure('breakEven.reads1h').text).toBe('2 reads');
    expect(() => getFact('spendCaps.gold')).toThrow(/Keys under "spendCaps": start, build, scale, custom/);
    expect(() => getFact('spendCaps')).toThrow(/is a group/);
  });
});

describe('every catalogue reference in the content resolves', () => {
  // Chapters and other MDX use <Fact>, <PriceTable>, <ModelTable> and <RateLimitTable>; a typo would fail the build,
  // this names the file first.
  const root = new URL('../../content/', import.meta.url).pathname;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.mdx')) files.push(p);
    }
  };
  walk(root);
  test.each(files.map((f) => [f.slice(root.length), f]))('%s', (_name, file) => {
    const src = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
    for (const m of src.matchAll(/<Fact\s+model="([^"]+)"\s+field="([^"]+)"/g)) {
      expect(() => modelFigure(m[1]!, m[2] as never), m[0]).not.toThrow();
    }
    for (const m of src.matchAll(/<Fact\s+k="([^"]+)"/g)) expect(() => factFigure(m[1]!), m[0]).not.toThrow();
    for (const m of src.matchAll(/<(?:PriceTable|ModelTable)\s+models=\{\[([^\]]*)\]\}/g)) {
      for (const id of m[1]!.match(/"([^"]+)"/g) ?? []) expect(findModel(id.slice(1, -1)), `${m[0]}: ${id}`).toBeDefined();
    }
    for (const m of src.matchAll(/<RateLimitTable\s+pool="([^"]+)"/g)) expect(['opus-4x', 'sonnet-4x', 'haiku-4-5']).toContain(m[1]);
  });
});
