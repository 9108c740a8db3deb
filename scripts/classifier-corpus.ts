/**
 * The training corpus of the learned error classifier, read from the repository at build time:
 *   - the error reference (content/errors/*.yaml): title, summary, cause, the verbatim message and every variant;
 *   - each chapter's symptom parts (`<Part kind="symptom">` in content/chapters/*.mdx) with their section heading,
 *     and the chapter's `symptoms:` phrases, labelled with the category of the error entries that link to them;
 *   - the dev sets (tests/fixtures/eval/errors-dev*.jsonl), real messages from public threads.
 * Every example carries the source threads it came from (`groups`), so cross-validation can hold a thread out of
 * training entirely, including the error-page variant and the chapter paragraph that quote it.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createSlugger, headingText } from '../src/lib/headings.ts';
import { trainModel, packModel, type Example } from '../src/lib/linear-model.ts';
import type { ClassifierWeights } from '../src/lib/fix-candidates.ts';

export interface CorpusExample {
  text: string;
  category: string;
  /** Error entry id when known (reference texts, dev messages an entry quotes). */
  entry?: string;
  /** Source threads / pages this text came from (normalised URLs, or `entry:<id>` / `chapter:<slug>`). */
  groups: string[];
  origin: 'reference' | 'chapter' | 'dev';
  weight: number;
  /** Dev-set id (`e001`, `n040`) for dev examples. */
  id?: string;
}

export interface DevCase {
  id: string;
  message: string;
  category: string;
  source: string;
  surface: string;
}

interface Quoted {
  text: string;
  source: string;
}
interface EntryYaml {
  id: string;
  title: string;
  summary: string;
  category: string;
  cause: string;
  fixSummary: string;
  chapter: string;
  message: Quoted | null;
  variants?: Quoted[];
}

/** A thread's identity: scheme, `www.`, query, fragment and trailing slash do not make a second thread. */
export function threadOf(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

const URL_IN_TEXT = /https?:\/\/[^\s)\]>"']+/g;

/** `{fact:a.b}` / `{model:x.y}` tokens read as words, not as braces. */
const plainProse = (s: string) => s.replace(/\{(?:fact|model):([^}]+)\}/g, (_m, k: string) => k.replace(/[.-]/g, ' '));

export function readEntries(root = '.'): EntryYaml[] {
  const dir = join(root, 'content/errors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as EntryYaml);
}

export function readDevSets(root = '.'): DevCase[] {
  const out: DevCase[] = [];
  for (const f of ['errors-dev.jsonl', 'errors-dev-2.jsonl']) {
    const path = join(root, 'tests/fixtures/eval', f);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as DevCase);
  }
  return out;
}

function majority(cats: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const c of cats) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Symptom parts of every chapter, each with its section heading and the category of the entries linking to it. */
export function readChapterSymptoms(entries: EntryYaml[], root = '.'): CorpusExample[] {
  const dir = join(root, 'content/chapters');
  const out: CorpusExample[] = [];
  const byCategory = new Map(entries.map((e) => [e.id, e.category]));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    const slug = file.replace(/\.mdx$/, '');
    const src = readFileSync(join(dir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(src)?.[1] ?? '';
    const meta = (parse(front) ?? {}) as { symptoms?: string[]; errors?: string[] };
    // A chapter lists its main error first; sections no entry links to take that error's category.
    const chapterCategory = (meta.errors ?? []).map((id) => byCategory.get(id)).find((c): c is string => !!c);
    const linked = entries.filter((e) => e.chapter.startsWith(`/guide/${slug}/`));
    const fallback = chapterCategory ?? majority(linked.map((e) => e.category));
    if (fallback) {
      for (const s of meta.symptoms ?? []) out.push({ text: s, category: fallback, groups: [`chapter:${slug}`], origin: 'chapter', weight: 1 });
    }
    const slugger = createSlugger();
    let anchor = '';
    let heading = '';
    const body = src.slice(front.length + 8);
    const re = /^(#{2,3}) (.+)$|<Part kind="symptom">([\s\S]*?)<\/Part>/gm;
    for (const m of body.matchAll(re)) {
      if (m[1] && m[2]) {
        heading = headingText(m[2]);
        const s = slugger(heading);
        if (m[1] === '##') anchor = s;
        continue;
      }
      const text = (m[3] ?? '').replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 $2').replace(/[*_`>]/g, ' ');
      const here = majority(entries.filter((e) => e.chapter === `/guide/${slug}/#${anchor}`).map((e) => e.category));
      const category = here ?? fallback;
      if (!category) continue;
      const urls = [...text.matchAll(URL_IN_TEXT)].map((u) => threadOf(u[0]));
      out.push({
        text: `${heading}. ${text}`,
        category,
        groups: [`chapter:${slug}#${anchor}`, ...urls],
        origin: 'chapter',
        weight: 1,
      });
    }
  }
  return out;
}

export function readCorpus(root = '.'): { examples: CorpusExample[]; dev: DevCase[]; entries: EntryYaml[] } {
  const entries = readEntries(root);
  const dev = readDevSets(root);
  const examples: CorpusExample[] = [];
  const entryBySource = new Map<string, string>();
  for (const e of entries) {
    const self = `entry:${e.id}`;
    const prose = [e.title, plainProse(e.summary), plainProse(e.cause)];
    for (const text of prose) examples.push({ text, category: e.category, entry: e.id, groups: [self], origin: 'reference', weight: 1 });
    for (const q of [e.message, ...(e.variants ?? [])]) {
      if (!q) continue;
      const thread = threadOf(q.source);
      if (!entryBySource.has(thread)) entryBySource.set(thread, e.id);
      examples.push({ text: q.text, category: e.category, entry: e.id, groups: [self, thread], origin: 'reference', weight: 2 });
    }
  }
  examples.push(...readChapterSymptoms(entries, root));
  const entryCategory = new Map(entries.map((e) => [e.id, e.category]));
  for (const d of dev) {
    const thread = threadOf(d.source);
    const quoted = entryBySource.get(thread);
    const entry = quoted && entryCategory.get(quoted) === d.category ? quoted : undefined;
    examples.push({ text: d.message, category: d.category, groups: [thread], origin: 'dev', weight: 2, id: d.id, ...(entry ? { entry } : {}) });
  }
  return { examples, dev, entries };
}


export const TRAIN = { buckets: 1 << 14, epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 16 } as const;
export const PACK = { category: 6000, entry: 4000 } as const;

export function trainWeights(examples: CorpusExample[], entries: { id: string; category: string }[]): ClassifierWeights {
  const asExample = (label: (e: CorpusExample) => string | undefined) =>
    examples.flatMap((e): Example[] => {
      const l = label(e);
      return l ? [{ text: e.text, label: l, weight: e.weight }] : [];
    });
  const category = packModel(trainModel(asExample((e) => e.category), TRAIN), PACK.category);
  const entry = packModel(trainModel(asExample((e) => e.entry), TRAIN), PACK.entry);
  return { category, entry, entryCategory: Object.fromEntries(entries.map((e) => [e.id, e.category])) };
}
