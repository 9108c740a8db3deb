import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { changes } from '../../content/changes.ts';
import { parseChanges } from '../../src/schemas/changes.ts';
import { atomFeed, CHANGES, changesFor, changeUrl, modelsWithChanges } from '../../src/lib/changes.ts';
import { MODEL_IDS } from '../../src/lib/catalogue.ts';

const known = { models: new Set([...MODEL_IDS, 'claude-mythos-preview']), sources: new Set(['SDK', 'RN']) };
const entry = { id: '2026-11-30-x-retired', date: '2026-11-30', models: ['sonnet-4-5'], kind: 'retirement', text: 'Something retired today.', source: 'SDK' };

describe('the changelog', () => {
  test('has at least 15 sourced 2026 entries, newest first', () => {
    expect(CHANGES.length).toBeGreaterThanOrEqual(15);
    expect(CHANGES.filter((c) => c.date.startsWith('2026')).length).toBeGreaterThanOrEqual(15);
    for (const c of CHANGES) expect(changeUrl(c), c.id).toMatch(/^https:\/\//);
    const dates = CHANGES.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('covers what the lineup did in 2026', () => {
    const ids = CHANGES.map((c) => c.id);
    for (const id of ['2026-11-30-sonnet-4-5-retired', '2026-10-07-sonnet-5-5-cache-read-cut', '2026-06-26-start-build-scale-tiers', '2026-10-21-api-version-2026-10-21', '2026-11-30-opus-4-8-fast-mode-removed']) {
      expect(ids).toContain(id);
    }
    for (const kind of ['release', 'price', 'deprecation', 'retirement', 'limit', 'api-behaviour'] as const) expect(changesFor({ kind }).length, kind).toBeGreaterThan(0);
    expect(modelsWithChanges()).toContain('opus-5-5');
    expect(changesFor({ model: 'sonnet-4-5' }).map((c) => c.kind)).toEqual(['retirement']);
  });

  test('a bad entry fails naming the entry and the field', () => {
    expect(() => parseChanges(changes, { models: new Set(MODEL_IDS), sources: new Set() })).toThrow(/field source: unknown source key/);
    expect(() => parseChanges([{ ...entry, kind: 'rumour' }], known)).toThrow(/entry "2026-11-30-x-retired", field kind/);
    expect(() => parseChanges([{ ...entry, models: ['sonnet-9'] }], known)).toThrow(/unknown model "sonnet-9"/);
    expect(() => parseChanges([{ ...entry, date: '2026-12-01' }], known)).toThrow(/must start with its date/);
    expect(() => parseChanges([entry, entry], known)).toThrow(/used twice/);
    expect(() => parseChanges([{ ...entry, text: 'No full stop at the end here' }], known)).toThrow(/full stop/);
  });
});

describe('the Atom feed', () => {
  const xml = atomFeed(CHANGES, 'https://example.org');
  const doc = new new Window().DOMParser().parseFromString(xml, 'application/xml');

  test('parses, and every entry has an id, updated and a link', () => {
    expect(doc.querySelector('parsererror')).toBeNull();
    const feed = doc.documentElement;
    expect(feed.tagName.toLowerCase()).toBe('feed');
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const entries = [...doc.getElementsByTagName('entry')];
    expect(entries).toHaveLength(CHANGES.length);
    const ids = new Set<string>();
    for (const e of entries) {
      const id = e.getElementsByTagName('id')[0]?.textContent ?? '';
      expect(id).toMatch(/^tag:claude-model-guide,2026:changes\/\d{4}-\d{2}-\d{2}-/);
      ids.add(id);
      expect(e.getElementsByTagName('updated')[0]?.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      const alt = [...e.getElementsByTagName('link')].find((l) => l.getAttribute('rel') === 'alternate');
      expect(alt?.getAttribute('href')).toMatch(/^https:\/\/example\.org\/changes\/#/);
      expect(e.getElementsByTagName('title')[0]?.textContent?.length).toBeGreaterThan(3);
    }
    expect(ids.size).toBe(entries.length);
    expect(doc.getElementsByTagName('updated')[0]?.textContent).toBe(`${CHANGES[0]!.date}T00:00:00Z`);
  });

  test('escapes text', () => {
    const out = atomFeed([{ ...CHANGES[0]!, text: 'a < b & "c".' }], 'https://example.org');
    expect(out).toContain('a &lt; b &amp; &quot;c&quot;.');
  });
});
