import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, openBrowser } from './support/browser.ts';
// @ts-ignore: plain ESM helpers shared with `npm run bench`
import { measurePage, formatKB, isSharedRuntime } from '../../scripts/measure.mjs';
// @ts-ignore
import { BUDGETS, PAGE_TYPES, ISLAND_BUDGETS, USAGE_WORKER_BUDGET } from '../../scripts/page-types.mjs';
import { readdirSync, readFileSync } from 'node:fs';
// @ts-ignore
import { gz } from '../../scripts/measure.mjs';

// Byte budgets are deterministic (same build, same bytes), so they are enforced here; times are only printed by the bench.
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

interface Measured {
  html: number;
  css: number;
  js: number;
  files: { pathname: string; type: string; gzip: number }[];
}

describe('byte budgets (gzip -9 of what loads before any interaction)', () => {
  for (const { type, path } of PAGE_TYPES() as { type: string; path: string }[]) {
    it(`${type} ${path}`, async () => {
      const m = (await measurePage(browser, baseURL, path)) as Measured;
      const detail = m.files.map((f) => `${f.type} ${f.pathname} ${formatKB(f.gzip)}`).join('\n');
      expect(m.css, `CSS over ${formatKB(BUDGETS.css)} on ${path}:\n${detail}`).toBeLessThanOrEqual(BUDGETS.css);
      const budget = (BUDGETS as Record<string, { js?: number }>)[type]?.js;
      if (budget !== undefined) expect(m.js, `JS over ${formatKB(budget)} on ${path}:\n${detail}`).toBeLessThanOrEqual(budget);
      // No page ships the search UI before it is asked for.
      expect(m.files.some((f) => f.pathname.startsWith('/pagefind/pagefind-component-ui'))).toBe(false);
    });
  }
});

describe('island budgets (everything the island loads once used, XState included; the Preact runtime all islands share excluded)', () => {
  const cases = [
    { island: 'tree walker', path: '/troubleshoot/', budget: 20 * 1024, selector: 'a.tw-option', own: /use-machine/ },
    { island: 'calculator', path: '/calculator/', budget: 15 * 1024, selector: '#calc-perDay, input', own: /Calculator/ },
    // The paste box and the search page hydrate with the rules; the classifier's weights load on the first paste (below).
    { island: 'paste box', path: '/errors/', budget: 16 * 1024, selector: 'textarea.paste-box__input', own: /PasteBox/ },
    { island: 'search page', path: '/search/', budget: 16 * 1024, selector: '#search-input', own: /SearchPage/ },
    { island: 'usage', path: '/usage/', budget: ISLAND_BUDGETS.UsageTool as number, selector: '.usage-pick', own: /UsageTool/ },
  ];
  for (const c of cases) {
    it(`${c.island} ≤ ${formatKB(c.budget)} after the first interaction`, async () => {
      const m = (await measurePage(browser, baseURL, c.path, {
        interact: async (page: import('playwright-core').Page) => {
          await page.locator(c.selector).first().hover();
          await page.locator(c.selector).first().focus();
        },
      })) as Measured;
      // The usage worker has its own budget (below): it runs off the main thread and starts with the page.
      const own = m.files.filter((f) => f.type === 'js' && f.pathname.startsWith('/_astro/') && !isSharedRuntime(f.pathname) && !f.pathname.includes('usage.worker'));
      const bytes = own.reduce((sum, f) => sum + f.gzip, 0);
      const detail = m.files.filter((f) => f.type === 'js').map((f) => `${f.pathname} ${formatKB(f.gzip)}${isSharedRuntime(f.pathname) ? ' (shared)' : ''}`).join('\n');
      expect(own.some((f) => c.own.test(f.pathname)), detail).toBe(true);
      expect(own.some((f) => f.pathname.includes('classifier-weights')), `weights loaded before a paste:\n${detail}`).toBe(false);
      expect(bytes, `${c.island} over budget:\n${detail}`).toBeLessThanOrEqual(c.budget);
    });
  }
});

describe('classifier weights (trained at build time, loaded on the first paste)', () => {
  it('load only once something is pasted, and stay within 40 kB gzip', async () => {
    const m = (await measurePage(browser, baseURL, '/errors/', {
      interact: async (page: import('playwright-core').Page) => {
        await page.locator('textarea.paste-box__input').fill('prompt caching never hits');
        await page.locator('.paste-box [data-candidate]').first().waitFor({ timeout: 10_000 });
      },
    })) as Measured;
    const weights = m.files.filter((f) => f.pathname.includes('classifier-weights'));
    expect(weights.length).toBe(1);
    expect(weights[0]!.gzip).toBeLessThanOrEqual(40 * 1024);
  });
});

describe('the /usage/ worker', () => {
  it(`is at most ${formatKB(USAGE_WORKER_BUDGET)} (gzip) and comes with the page, once, so reading a file fetches nothing`, async () => {
    const worker = readdirSync('dist/_astro').filter((f) => /^usage\.worker[-.][\w-]+\.js$/.test(f));
    expect(worker.length).toBe(1);
    const bytes = gz(readFileSync(`dist/_astro/${worker[0]}`)) as number;
    expect(bytes, `worker ${formatKB(bytes)}`).toBeLessThanOrEqual(USAGE_WORKER_BUDGET);
    const m = (await measurePage(browser, baseURL, '/usage/')) as Measured;
    expect(m.files.filter((f) => f.pathname.includes('usage.worker')).length).toBe(1);
  });
});
