/**
 * The changelog (content/changes.ts), checked against the catalogue, sorted newest first, grouped for the /changes/
 * filters, and written as an Atom feed (RFC 4287). Server-side only (zod runs here, never in an island).
 */
import { changes as raw } from '../../content/changes.ts';
import { CHANGE_KIND_LABEL, CHANGE_KINDS, parseChanges, type Change, type ChangeKind } from '../schemas/changes.ts';
import { getSource, MODELS, UNPRICED } from './catalogue.ts';
import { sources } from '../../content/catalogue.ts';

export type { Change, ChangeKind };
export { CHANGE_KINDS, CHANGE_KIND_LABEL };

const modelKeys = new Set<string>([...MODELS.map((m) => m.id), ...UNPRICED.map((u) => u.apiId)]);

/** Every change, validated, newest first (same day: the order of the file, reversed). */
export const CHANGES: readonly Change[] = parseChanges(raw, { models: modelKeys, sources: new Set(Object.keys(sources)) })
  .map((c, i) => ({ c, i }))
  .sort((a, b) => b.c.date.localeCompare(a.c.date) || b.i - a.i)
  .map(({ c }) => c);

/** The URL a change links to: its precise URL, or its source's page. */
export function changeUrl(c: Change): string {
  return c.url ?? getSource(c.source)!.url;
}

/** Display name of a model key or unpriced id. */
export function modelName(key: string): string {
  return MODELS.find((m) => m.id === key)?.name ?? UNPRICED.find((u) => u.apiId === key)?.name ?? key;
}

/** Model keys that have at least one change, in catalogue order (unpriced ids last). */
export function modelsWithChanges(list: readonly Change[] = CHANGES): string[] {
  const used = new Set(list.flatMap((c) => c.models));
  return [...MODELS.map((m) => m.id), ...UNPRICED.map((u) => u.apiId)].filter((k) => used.has(k));
}

export function changesFor(filter: { model?: string; kind?: ChangeKind }, list: readonly Change[] = CHANGES): Change[] {
  return list.filter((c) => (!filter.model || c.models.includes(filter.model)) && (!filter.kind || c.kind === filter.kind));
}

/** URL path of a filtered view; model ids of unpriced entries are already URL-safe. */
export const changesPath = (filter: { model?: string; kind?: ChangeKind } = {}) =>
  filter.model ? `/changes/model/${filter.model}/` : filter.kind ? `/changes/kind/${filter.kind}/` : '/changes/';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2026-11-30" → "30 Nov 2026" (the date as written, no time zone shift). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Atom feed of `list` (newest first). `site` is the canonical origin; ids are tag: URIs that never change. */
export function atomFeed(list: readonly Change[], site: string | URL): string {
  const abs = (path: string) => new URL(path, site).href;
  const updated = list.length ? `${list[0]!.date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = list.map((c) => {
    const title = `${CHANGE_KIND_LABEL[c.kind]}: ${c.models.length ? c.models.map(modelName).join(', ') : 'Claude API'}`;
    return [
      '  <entry>',
      `    <id>tag:claude-model-guide,2026:changes/${c.id}</id>`,
      `    <title>${esc(title)}</title>`,
      `    <updated>${c.date}T00:00:00Z</updated>`,
      `    <link rel="alternate" type="text/html" href="${esc(abs(`/changes/#${c.id}`))}"/>`,
      `    <link rel="related" href="${esc(changeUrl(c))}"/>`,
      `    <category term="${c.kind}" label="${esc(CHANGE_KIND_LABEL[c.kind])}"/>`,
      `    <summary>${esc(c.text)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <id>tag:claude-model-guide,2026:changes</id>',
    '  <title>Claude Model Guide: what changed</title>',
    '  <subtitle>Claude model releases, prices, deprecations, retirements, limits and API behaviour, each with its source.</subtitle>',
    `  <updated>${updated}</updated>`,
    '  <author><name>Claude Model Guide</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${esc(abs('/changes.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(abs('/changes/'))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
