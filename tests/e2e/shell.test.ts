import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser } from './support/browser.ts';
import { sitemapPaths } from './support/site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('site shell', () => {
  // A wide table scrolls inside its own box; nothing else may push the page wider than a phone.
  it('no chapter or page type scrolls sideways at 375 px', async () => {
    const all = sitemapPaths();
    const paths = [
      ...all.filter((p) => /^\/guide\/[a-z0-9-]+\/$/.test(p)),
      ...['/', '/models/', '/models/opus-5-5/', '/changes/', '/calculator/', '/usage/', '/diagnose/', '/errors/', '/errors/refusal/', '/troubleshoot/', '/search/?q=prompt%20caching%20never%20hits'],
    ];
    expect(paths.length).toBeGreaterThan(20);
    const page = await newPage(browser, { width: 375, height: 740 });
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(path, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      if (overflow > 0) wide.push(`${path}: ${overflow}px`);
    }
    expect(wide).toEqual([]);
    await page.context().close();
  });

  it('at 1280 px no table in a chapter, /models/ or the calculator hides columns behind a sideways scroll', async () => {
    const paths = [...sitemapPaths().filter((p) => /^\/guide\/[a-z0-9-]+\/$/.test(p)), '/models/', '/models/sonnet-5-5/', '/calculator/'];
    const page = await newPage(browser, { width: 1280, height: 900 });
    const hidden: string[] = [];
    for (const path of paths) {
      await page.goto(path, { waitUntil: 'load' });
      const boxes = await page.$$eval('.table-scroll', (els) =>
        els.map((e) => ({ table: e.querySelector('table')?.className || e.querySelector('caption')?.textContent || '?', over: e.scrollWidth - e.clientWidth })),
      );
      for (const b of boxes) if (b.over > 1) hidden.push(`${path} ${b.table}: ${b.over}px`);
    }
    expect(hidden).toEqual([]);
    await page.context().close();
  });

  it('home page offers the five ways in and links every chapter', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    const ways = await page.locator('.ways__title').allTextContents();
    expect(ways.map((w) => w.trim())).toEqual(['Read', 'Troubleshoot', 'Calculate', 'Re-price your bill', 'Paste an error']);
    // The paste box is right there on the home page.
    expect(await page.locator('.home-paste textarea').count()).toBe(1);
    const chapterLinks = await page.locator('.groups a[href^="/guide/"]').count();
    expect(chapterLinks).toBe(13);
    expect(page.errors).toEqual([]);
  });

  it('sidebar marks the current chapter, previous/next navigate, the ToC marks the section being read', async () => {
    const page = await newPage(browser);
    await page.goto('/guide/rate-limits/');
    await expect.poll(() => page.locator('#site-nav a[aria-current="page"]').textContent()).toContain('Rate limits');
    const next = page.locator('a[rel="next"]');
    const nextTitle = (await next.locator('.title').textContent())!.trim();
    await next.click();
    await page.waitForURL(/\/guide\/latency\/$/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(nextTitle);

    // Scroll to the third ToC target: it becomes the current entry.
    const third = page.locator('.toc a').nth(3);
    const hash = (await third.getAttribute('href'))!;
    await third.click();
    await page.waitForFunction((h) => location.hash === h, hash);
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe(hash);
    expect(page.errors).toEqual([]);
  });

  it('theme choice applies at once and persists across pages without a flash', async () => {
    const page = await newPage(browser, { colorScheme: 'light' });
    await page.goto('/guide/model-family/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.selectOption('theme-select select', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto('/guide/latency/');
    // The inline head script sets the theme before first paint: check it as soon as the DOM exists.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.inputValue('theme-select select')).toBe('dark');
  });

  it('mobile menu opens the navigation and Escape closes it', async () => {
    const page = await newPage(browser, { width: 375, height: 740 });
    await page.goto('/guide/model-family/');
    const nav = page.locator('#site-nav');
    expect(await nav.isVisible()).toBe(false);
    const button = page.locator('menu-button button');
    await button.click();
    expect(await nav.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    // No horizontal scrolling at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('search loads on demand and finds a phrase from a chapter', async () => {
    const page = await newPage(browser);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/guide/model-family/');
    expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(false);
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal input');
    await input.waitFor();
    await input.fill('Opus 1M');
    const result = page.locator('pagefind-modal a[href*="/guide/model-family/"]').first();
    await result.waitFor({ timeout: 15_000 });
    expect(requested.some((p) => p === '/pagefind/pagefind-component-ui.js')).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('unknown routes get the 404 page with ways back', async () => {
    const page = await newPage(browser);
    const response = await page.goto('/guide/no-such-chapter/');
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toContain('Page not found');
    expect(await page.locator('main a[href="/troubleshoot/"]').count()).toBe(1);
  });

  it('every chapter is also served as Markdown, and llms.txt indexes them', async () => {
    const page = await newPage(browser);
    const md = await page.request.get('/guide/model-family.md');
    expect(md.status()).toBe(200);
    const text = await md.text();
    expect(text.startsWith('# The Claude model family')).toBe(true);
    expect(text).toContain('```');
    const llms = await (await page.request.get('/llms.txt')).text();
    expect(llms.match(/\/guide\/[a-z-]+\.md/g)?.length).toBe(13);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations on home, chapter and 404 pages (${colorScheme})`, async () => {
      const page = await newPage(browser, { colorScheme });
      for (const path of ['/', '/guide/model-family/', '/guide/rate-limits/', '/nope/']) {
        await page.goto(path);
        await checkA11y(page, `${path} (${colorScheme})`);
      }
    });
  }
});
