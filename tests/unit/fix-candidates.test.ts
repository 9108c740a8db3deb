import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import weights from 'virtual:classifier-weights';
import { orderResults, rankFixes, SURE_AT, termWeight } from '../../src/lib/fix-candidates.ts';
import { loadClassifier, readableWhy } from '../../src/lib/classifier-features.ts';
import { findRetired, retiredModels } from '../../src/lib/retired-models.ts';
import { MODELS, UNPRICED, findModel, resolveModelId } from '../../src/lib/catalogue.ts';
import { distinctiveQuery, searchHref } from '../../src/lib/search-query.ts';
import { ERROR_CATEGORIES } from '../../src/schemas/error.ts';
import { readCorpus, threadOf, trainWeights } from '../../scripts/classifier-corpus.ts';
import { hostileString } from '../support/hostile.ts';

const classifier = loadClassifier(weights);
const retired = retiredModels(MODELS, '2026-12-03', UNPRICED);

describe('the shipped weights', () => {
  it('are trained at build time from the repository as it is, deterministically (never stale)', () => {
    const { examples, entries } = readCorpus();
    expect(JSON.stringify(trainWeights(examples, entries))).toBe(JSON.stringify(weights));
  }, 60_000);
  it('fit the 40 kB gzip budget', () => {
    expect(gzipSync(JSON.stringify(weights), { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
  });
  it('know every category of the vocabulary and nothing else', () => {
    expect([...weights.category.classes].sort()).toEqual([...ERROR_CATEGORIES].sort());
  });
});

describe('training data is grouped by source thread', () => {
  it('a dev message quoted on an error page shares its thread with that variant, so a fold drops both', () => {
    const { examples } = readCorpus();
    const quoted = examples.filter((e) => e.origin === 'reference' && e.groups.length > 1);
    const devThreads = new Set(examples.filter((e) => e.origin === 'dev').flatMap((e) => e.groups));
    expect(quoted.some((e) => e.groups.some((g) => devThreads.has(g)))).toBe(true);
  });
  it('a thread is its URL without scheme, www, query, fragment or trailing slash', () => {
    expect(threadOf('https://www.github.com/a/b/issues/1/?x=1#c')).toBe(threadOf('http://github.com/a/b/issues/1'));
  });
});

describe('rankFixes', () => {
  it.each([
    ['prompt caching never hits, cache_read_input_tokens is always zero', 'caching'],
    ['our bill doubled this month and nobody changed anything', 'cost'],
    ['responses got noticeably worse after we switched to the new model', 'quality'],
    ['time to first token is 6 seconds and grows with the length of the conversation', 'latency'],
  ])('prose: %s → %s among the candidates', (text, category) => {
    const r = rankFixes(text, classifier);
    expect(r.candidates.map((c) => c.category)).toContain(category);
    expect(r.candidates.length).toBeLessThanOrEqual(3);
  });

  it('a code decides before prose: contract_spend_limit_reached never reaches the requests-per-minute page', () => {
    const r = rankFixes(
      '429 {"type":"error","error":{"type":"rate_limit_error","message":"Too many requests, retry after honouring retry-after","details":{"error_code":"contract_spend_limit_reached"}}}',
      classifier,
    );
    expect(r.candidates[0]).toMatchObject({ errorId: 'contract-spend-limit-reached', by: 'code' });
    expect(r.candidates.map((c) => c.errorId)).not.toContain('rate-limit-requests');
  });

  it('a 404 for a retired model says it retired, when (from the catalogue) and what replaces it', () => {
    const haiku35 = findModel('haiku-3-5')!;
    const r = rankFixes(
      `NotFoundError: Error code: 404 - {'type': 'error', 'error': {'type': 'not_found_error', 'message': 'model: ${haiku35.apiId!.value}'}}`,
      classifier,
      { retired },
    );
    expect(r.candidates[0]).toMatchObject({ errorId: 'model-retired', category: 'model-not-found-or-deprecated' });
    expect(r.retired?.name).toBe(haiku35.name);
    expect(r.retired?.retired).toBe(haiku35.retires!.value);
    const current = MODELS.find((m) => m.tier === haiku35.tier && m.status.value === 'current')!;
    expect(r.retired?.replacement).toEqual({ name: current.name, apiId: current.apiId!.value });
  });

  it('a 404 for a model retired before the catalogue began (Sonnet 4, the real quoted message) says when and what replaces it', () => {
    const r = rankFixes('404 {"type":"error","error":{"type":"not_found_error","message":"model: claude-sonnet-4-20250514"}}', classifier, { retired });
    const entry = UNPRICED.find((u) => u.apiId === 'claude-sonnet-4-20250514')!;
    expect(r.candidates[0]).toMatchObject({ errorId: 'model-retired' });
    expect(r.retired).toMatchObject({ name: entry.name, retired: entry.retires!.value });
    expect(r.retired?.replacement?.apiId).toBe(findModel(entry.replacedBy!)!.apiId!.value);
    // Its alias names the same retired model, and lookups know both.
    expect(findRetired(retired, 'claude-sonnet-4-0')?.name).toBe(entry.name);
    expect(resolveModelId('claude-opus-4-0')).toMatchObject({ kind: 'unpriced' });
  });

  it.each([
    ['claude-3-5-sonnet-20240620', 'sonnet'],
    ['claude-3-5-sonnet-20241022', 'sonnet'],
    ['claude-3-opus-20240229', 'opus'],
    ['claude-3-sonnet-20240229', 'sonnet'],
    ['claude-3-haiku-20240307', 'haiku'],
    ['claude-3-5-haiku-20241022', 'haiku'],
    ['claude-2.1', 'sonnet'],
    ['claude-instant-1.2', 'haiku'],
  ])('a bare not_found_error body for the Claude 3 / 3.5 / 2 id %s says it retired, when, and what replaces it', (id, tier) => {
    const r = rankFixes(`{"type":"error","error":{"type":"not_found_error","message":"model: ${id}"}}`, classifier, { retired });
    expect(r.candidates[0]).toMatchObject({ errorId: 'model-retired', category: 'model-not-found-or-deprecated' });
    const listed = UNPRICED.find((u) => u.apiId === id);
    const date = listed ? listed.retires!.value : findModel(id)!.retires!.value;
    expect(r.retired?.retired).toBe(date);
    expect(r.candidates[0]!.why.join(' ')).toContain(date);
    const current = MODELS.find((m) => m.tier === tier && m.status.value === 'current')!;
    expect(r.retired?.replacement).toEqual({ name: current.name, apiId: current.apiId!.value });
    // A date the catalogue does not confirm is shown as such.
    const confidence = listed ? listed.retires!.confidence : findModel(id)!.retires!.confidence;
    expect(r.retired?.dateUnconfirmed === true).toBe(confidence !== 'confirmed');
  });

  it('every retirement date of an unpriced entry is sourced and dated; an unconfirmed one is marked and says why', () => {
    for (const u of UNPRICED) {
      if (!u.retires) continue;
      expect(u.retires.source, u.apiId).toMatch(/\S/);
      expect(u.retires.asOf, u.apiId).toMatch(/^\d{4}-\d{2}(?:-\d{2})?$/);
      if (u.retires.confidence !== 'confirmed') expect(u.retires.note, u.apiId).toMatch(/\S{10}/);
    }
  });

  it('a 404 for a model that has not retired stays a plain not-found', () => {
    const r = rankFixes('404 not_found_error model: claude-sonnet-4-20250514x', classifier, { retired });
    expect(r.candidates[0]?.errorId).not.toBe('model-retired');
    expect(r.retired).toBeUndefined();
  });

  it('says it is not sure rather than guess on text that is about nothing in the guide', () => {
    const r = rankFixes('the weather in Lisbon was lovely and the coffee was good', classifier);
    expect(r.sure).toBe(false);
    expect(r.candidates.every((c) => c.by === 'model' && c.confidence < SURE_AT)).toBe(true);
  });

  it('works with rules alone while the weights load', () => {
    const r = rankFixes('prompt is too long: 219898 tokens > 200000 maximum', null);
    expect(r).toMatchObject({ sure: true, candidates: [{ errorId: 'prompt-too-long', by: 'rule' }] });
  });

  it('explains a model match in the words of the paste, not stems or placeholders', () => {
    const why = readableWhy(['w:cach', 'b:never_hits', 'w:xnum', 'w:status429'], 'Caching never hits on 3 requests, 429');
    expect(why).toEqual(['caching', 'never hits', 'HTTP 429']);
  });

  it('hostile pastes: at most three candidates, finite confidences in [0, 1], strings only, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 2000 })), (text) => {
        const r = rankFixes(text, classifier, { retired });
        expect(r.candidates.length).toBeLessThanOrEqual(3);
        for (const c of r.candidates) {
          expect(Number.isFinite(c.confidence) && c.confidence >= 0 && c.confidence <= 1).toBe(true);
          expect(ERROR_CATEGORIES as readonly string[]).toContain(c.category);
          for (const w of c.why) expect(typeof w).toBe('string');
        }
        expect(searchHref(text)).toMatch(/^\/search\/\?q=/);
      }),
      { numRuns: 300 },
    );
  });

  it('a megabyte paste is cut before the work starts (the tab never freezes)', () => {
    const huge = 'prompt is too long '.repeat(60_000);
    const t0 = performance.now();
    const r = rankFixes(huge, classifier);
    // Not a timing test: the cap bounds the work; this only guards against the cap being removed.
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.candidates[0]?.category).toBe('context-window');
  });
});

