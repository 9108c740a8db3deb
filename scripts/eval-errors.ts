/**
 * npm run eval:errors [-- --dist <dir>] [-- --set <jsonl>] [-- --no-search]
 *
 * Runs every message of the error eval set (default tests/fixtures/eval/errors-dev.jsonl) through
 *   1. classifyError (src/lib/classify-error.ts): top-1 category, and
 *   2. Pagefind in the built site (default dist/, built with `npm run build`), in headless Chromium:
 *      pagefind.search(cleanQuery(message)), top-1 and top-3 categories of the result pages,
 * and prints accuracy by category plus every miss. A message "reaches the right category" when the classifier's
 * top-1 is right or one of the top-3 search results is. Exits 1 when that share is under the 95% target.
 *
 * A result page's categories: its Pagefind `category` filter when it has one; otherwise the categories of the
 * error-reference entries that link to it (a chapter or a decision tree covers the categories of the errors it
 * explains). Nothing here is tuned to a message.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { chromium } from 'playwright-core';
import { classifyError } from '../src/lib/classify-error.ts';
import { cleanQuery } from '../src/lib/search-query.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/support/chromium-path.ts';
import { serve } from './serve.mjs';

interface Case {
  id: string;
  message: string;
  category: string;
  surface: string;
}

interface SearchHit {
  url: string;
  categories: string[];
}

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const setPath = resolve(arg('--set') ?? process.env.EVAL_SET ?? 'tests/fixtures/eval/errors-dev.jsonl');
const dist = resolve(arg('--dist') ?? process.env.EVAL_DIST ?? 'dist');
const withSearch = !args.includes('--no-search');
const TARGET = 0.95;

const cases: Case[] = readFileSync(setPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Case);

// Categories a non-error page covers, from the error entries that link to it.
interface EntryLinks {
  id: string;
  category: string;
  chapter: string;
  tree: string;
}
const entries: EntryLinks[] = readdirSync('content/errors')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join('content/errors', f), 'utf8')) as EntryLinks);
const pageCategories = new Map<string, Set<string>>();
const addPage = (path: string, category: string) => {
  const set = pageCategories.get(path) ?? new Set<string>();
  set.add(category);
  pageCategories.set(path, set);
};
for (const e of entries) {
  addPage(`/errors/${e.id}/`, e.category);
  addPage(e.chapter.replace(/#.*$/, ''), e.category);
  addPage(e.tree, e.category);
  addPage(/^\/troubleshoot\/(?:[^/]+\/)?/.exec(e.tree)?.[0] ?? e.tree, e.category); // the tree's start page too
}

function categoriesOf(url: string, filters: Record<string, string[]> | undefined): string[] {
  if (filters?.category?.length) return filters.category;
  const path = new URL(url, 'http://x').pathname;
  const exact = pageCategories.get(path);
  if (exact) return [...exact];
  // A tree node page inherits its tree's categories.
  const tree = /^\/troubleshoot\/[^/]+\//.exec(path)?.[0];
  return tree ? [...(pageCategories.get(tree) ?? [])] : [];
}

async function searchAll(queries: string[]): Promise<SearchHit[][]> {
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
    throw new Error(`No Pagefind index in ${dist}/pagefind/. Build the site first (npm run build), or pass --dist <dir>.`);
  }
  const server = (await serve({ root: dist, host: '127.0.0.1', port: 0 })) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    const raw = await page.evaluate(async (qs: string[]) => {
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
      const out: { url: string; filters: Record<string, string[]> }[][] = [];
      for (const q of qs) {
        if (!q) {
          out.push([]);
          continue;
        }
        const r = await pf.search(q);
        const top = await Promise.all(r.results.slice(0, 3).map((x) => x.data()));
        out.push(top.map((d) => ({ url: d.url, filters: d.filters })));
      }
      return out;
    }, queries);
    return raw.map((hits) => hits.map((h) => ({ url: h.url, categories: categoriesOf(h.url, h.filters) })));
  } finally {
    await browser.close();
    await server.close();
  }
}

const queries = cases.map((c) => cleanQuery(c.message));
const search = withSearch ? await searchAll(queries) : cases.map(() => [] as SearchHit[]);

interface Row {
  n: number;
  cls: number;
  s1: number;
  s3: number;
  any: number;
}
const byCategory = new Map<string, Row>();
const total: Row = { n: 0, cls: 0, s1: 0, s3: 0, any: 0 };
const misses: string[] = [];

cases.forEach((c, i) => {
  const match = classifyError(c.message);
  const hits = search[i] ?? [];
  const cls = match?.category === c.category;
  const s1 = hits[0]?.categories.includes(c.category) ?? false;
  const s3 = hits.some((h) => h.categories.includes(c.category));
  const any = cls || s3;
  const row = byCategory.get(c.category) ?? { n: 0, cls: 0, s1: 0, s3: 0, any: 0 };
  for (const r of [row, total]) {
    r.n++;
    r.cls += Number(cls);
    r.s1 += Number(s1);
    r.s3 += Number(s3);
    r.any += Number(any);
  }
  byCategory.set(c.category, row);
  if (!cls || (withSearch && !s3)) {
    misses.push(
      `${any ? '  partial' : '  MISS   '} ${c.id} [${c.category}] classifier=${match ? `${match.category}/${match.errorId}` : 'null'}` +
        (withSearch ? ` search(${JSON.stringify(queries[i])})=${hits.map((h) => `${h.url}{${h.categories.join('|')}}`).join(' ') || 'none'}` : '') +
        `\n           ${c.message.replace(/\s+/g, ' ').slice(0, 140)}`,
    );
  }
});

const pct = (a: number, n: number) => (n === 0 ? '   -  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`);
console.log(`Error eval: ${cases.length} messages from ${setPath}${withSearch ? `, search in ${dist}` : ', classifier only'}\n`);
console.log(`${'category'.padEnd(31)} ${'n'.padStart(3)}  classifier  search@1  search@3  either`);
for (const [cat, r] of [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`${cat.padEnd(31)} ${String(r.n).padStart(3)}  ${pct(r.cls, r.n)}     ${pct(r.s1, r.n)}   ${pct(r.s3, r.n)}   ${pct(r.any, r.n)}`);
}
console.log(`${'TOTAL'.padEnd(31)} ${String(total.n).padStart(3)}  ${pct(total.cls, total.n)}     ${pct(total.s1, total.n)}   ${pct(total.s3, total.n)}   ${pct(total.any, total.n)}`);
console.log(`\nRight category (classifier top-1 or search top-3): ${total.any}/${total.n} = ${pct(total.any, total.n).trim()} (target ${TARGET * 100}%)`);
if (misses.length) console.log(`\nMisses (classifier wrong or null${withSearch ? ', or search top-3 without the category' : ''}):\n${misses.join('\n')}`);
if (total.any / total.n < TARGET) process.exitCode = 1;
