/**
 * Features for the learned error classifier (src/lib/linear-model.ts), shared by training and the browser.
 *
 * What varies between two people hitting the same cause is replaced by a placeholder before anything is counted:
 * JSON / Python-dict escaping and quoting, URLs (their path words are kept), organisation UUIDs, request / tool /
 * batch ids, model ids (kept as their family: `opus`, `sonnet`…), numbers (an HTTP status the guide knows stays as
 * `status429`), snapshot dates. Words are lower-cased, snake_case is split (`rate_limit_error` → rate limit error),
 * and a light suffix strip folds `caching`/`cached`/`caches` together.
 *
 * Features: word unigrams (`w:`), adjacent-word bigrams (`b:`) and character 4-grams inside words (`c:`), which carry
 * spelling variants ("lobotomised"/"lobotomized", "ratelimit"). Each feature maps to a bucket by a 32-bit FNV-1a
 * hash, so the shipped weights need no vocabulary. Pure; no DOM.
 */

/** Work is capped: a paste longer than this is cut before anything runs (megabytes never freeze the tab). */
export const MAX_FEATURE_INPUT = 4000;

const KNOWN_STATUS = new Set(['400', '401', '402', '403', '404', '408', '409', '413', '429', '500', '502', '503', '504', '529']);

/** Words too common to say anything about a cause (wrapper and JSON words are kept: the model learns they are neutral). */
const STOP = new Set(
  ('a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'i me my we our you your he she they them their there here so than then too very can could would should will shall ' +
    'do does did done have has had having not no yes just also only about into over under again any all some each such ' +
    'what which who whom when where why how am im ive dont doesnt isnt wasnt cant wont didnt one two get got').split(' '),
);

/** Unescape and strip what varies; returns lower-case text with placeholders. */
export function normaliseText(input: string): string {
  let t = input.slice(0, MAX_FEATURE_INPUT);
  t = t.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  t = t.replace(/\\+[nrt]/g, ' ').replace(/\\+(["'/`])/g, '$1');
  t = t.replace(/&quot;|&#34;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  t = t.toLowerCase();
  // URLs: keep the words of the path (docs.anthropic.com/en/api/rate-limits says "rate limits"), drop the host.
  t = t.replace(/https?:\/\/[^\s/]+(\/\S*)?/g, (_m, path: string | undefined) => ` ${(path ?? '').replace(/[^a-z]+/g, ' ')} `);
  t = t.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, ' xuuid ');
  t = t.replace(/\b(req|toolu|srvtoolu|msg|msgbatch)_[a-z0-9_]{4,}/g, (_m, kind: string) => ` x${kind}id `);
  // Model ids on every surface: claude-sonnet-4-5-20250929, anthropic.claude-3-5-haiku…-v1:0, claude-opus-4-7[1m].
  t = t.replace(
    /\b(?:(?:us|eu|apac|jp|au|global)\.)?(?:anthropic\.)?claude-[a-z0-9]+(?:[-.@:][a-z0-9]+)*(?:\[1m\])?/g,
    (id) => ` xmodel ${/opus|sonnet|haiku|fable|mythos/.exec(id)?.[0] ?? ''} `,
  );
  t = t.replace(/\b\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?\b/g, ' xdate ');
  for (let i = 0; i < 3; i++) t = t.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  t = t.replace(/\d+(?:\.\d+)?/g, (n) => (KNOWN_STATUS.has(n) ? ` status${n} ` : ' xnum '));
  return t;
}

/** Light suffix folding (not a full stemmer: enough that cached/caching/caches meet). */
export function stem(w: string): string {
  // A final silent e goes too, so cache / caches / cached / caching all meet at "cach".
  const s = stemSuffix(w);
  return s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s;
}

function stemSuffix(w: string): string {
  if (w.length <= 4) return w;
  for (const [suffix, keep] of [
    ['ational', 'ate'], ['ization', 'ize'], ['isation', 'ize'], ['ising', 'ize'], ['izing', 'ize'], ['ised', 'ize'],
    ['ized', 'ize'], ['ness', ''], ['ments', ''], ['ment', ''], ['ingly', ''], ['edly', ''], ['ing', ''], ['ies', 'y'],
    ['ied', 'y'], ['ed', ''], ['ly', ''], ['es', ''], ['s', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, w.length - suffix.length) + keep;
  }
  return w;
}

/** The words of a text after normalisation, stemmed, stop words out (placeholders stay). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of normaliseText(text).split(/[^a-z0-9]+/)) {
    if (raw.length < 2 || STOP.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

export function features(text: string): Map<string, number> {
  const ws = words(text);
  const counts = new Map<string, number>();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    add(`w:${w}`);
    if (i > 0) add(`b:${ws[i - 1]}_${w}`);
    if (w.length >= 5 && !w.startsWith('x') && !w.startsWith('status')) {
      const padded = `<${w}>`;
      for (let j = 0; j + 4 <= padded.length; j++) add(`c:${padded.slice(j, j + 4)}`);
    }
  }
  return counts;
}

/** 32-bit FNV-1a. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A sparse, L2-normalised vector of hashed features: bucket → value, with the feature strings kept for explanations. */
export interface Vector {
  buckets: number[];
  values: number[];
  names: string[];
}

export function vectorise(text: string, bucketCount: number): Vector {
  const counts = features(text);
  const byBucket = new Map<number, { v: number; name: string }>();
  for (const [name, c] of counts) {
    // Sub-linear counts: a word repeated in a long paste should not dominate.
    const v = 1 + Math.log(c);
    const b = hash(name) % bucketCount;
    const prev = byBucket.get(b);
    byBucket.set(b, { v: (prev?.v ?? 0) + v, name: prev?.name ?? name });
  }
  let norm = 0;
  for (const { v } of byBucket.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  const buckets: number[] = [];
  const values: number[] = [];
  const names: string[] = [];
  for (const [b, { v, name }] of [...byBucket.entries()].sort((a, c) => a[0] - c[0])) {
    buckets.push(b);
    values.push(v / norm);
    names.push(name);
  }
  return { buckets, values, names };
}
