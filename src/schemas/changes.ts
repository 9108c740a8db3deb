import { z } from 'astro/zod';
import { isoDay } from './catalogue.ts';

/**
 * Schema of the changelog in `content/changes.ts`: one entry per change to a Claude model or to the API around it.
 * `parseChanges()` throws one readable error naming the entry and the field; the catalogue is passed in so model keys
 * and source keys are checked against it.
 */
export const CHANGE_KINDS = ['release', 'price', 'deprecation', 'retirement', 'limit', 'api-behaviour'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABEL: Record<ChangeKind, string> = {
  release: 'Release',
  price: 'Price',
  deprecation: 'Deprecation',
  retirement: 'Retirement',
  limit: 'Limit',
  'api-behaviour': 'API behaviour',
};

export const changeSchema = z
  .object({
    /** Stable, URL-safe: the Atom entry id and the anchor on /changes/. Never change it once published. */
    id: z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/, 'change ids look like 2026-11-30-sonnet-4-5-retired'),
    date: isoDay,
    /** Catalogue model keys (or unpriced API ids) the change is about; empty for a change to the API as a whole. */
    models: z.array(z.string().min(3)),
    kind: z.enum(CHANGE_KINDS),
    /** One sentence, ending with a full stop. */
    text: z.string().min(20).max(300).regex(/[.)]$/, 'end the sentence with a full stop'),
    /** Key of the catalogue source the change was read from. */
    source: z.string().min(1),
    /** A more precise URL than the source's own (an entry of the release notes, a changelog line). */
    url: z.url().optional(),
  })
  .strict();
export type Change = z.infer<typeof changeSchema>;

export function parseChanges(input: unknown, known: { models: ReadonlySet<string>; sources: ReadonlySet<string> }): Change[] {
  const result = z.array(changeSchema).min(1).safeParse(input);
  const lines: string[] = [];
  const at = (i: number) => {
    const id = (Array.isArray(input) ? (input[i] as { id?: unknown } | undefined)?.id : undefined) ?? `#${i + 1}`;
    return `content/changes.ts: entry "${String(id)}"`;
  };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [i, ...rest] = issue.path;
      lines.push(`${typeof i === 'number' ? at(i) : 'content/changes.ts'}, field ${rest.map(String).join('.') || '(entry)'}: ${issue.message}`);
    }
  } else {
    const seen = new Set<string>();
    result.data.forEach((c, i) => {
      if (seen.has(c.id)) lines.push(`${at(i)}, field id: used twice`);
      seen.add(c.id);
      if (!c.id.startsWith(c.date)) lines.push(`${at(i)}, field id: must start with its date ${c.date}`);
      for (const m of c.models) if (!known.models.has(m)) lines.push(`${at(i)}, field models: unknown model "${m}"`);
      if (!known.sources.has(c.source)) lines.push(`${at(i)}, field source: unknown source key "${c.source}"`);
    });
  }
  if (lines.length) throw new Error(`The changelog is invalid:\n${lines.join('\n')}`);
  return result.data!;
}
