/**
 * npm run eval:errors [-- --dist <dir>] [-- --no-search] [-- --folds <k>]
 *
 * Honest figures for "a pasted error or a described symptom lands on its fix":
 *
 *   1. Cross-validation grouped by source thread. The 110 dev messages (tests/fixtures/eval/errors-dev*.jsonl) are
 *      split into k folds by thread; for each fold the classifier is trained (exactly as the build trains it) on a
 *      corpus from which every text of the held-out threads is removed: the dev messages, the error-page variants that
 *      quote them and any chapter paragraph linking them. The held-out messages then go through what the site does:
 *      rankFixes (codes, rules, model) for the box, distinctiveQuery + Pagefind (built site in dist/) + orderResults
 *      for the results.
 *   2. "Before training on them": the 41 messages of errors-dev-2.jsonl scored by a model trained without any of them.
 *
 * Reported per category: right category among the box's candidates (when it is sure) or the top-3 results, and right
 * on the first thing shown (the box's first candidate when sure, else the first result). Exits 1 under the targets
 * (95% / 85% on the held-out folds). The rule table was written while its authors could read errors-dev.jsonl, so
 * the rules' share of the figure on those 69 is optimistic; the 41 were first scored on 2026-12-03 before any change
 * (tests/fixtures/eval/README.md).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readCorpus, threadOf, trainWeights, type CorpusExample, type DevCase } from './classifier-corpus.ts';
import { orderResults, rankFixes, termWeight, type Ranking } from '../src/lib/fix-candidates.ts';
import { loadClassifier } from '../src/lib/classifier-features.ts';
import { distinctiveQuery, RESULTS_PAGE, SEARCH_TERMS } from '../src/lib/search-query.ts';
import { hash } from '../src/lib/text-features.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium-path.ts';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dist = resolve(arg('--dist') ?? process.env.EVAL_DIST ?? 'dist');
const withSearch = !args.includes('--no-search');
const FOLDS = Number(arg('--folds') ?? 10);
const TERMS = Number(arg('--terms') ?? SEARCH_TERMS);
const SHOWN = Number(arg('--shown') ?? RESULTS_PAGE);
const TARGET_ANY = 0.95;
const TARGET_FIRST = 0.85;

const { examples, dev, entries } = readCorpus();

// --- Pages → categories (for scoring search hits) -----------------------------------------------
const pageCategories = new Map<string, Set<string>>();
const addPage = (path: string, category: string) => {
  const set = pageCategories.get(path) ?? new Set<string>();
  set.add(category);
  pageCategories.set(path, set);
};
for (const e of entries as unknown as { id: string; category: string; chapter: string; tree?: string }[]) {
  addPage(`/errors/${e.id}/`, e.category);
  addPage(e.chapter.replace(/#.*$/, ''), e.category);
  if (e.tree) {
    addPage(e.tree, e.category);
    addPage(/^\/troubleshoot\/(?:[^/]+\/)?/.exec(e.tree)?.[0] ?? e.tree, e.category);
  }
}
function categoriesOf(url: string, filters: Record<string, string[]> | undefined): string[] {
  if (filters?.category?.length) return filters.category;
  const path = new URL(url, 'http://x').pathname;
  const exact = pageCategories.get(path);
  if (exact) return [...exact];
  const tree = /^\/troubleshoot\/[^/]+\//.exec(path)?.[0];
  return tree ? [...(pageCategories.get(tree) ?? [])] : [];
}

// --- Scoring one held-out message --------------------------------------------------------------
interface Scored {
  c: DevCase;
  ranking: Ranking;
  query: string;
}

function trainWithout(threads: Set<string>) {
  const keep = (e: CorpusExample) => !e.groups.some((g) => threads.has(g));
  return loadClassifier(trainWeights(examples.filter(keep), entries));
}

function score(cases: DevCase[], threads: Set<string>): Scored[] {
  const classifier = trainWithout(threads);
  return cases.map((c) => {
    const ranking = rankFixes(c.message, classifier);
    return { c, ranking, query: distinctiveQuery(c.message, termWeight(classifier, ranking), TERMS) };
  });
}

// 1. Grouped k-fold: a thread's fold is its hash, so adding a message never reshuffles the others.
const foldOf = (c: DevCase) => hash(threadOf(c.source)) % FOLDS;
const t0 = performance.now();
const heldOut: Scored[] = [];
for (let f = 0; f < FOLDS; f++) {
  const test = dev.filter((c) => foldOf(c) === f);
  if (test.length) heldOut.push(...score(test, new Set(test.map((c) => threadOf(c.source)))));
}
// 2. The 41 new messages, scored by a model that never saw any of them.
const fresh = dev.filter((c) => c.id.startsWith('n'));
const before = score(fresh, new Set(fresh.map((c) => threadOf(c.source))));
const trainS = (performance.now() - t0) / 1000;

// --- Search, all queries in one browser session ---------------------------------------------------
interface Hit {
  url: string;
  categories: string[];
  scored: string[];
}
async function searchAll(queries: string[]): Promise<Hit[][]> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
    throw new Error(`No Pagefind index in ${dist}/pagefind/. Build the site first (npm run build), or pass --no-search.`);
  }
  const server = (await serve({ root: dist, host: '127.0.0.1', port: 0 })) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const raw = await page.evaluate(async ([qs, shown]: [string[], number]) => {
      interface PFData {
        url: string;
        filters: Record<string, string[]>;
      }
      interface PF {
        options(o: Record<string, unknown>): Promise<void>;
        search(q: string): Promise<{ results: { data(): Promise<PFData> }[] }>;
      }
      const bundle = '/pagefind/pagefind.js';
      const pf = (await import(/* @vite-ignore */ bundle)) as PF;
      await pf.options({});
      const out: PFData[][] = [];
      for (const q of qs) {
        // The same broadening the search page does (src/lib/search-query.ts fallbackQueries), inlined here.
        const words = q.split(/\s+/).filter(Boolean);
        const tries = [q];
        for (let n = Math.min(words.length - 1, 6); n >= 2; n--) tries.push(words.slice(0, n).join(' '));
        const longest = [...words].sort((a, b) => b.length - a.length)[0];
        if (words.length > 1 && longest) tries.push(longest);
        let results: { data(): Promise<PFData> }[] = [];
        for (const t of q ? tries : []) {
          results = (await pf.search(t)).results;
          if (results.length) break;
        }
        out.push(await Promise.all(results.slice(0, shown).map((x) => x.data())));
      }
      return out;
    }, [queries, SHOWN] as [string[], number]);
    return raw.map((hits) =>
      hits.map((h) => ({ url: h.url, categories: h.filters.category ?? [], scored: categoriesOf(h.url, h.filters) })),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

const all = [...heldOut, ...before];
const hits = withSearch ? await searchAll(all.map((s) => s.query)) : all.map(() => [] as Hit[]);

interface Row {
  n: number;
  sure: number;
  sureRight: number;
  box: number;
  first: number;
  any: number;
  model3: number;
}
function report(title: string, rows: Scored[], offset: number): { any: number; first: number } {
  const byCategory = new Map<string, Row>();
  const total: Row = { n: 0, sure: 0, sureRight: 0, box: 0, first: 0, any: 0, model3: 0 };
  const misses: string[] = [];
  rows.forEach((s, i) => {
    const { c, ranking } = s;
    const results = orderResults(hits[offset + i] ?? [], ranking).slice(0, 3);
    // Sure: the box lists the candidate fixes. Not sure: it says so and offers the candidates' chapter sections.
    // Either way the first link in the box is the first thing shown; with no candidate at all, the first result.
    const box = ranking.candidates.some((k) => k.category === c.category);
    const top3 = results.some((h) => h.scored.includes(c.category));
    const firstCandidate = ranking.candidates[0];
    const first = firstCandidate ? firstCandidate.category === c.category : (results[0]?.scored.includes(c.category) ?? false);
    const model3 = box;
    const row = byCategory.get(c.category) ?? { n: 0, sure: 0, sureRight: 0, box: 0, first: 0, any: 0, model3: 0 };
    for (const r of [row, total]) {
      r.n++;
      r.box += Number(box && ranking.sure);
      r.first += Number(first);
      r.any += Number(box || top3);
      r.model3 += Number(model3);
      r.sureRight += Number(ranking.sure && firstCandidate?.category === c.category);
      r.sure += Number(ranking.sure);
    }
    byCategory.set(c.category, row);
    if (!first || !(box || top3)) {
      misses.push(
        `  ${box || top3 ? 'partial' : 'MISS   '} ${c.id} [${c.category}] ${ranking.sure ? 'sure' : 'not sure'}: ` +
          ranking.candidates.map((k) => `${k.category}/${k.errorId} ${(k.confidence * 100).toFixed(0)}% (${k.by})`).join(', ') +
          (withSearch ? `\n           search ${JSON.stringify(s.query)} → ${results.map((h) => `${h.url}{${h.scored.join('|')}}`).join(' ') || 'none'}` : '') +
          `\n           ${c.message.replace(/\s+/g, ' ').slice(0, 140)}`,
      );
    }
  });
  const pct = (a: number, n: number) => (n === 0 ? '   -  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`);
  console.log(`\n${title}\n`);
  console.log(`${'category'.padEnd(31)} ${'n'.padStart(3)}   box-or-top3   first-shown   in-candidates   sure-and-right`);
  const line = (name: string, r: Row) =>
    console.log(`${name.padEnd(31)} ${String(r.n).padStart(3)}   ${pct(r.any, r.n)}        ${pct(r.first, r.n)}        ${pct(r.model3, r.n)}        ${String(r.sureRight).padStart(3)}/${String(r.sure).padEnd(3)}`);
  for (const [cat, r] of [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) line(cat, r);
  line('TOTAL', total);
  if (args.includes('--misses') && misses.length) console.log(`\nMisses:\n${misses.join('\n')}`);
  return { any: total.any / total.n, first: total.first / total.n };
}

console.log(
  `Error eval: ${dev.length} dev messages, ${new Set(dev.map((c) => threadOf(c.source))).size} threads, ${FOLDS} folds grouped by thread; ` +
    `corpus ${examples.length} texts; training ${trainS.toFixed(1)} s${withSearch ? `; search in ${dist}` : '; classifier only (--no-search)'}`,
);
const cv = report('Held-out folds (every message scored by a model that never saw its thread)', heldOut, 0);
const fr = report('The 41 messages of errors-dev-2.jsonl, scored by a model trained without any of them', before, heldOut.length);
console.log(
  `\nHeld out: right category in the box or top-3 ${(cv.any * 100).toFixed(1)}% (target ${TARGET_ANY * 100}%), ` +
    `first thing shown ${(cv.first * 100).toFixed(1)}% (target ${TARGET_FIRST * 100}%).` +
    `\nThe 41 before training: ${(fr.any * 100).toFixed(1)}% / ${(fr.first * 100).toFixed(1)}% (before this classifier existed, 2026-12-03: 51.2% / 46.3%).` +
    (args.includes('--misses') ? '' : '\nRun with -- --misses to list every miss.'),
);
if (withSearch ? cv.any < TARGET_ANY || cv.first < TARGET_FIRST : cv.first < TARGET_FIRST) process.exitCode = 1;
