/**
 * Prose fields of the error reference (content/errors/*.yaml) may embed catalogue figures as
 * `{fact:<key.path>}` or `{model:<catalogue id>.<field>}`. `splitFactTokens` cuts a string into text and
 * figure references; the error page renders each reference with <Fact>, so no number is typed twice.
 * Pure: no Astro, no zod.
 */

export type ProsePart =
  | { kind: 'text'; text: string }
  | { kind: 'fact'; k: string }
  | { kind: 'model'; model: string; field: string };

const TOKEN = /\{(fact|model):([a-z0-9][\w.-]*)\}/gi;

export function splitFactTokens(text: string): ProsePart[] {
  const parts: ProsePart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    const body = m[2] ?? '';
    if (m[1]?.toLowerCase() === 'fact') {
      parts.push({ kind: 'fact', k: body });
    } else {
      const dot = body.lastIndexOf('.');
      parts.push({ kind: 'model', model: body.slice(0, dot), field: body.slice(dot + 1) });
    }
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Prose with the tokens replaced by `render(part)`; for plain-text contexts (meta descriptions, tests). */
export function renderFactTokens(text: string, render: (part: Exclude<ProsePart, { kind: 'text' }>) => string): string {
  return splitFactTokens(text)
    .map((p) => (p.kind === 'text' ? p.text : render(p)))
    .join('');
}
