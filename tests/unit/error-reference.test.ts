import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { errorSchema, type ErrorEntry } from '../../src/schemas/error.ts';
import { splitFactTokens } from '../../src/lib/error-prose.ts';
import { getFact } from '../../src/lib/catalogue.ts';
import { modelFigure, MODEL_FIELDS, type ModelField } from '../../src/lib/facts.ts';
import { chapterAnchors } from '../../src/lib/headings.ts';

const ERR_DIR = new URL('../../content/errors/', import.meta.url);
const CHAPTER_DIR = new URL('../../content/chapters/', import.meta.url);
const EVAL_DIR = new URL('../fixtures/eval/', import.meta.url);

const files = readdirSync(ERR_DIR).filter((f) => f.endsWith('.yaml')).sort();
const entries = files.map((f) => ({ file: f, raw: parse(readFileSync(new URL(f, ERR_DIR), 'utf8')) as unknown }));
const results = entries.map(({ file, raw }) => ({ file, result: errorSchema.safeParse(raw) }));
const parsed: ErrorEntry[] = results.flatMap(({ result }) => (result.success ? [result.data] : []));
const ids = new Set(parsed.map((e) => e.id));

function jsonl<T>(name: string): T[] {
  return readFileSync(new URL(name, EVAL_DIR), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
type DevMessage = { id: string; message: string; source: string; category: string };
/** The first dev set: every message in it is quoted on some error page. */
const dev = jsonl<DevMessage>('errors-dev.jsonl');
/** Every real message the pages may quote: both dev sets, plus quotes taken from Anthropic's docs and other public pages. */
const quotable = [
  ...dev,
  ...jsonl<DevMessage>('errors-dev-2.jsonl'),
  ...jsonl<{ text: string; source: string }>('quoted-messages.jsonl').map((q) => ({ message: q.text, source: q.source })),
];

function anchors(slug: string): Set<string> | null {
  let text: string;
  try {
    text = readFileSync(new URL(`${slug}.mdx`, CHAPTER_DIR), 'utf8');
  } catch {
    return null;
  }
  return chapterAnchors(text);
}

const PROSE_FIELDS = ['cause', 'diagnose', 'fix'] as const;

function proseOf(e: ErrorEntry): string[] {
  return [...PROSE_FIELDS.map((k) => e[k]), e.retry.how];
}

describe('content/errors', () => {
  it('every file matches the schema', () => {
    const bad = results.filter((r) => !r.result.success).map((r) => `${r.file}: ${r.result.error?.message}`);
    expect(bad).toEqual([]);
    expect(parsed.length).toBeGreaterThanOrEqual(40);
  });

  it('has the planned core entries', () => {
    for (const id of ['prompt-too-long', 'max-tokens-too-large', 'rate-limit-tokens', 'rate-limit-requests', 'acceleration-limit',
      'spend-cap-reached', 'overloaded', 'api-error-500', 'timeout-504', 'streaming-required', 'request-too-large',
      'authentication-error', 'permission-error', 'billing-error', 'credit-balance-too-low', 'not-found-model', 'model-deprecated',
      'tool-use-without-tool-result', 'unexpected-tool-use-id', 'invalid-tool-input-schema', 'thinking-budget-tokens',
      'temperature-not-supported', 'cache-control-invalid', 'roles-must-alternate', 'bedrock-throttling', 'vertex-resource-exhausted',
      'cors-not-allowed']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('covers every HTTP status the API documents', () => {
    const statuses = new Set(parsed.map((e) => e.httpStatus));
    for (const s of [400, 401, 402, 403, 404, 409, 413, 429, 500, 504, 529]) expect(statuses.has(s), String(s)).toBe(true);
  });

  it('quotes every dev-set message verbatim in some entry', () => {
    const texts = parsed.flatMap((e) => [e.message?.text ?? '', ...e.variants.map((v) => v.text)]);
    const missing = dev.filter((d) => !texts.includes(d.message)).map((d) => d.id);
    expect(missing).toEqual([]);
  });

  for (const [i, e] of parsed.entries()) {
    describe(e.id, () => {
      it('id matches the file name', () => expect(`${e.id}.yaml`).toBe(results[i]!.file));

      it('related ids exist', () => {
        for (const r of e.related) expect(ids.has(r), r).toBe(true);
      });

      it('every message is verbatim from a recorded real message with the same source', () => {
        for (const q of [...(e.message ? [e.message] : []), ...e.variants]) {
          const found = quotable.filter((d) => d.source === q.source).some((d) => d.message.includes(q.text));
          expect(found, `${q.text.slice(0, 80)} (${q.source}): add it to tests/fixtures/eval/quoted-messages.jsonl`).toBe(true);
        }
      });

      it('links to a real chapter heading', () => {
        const m = /^\/guide\/([a-z0-9-]+)\/(?:#([a-z0-9_-]+))?$/.exec(e.chapter);
        expect(m, e.chapter).not.toBeNull();
        const found = anchors(m![1]!);
        expect(found, `content/chapters/${m![1]}.mdx`).not.toBeNull();
        if (m![2]) expect([...found!], e.chapter).toContain(m![2]);
      });

      it('links to a decision tree and a node that exist', () => {
        const m = /^\/troubleshoot\/(?:(master|rate-limits|cost-spike|quality|latency|context-window)\/(?:([a-z0-9-]+)\/)?)?$/.exec(e.tree);
        expect(m, e.tree).not.toBeNull();
        if (m?.[1]) {
          const tree = parse(readFileSync(new URL(`../../content/trees/${m[1]}.yaml`, import.meta.url), 'utf8')) as {
            questions: { id: string }[];
            outcomes: { id: string }[];
          };
          if (m[2]) expect([...tree.questions, ...tree.outcomes].map((n) => n.id), e.tree).toContain(m[2]);
        }
      });

      it('renders catalogue figures from the catalogue, not typed numbers', () => {
        for (const text of proseOf(e)) {
          for (const part of splitFactTokens(text)) {
            if (part.kind === 'fact') expect(() => getFact(part.k), part.k).not.toThrow();
            if (part.kind === 'model') {
              expect(MODEL_FIELDS as readonly string[]).toContain(part.field);
              expect(() => modelFigure(part.model, part.field as ModelField), `${part.model}.${part.field}`).not.toThrow();
            }
            if (part.kind === 'text') {
              // Outside `code`, no figure of three or more digits other than an HTTP status.
              const outsideCode = part.text.replace(/`[^`]*`/g, '');
              const numbers = outsideCode.match(/\$?\d[\d,.]*\d{2,}|\$\d+/g) ?? [];
              const allowed = numbers.filter((n) => !/^(?:200|400|401|402|403|404|409|413|429|500|503|504|529|2020)$/.test(n));
              expect(allowed, text.slice(0, 60)).toEqual([]);
            }
          }
        }
        for (const plain of [e.title, e.summary, e.fixSummary]) expect(plain).not.toMatch(/\{(?:fact|model):/);
      });
    });
  }
});
