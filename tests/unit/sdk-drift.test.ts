/**
 * The drift alarm: the installed @anthropic-ai/sdk is Anthropic's own machine-readable list of models. When a dependency
 * bump brings a model the catalogue cannot resolve, a deprecation it does not record, or drops a model it still calls
 * available, this fails naming the model. The fixture tests prove the checker cannot silently pass.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { models, unpriced } from '../../content/catalogue.ts';
import {
  checkLiveModels,
  checkSdkDrift,
  knownModels,
  parseDeprecatedModels,
  parseModelUnion,
  parseSdkDate,
  type LiveModel,
} from '../../src/lib/catalogue-drift.ts';
import { findModel, resolveModelId } from '../../src/lib/catalogue.ts';

// The package's exports map hides package.json, so find its folder from the main entry.
const sdkRoot = dirname(createRequire(import.meta.url).resolve('@anthropic-ai/sdk'));
const read = (path: string) => readFileSync(path, 'utf8');
const fixture = (name: string) => read(join(import.meta.dirname, '../fixtures/sdk-drift', name));

const installed = {
  version: JSON.parse(read(join(sdkRoot, 'package.json'))).version as string,
  models: parseModelUnion(read(join(sdkRoot, 'resources/messages/messages.d.ts'))),
  deprecated: parseDeprecatedModels(read(join(sdkRoot, 'internal/data/deprecated-models.js'))),
};
const known = knownModels(models, unpriced);
const say = (drifts: { model: string; problem: string }[]) => drifts.map((d) => `${d.model}: ${d.problem}`).join('\n');

describe(`the catalogue agrees with the installed SDK (${installed.version})`, () => {
  test('reads a real model list and deprecation table', () => {
    expect(installed.models.length).toBeGreaterThanOrEqual(10);
    expect(installed.models).toContain('claude-opus-5-5');
    expect(Object.keys(installed.deprecated).length).toBeGreaterThan(0);
  });

  test('no drift: every SDK model resolves, every deprecation matches, every dropped model is retired', () => {
    const drifts = checkSdkDrift(installed, known);
    expect(drifts, say(drifts)).toEqual([]);
  });

  test('every id of the SDK union resolves through the lookup the site uses', () => {
    for (const id of installed.models) expect(resolveModelId(id), id).toBeDefined();
    for (const id of ['claude-mythos-5', 'claude-mythos-5-1', 'claude-mythos-5-2', 'claude-mythos-preview']) {
      expect(resolveModelId(id), id).toBeDefined();
    }
  });
});

describe('the drift checker fails, naming the model', () => {
  test('when the SDK names a model the catalogue cannot resolve (a copy of the 1.16 union with one extra id)', () => {
    const drifts = checkSdkDrift({ ...installed, models: parseModelUnion(fixture('model-union-extra-id.d.ts.txt')) }, known);
    expect(drifts.map((d) => d.model)).toEqual(['claude-sonnet-6']);
    expect(drifts[0]!.problem).toMatch(/cannot resolve/);
  });

  test('when the SDK deprecates a model the catalogue does not mark deprecated, or gives another date', () => {
    const drifts = checkSdkDrift({ ...installed, deprecated: parseDeprecatedModels(fixture('deprecated-models-changed.js.txt')) }, known);
    expect(drifts.map((d) => d.model).sort()).toEqual(['claude-opus-4-5', 'claude-opus-4-6']);
    expect(say(drifts)).toMatch(/claude-opus-4-5: the SDK gives retirement date 2027-02-05; the catalogue entry "opus-4-5" says 2027-01-22/);
    expect(say(drifts)).toMatch(/claude-opus-4-6: the SDK deprecates this model \(retires 2027-03-01\); the catalogue entry "opus-4-6" says "legacy"/);
  });

  test('when a catalogue model the SDK no longer lists is not marked retired', () => {
    const drifts = checkSdkDrift({ ...installed, models: parseModelUnion(fixture('model-union-without-haiku-4-5.d.ts.txt')) }, known);
    expect(drifts.map((d) => d.model)).toEqual(['haiku-4-5']);
    expect(drifts[0]!.problem).toMatch(/no longer lists claude-haiku-4-5-20251001 \/ claude-haiku-4-5/);
  });

  test('when the SDK changes the shape of its files, it says so instead of passing', () => {
    expect(() => parseModelUnion('export type ModelParam = string;')).toThrow(/export type Model/);
    expect(() => parseDeprecatedModels('exports.OTHER = {};')).toThrow(/DEPRECATED_MODELS/);
    expect(() => parseDeprecatedModels("exports.DEPRECATED_MODELS = { 'claude-x': 'soon' };")).toThrow(/claude-x/);
  });

  test('reads the SDK date wording', () => {
    expect(parseSdkDate('January 22nd, 2027')).toBe('2027-01-22');
    expect(parseSdkDate('June 30th, 2026')).toBe('2026-06-30');
    expect(parseSdkDate('March 1st, 2027')).toBe('2027-03-01');
    expect(parseSdkDate('Smarch 1st, 2027')).toBeUndefined();
  });
});

describe('the live comparison (npm run check:live)', () => {
  const caps = (over: Record<string, unknown> = {}) =>
    ({
      batch: { supported: true },
      effort: { supported: true, low: { supported: true }, medium: { supported: true }, high: { supported: true }, max: { supported: true }, xhigh: { supported: true } },
      thinking: { supported: true, types: { adaptive: { supported: true }, enabled: { supported: false } } },
      ...over,
    }) as unknown as LiveModel['capabilities'];
  test('agrees with a live row that matches the catalogue', () => {
    const row: LiveModel = { id: 'claude-opus-4-8', lifecycle: 'active', retires_at: null, max_input_tokens: 1_000_000, max_tokens: 128_000, capabilities: caps() };
    expect(checkLiveModels([row], findModel)).toEqual([]);
  });
  test('names each field that differs, and models it does not know', () => {
    const row: LiveModel = {
      id: 'claude-opus-4-8',
      lifecycle: 'deprecated',
      retires_at: '2027-05-28T00:00:00Z',
      max_input_tokens: 1_000_000,
      max_tokens: 64_000,
      capabilities: caps({ batch: { supported: false } }),
    };
    const fields = checkLiveModels([row, { ...row, id: 'claude-sonnet-6' }], findModel).map((d) => `${d.model} ${d.field}`);
    expect(fields).toEqual([
      'claude-opus-4-8 lifecycle',
      'claude-opus-4-8 retires_at',
      'claude-opus-4-8 max_tokens',
      'claude-opus-4-8 batch',
      'claude-sonnet-6 entry',
    ]);
  });
});
