// Issue 9, part 6: the site with JavaScript turned off. Chapters read in full (headings, prose, every code block),
// every decision-tree node is reachable from /troubleshoot/ by plain links down to an outcome and back, the calculator
// page shows the whole price table and the formulas, /search/ says it needs JavaScript, /errors/ lists every entry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { baseURL, newPage, openBrowser, type TestPage } from './support/browser.ts';
import { MODELS } from '../../src/lib/catalogue.ts';

const root = join(import.meta.dirname, '../..');
const CHAPTERS = readdirSync(join(root, 'content/chapters'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();
const ERROR_IDS = readdirSync(join(root, 'content/errors'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
interface TreeFile {
  id: string;
  questions: { id: string }[];
  outcomes: { id: string }[];
}
const TREES: TreeFile[] = readdirSync(join(root, 'content/trees'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join(root, 'content/trees', f), 'utf8')) as TreeFile);

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function noJsPage(): Promise<TestPage> {
  return newPage(browser, { javaScriptEnabled: false });
}

describe('no JavaScript', () => {
  it('has every chapter in content/chapters to check', () => {
    expect(CHAPTERS.length).toBeGreaterThanOrEqual(13);
  });

  it.each(CHAPTERS)('chapter %s reads in full: title, sections, prose and every code block visible', async (slug) => {
    const page = await noJsPage();
    const response = await page.goto(`/guide/${slug}/`);
    expect(response?.status()).toBe(200);
    const h1 = page.locator('main h1');
    await expect.poll(() => h1.isVisible()).toBe(true);
    expect((await h1.innerText()).trim().length).toBeGreaterThan(3);

    const sections = page.locator('main h2');
    expect(await sections.count()).toBeGreaterThanOrEqual(2);
    expect(await sections.first().isVisible()).toBe(true);

    const text = await page.locator('main').innerText();
    expect(text.length).toBeGreaterThan(3000);
    // Prose (code aside, where `undefined` is legitimate) shows no leaked non-values.
    const prose = await page.locator('main').evaluate((main) => {
      const copy = main.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('pre, code').forEach((el) => el.remove());
      return copy.textContent ?? '';
    });
    expect(prose).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);

    // Every code block (both languages of a TypeScript/Python pair) is on screen, not behind a tab that needs a script.
    const blocks = page.locator('main pre');
    const n = await blocks.count();
    for (let i = 0; i < n; i++) {
      const block = blocks.nth(i);
      expect(await block.isVisible(), `code block ${i + 1} of ${n} hidden`).toBe(true);
      // Off-screen chapter parts are rendered only near the viewport (content-visibility), and innerText reads the
      // rendering: bring the block into view, then read it.
      await block.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await expect.poll(async () => (await block.innerText()).trim(), { message: `code block ${i + 1} empty`, timeout: 5_000 }).not.toBe('');
    }
    await page.context().close();
  });

  it('chapters carry real code: the code blocks across the guide are visible without JavaScript', async () => {
    const page = await noJsPage();
    let total = 0;
    for (const slug of ['rate-limits', 'fallbacks']) {
      await page.goto(`/guide/${slug}/`);
      total += await page.locator('main pre').count();
    }
    expect(total).toBeGreaterThan(2);
    await page.context().close();
  });

  it('from /troubleshoot/, clicking answers (plain links) reaches an outcome, and Back returns to the question', async () => {
    const page = await noJsPage();
    await page.goto('/troubleshoot/');
    const firstOptions = await page.locator('.tw-option').count();
    expect(firstOptions).toBeGreaterThan(1);
    // One walk per answer of the first question, each following the last answer at every step.
    for (let start = 0; start < firstOptions; start++) {
      await page.goto('/troubleshoot/');
      await page.locator('.tw-option').nth(start).click();
      const seen: string[] = [];
      for (let step = 0; step < 20; step++) {
        await page.waitForLoadState('domcontentloaded');
        const kind = await page.locator('.tw').getAttribute('data-node-kind');
        seen.push((await page.locator('.tw').getAttribute('data-node')) ?? '?');
        if (kind === 'outcome') break;
        expect(kind).toBe('question');
        const options = page.locator('.tw-option');
        expect(await options.count()).toBeGreaterThan(0);
        await options.last().click();
      }
      const tw = page.locator('.tw');
      expect(await tw.getAttribute('data-node-kind'), `walk ${seen.join(' → ')} never reached an outcome`).toBe('outcome');
      expect((await page.locator('main h1').innerText()).trim()).not.toBe('');
      expect(await page.locator('.tw-outcome h2').allInnerTexts()).toEqual(expect.arrayContaining(['Diagnosis', 'Fix']));
      expect(await page.locator('.tw-outcome .tw-links a[href^="/"]').count()).toBeGreaterThan(0);

      // Back and Start over are plain links too.
      const outcome = await tw.getAttribute('data-node');
      await page.locator('.tw-back').click();
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('.tw').getAttribute('data-node-kind')).toBe('question');
      expect(await page.locator('.tw').getAttribute('data-node')).not.toBe(outcome);
    }
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('every question and outcome of every tree is reachable from /troubleshoot/ by following answer links and tree-start links', async () => {
    const page = await noJsPage();
    const expected = new Set(TREES.flatMap((t) => [...t.questions, ...t.outcomes].map((n) => n.id)));
    const reached = new Set<string>();
    const queue = ['/troubleshoot/'];
    const visited = new Set<string>();
    while (queue.length) {
      const url = queue.shift() as string;
      const path = new URL(url, baseURL).pathname;
      if (visited.has(path)) continue;
      visited.add(path);
      const response = await page.request.get(new URL(url, baseURL).href);
      expect(response.status(), url).toBe(200);
      const html = await response.text();
      const node = /class="tw"[^>]*data-node="([^"]+)"/.exec(html)?.[1] ?? /data-node="([^"]+)"/.exec(html)?.[1];
      expect(node, `${url} has no tree node`).toBeDefined();
      reached.add(node as string);
      for (const m of html.matchAll(/<a class="tw-option" href="([^"]+)"/g)) queue.push(m[1]!.replace(/&amp;/g, '&'));
      // A sub-tree's own first question (e.g. "Which error does the failing call return?") is its start page, linked from every page of it.
      for (const m of html.matchAll(/<p class="tw-context">[^]*?<a href="(\/troubleshoot\/[a-z0-9-]+\/)"/g)) queue.push(m[1]!);
    }
    const missing = [...expected].filter((id) => !reached.has(id));
    expect(missing, `not reachable by links from /troubleshoot/: ${missing.join(', ')}`).toEqual([]);
    await page.context().close();
  });

  it('the calculator page explains it needs JavaScript and shows the full price table and the formulas', async () => {
    const page = await noJsPage();
    await page.goto('/calculator/');
    expect(await page.locator('.calc-noscript').isVisible()).toBe(true);
    expect(await page.locator('.calc-noscript').innerText()).toMatch(/JavaScript/);

    const table = page.locator('#prices ~ .table-scroll table, #prices ~ * table').first();
    expect(await table.isVisible()).toBe(true);
    const rows = table.locator('tbody tr');
    const names = (await rows.locator('th').allInnerTexts()).map((t) => t.trim());
    for (const m of MODELS) {
      expect(
        names.some((n) => n === m.name || n.startsWith(`${m.name} (`)),
        `${m.name} missing from the price table`,
      ).toBe(true);
    }
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
      expect(cells.length, `row ${names[i]}`).toBeGreaterThanOrEqual(5);
      for (const c of cells.slice(0, 5)) expect(c, `row ${names[i]}`).toMatch(/^\$\d/);
    }

    expect(await page.locator('#formulas').isVisible()).toBe(true);
    const formulas = await page.locator('.calc-formulas li').allInnerTexts();
    expect(formulas.length).toBeGreaterThanOrEqual(6);
    const all = formulas.join('\n');
    for (const term of ['Cache writes', 'Cache reads', 'Batch', 'Break-even']) expect(all).toContain(term);
    expect(await page.locator('main').innerText()).not.toMatch(/\bNaN\b|\bundefined\b|Infinity/);
    await page.context().close();
  });

  it('/search/ says search needs JavaScript and offers the ways in that work without it', async () => {
    const page = await noJsPage();
    await page.goto('/search/');
    const note = page.locator('main').getByText(/needs JavaScript/);
    expect(await note.isVisible()).toBe(true);
    for (const href of ['/errors/', '/troubleshoot/']) expect(await page.locator(`main a[href="${href}"]`).first().isVisible()).toBe(true);
    // The header's search button is replaced by a plain link on every page.
    await page.goto('/guide/latency/');
    const headerLink = page.locator('header a[href="/search/"]');
    expect(await headerLink.isVisible()).toBe(true);
    expect(await headerLink.innerText()).toMatch(/JavaScript/);
    await page.context().close();
  });

  it('/errors/ lists every error entry, and the links open the entries', async () => {
    const page = await noJsPage();
    await page.goto('/errors/');
    expect((await page.locator('main h1').innerText()).trim()).toBe('Error reference');
    const hrefs = await page.locator('main a[href^="/errors/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const listed = new Set(hrefs.map((h) => /^\/errors\/([a-z0-9-]+)\/$/.exec(h ?? '')?.[1]).filter(Boolean));
    expect([...listed].sort()).toEqual(ERROR_IDS);
    const first = page.locator('main ul a[href^="/errors/"]').first();
    expect(await first.isVisible()).toBe(true);
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/\/errors\/[a-z0-9-]+\/$/);
    expect((await page.locator('main h1').innerText()).trim()).toBe(title);
    await page.context().close();
  });
});