describe('search terms and ordering', () => {
  it('a 400-character paste becomes a two-word query of what matters, ids and numbers out', () => {
    const paste =
      'litellm.BadRequestError: AnthropicException - {"type":"error","error":{"type":"invalid_request_error","message":"messages.3: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01XyZabc123. Each `tool_use` block must have a corresponding `tool_result` block in the next message."},"request_id":"req_011CVjxiYzEFcAQC4Fk87zw2"} model=claude-sonnet-4-5-20250929';
    const r = rankFixes(paste, classifier);
    const q = distinctiveQuery(paste, termWeight(classifier, r));
    expect(q.split(' ').length).toBeLessThanOrEqual(2);
    expect(q).not.toMatch(/toolu|req_|\d{5}|claude-/);
  });
  it('moves results of the sure first candidate ahead, keeping order otherwise', () => {
    const r = rankFixes('prompt is too long: 219898 tokens > 200000 maximum', null);
    const hits = [{ categories: ['rate-limit'] }, { categories: [] }, { categories: ['context-window'] }];
    expect(orderResults(hits, r)).toEqual([hits[2], hits[0], hits[1]]);
  });
});

describe('retired models come from the catalogue', () => {
  it('lists a model once its retirement date has passed, with the current model of its tier', () => {
    const list = retiredModels(
      [
        { name: 'Old', tier: 't', status: { value: 'deprecated' }, apiId: { value: 'old-1' }, retires: { value: '2026-01-01' } },
        { name: 'Later', tier: 't', status: { value: 'deprecated' }, apiId: { value: 'later-1' }, retires: { value: '2027-01-01' } },
        { name: 'New', tier: 't', status: { value: 'current' }, apiId: { value: 'new-1' } },
      ],
      '2026-12-03',
    );
    expect(list).toEqual([{ name: 'Old', retired: '2026-01-01', ids: ['old-1'], replacement: { name: 'New', apiId: 'new-1' } }]);
    expect(findRetired(list, 'OLD-1')?.name).toBe('Old');
    expect(findRetired(list, 'us.old-1')?.name).toBe('Old');
    expect(findRetired(list, 'new-1')).toBeUndefined();
  });
});
