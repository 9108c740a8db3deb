// /models/, /models/<key>/, /changes/ and /changes.xml as a reader meets them: the overview fits at 1280 px, each
// model has its page, filters work without JavaScript, the feed parses, and no page speaks of a past date as future.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser } from './support/browser.ts';
import { builtHtml } from './support/site.ts';
import { BUILD_DATE, MODEL_IDS, MODELS } from '../../src/lib/catalogue.ts';
import { CHANGES, changesFor } from '../../src/lib/changes.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('/models/', () => {
  it('opens on a compact overview whose columns all fit at 1280 px, in both themes, axe-clean', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPage(browser, { colorScheme, width: 1280 });
      await page.goto('/models/');
      for (const id of MODEL_IDS) expect(await page.locator(`table.overview tr#${id}`).count(), id).toBe(1);
      // Every overview table is as wide as its scroll region: nothing hides behind a horizontal scroll.
      const overflow = await page.$$eval('table.overview', (ts) =>
        ts.map((t) => ({ table: t.getBoundingClientRect().width, box: t.parentElement!.getBoundingClientRect().width })),
      );
      for (const o of overflow) expect(o.table).toBeLessThanOrEqual(o.box + 1);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(15_000);
      expect(await page.locator('#sources + p + ul li').count()).toBeGreaterThan(20);
      await checkA11y(page, `models (${colorScheme})`);
      await page.context().close();
    }
  });

  it('says what the dates say: Sonnet 4.5 retired, Opus 4.5 deprecated with its date, readable names for other figures', async () => {
    const page = await newPage(browser);
    await page.goto('/models/');
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await page.locator('tr#sonnet-4-5').textContent()).toMatch(/Retired on the Claude API on 2026-11-30/);
    if (BUILD_DATE < '2027-01-22') expect(await page.locator('tr#opus-4-5').textContent()).toMatch(/Deprecated: retires 2027-01-22/);
    expect(main).not.toMatch(/multipliers\.cacheWrite5m|<Fact|reference facts/);
    expect(main).toMatch(/Cache read, Sonnet 5\.5/);
    expect(main).toMatch(/claude-mythos-preview/);
    await page.context().close();
  });

  it('a price whose sources disagree shows its range next to the figure used, on /models/ and the model page', async () => {
    const ranged = MODELS.flatMap((m) => (m.prices.cacheRead.alt?.length ? [{ m, f: m.prices.cacheRead }] : []));
    expect(ranged.map((r) => r.m.id)).toContain('sonnet-5-5');
    const page = await newPage(browser);
    for (const { m, f } of ranged) {
      const low = Math.min(f.value, ...f.alt!).toFixed(2);
      const high = Math.max(f.value, ...f.alt!).toFixed(2);
      await page.goto('/models/');
      expect(await page.locator(`table.overview tr#${m.id}`).textContent()).toContain(`sources give $${low}–$${high}`);
      await page.goto(`/models/${m.id}/`);
      expect(await page.locator('table.model-figures tr', { hasText: 'Cache read' }).first().textContent()).toContain(`sources give $${low}–$${high}`);
    }
    // A confirmed price carries no range.
    await page.goto('/models/');
    expect(await page.locator('table.overview tr#opus-5-5').textContent()).not.toContain('sources give');
    await page.context().close();
  });

  it('links each model row to its own page and to its changes', async () => {
    const page = await newPage(browser);
    await page.goto('/models/');
    await page.locator('tr#sonnet-5-5 th a').click();
    await page.waitForURL('**/models/sonnet-5-5/');
    expect(await page.locator('h1').textContent()).toMatch(/Claude Sonnet 5\.5/);
    const figures = ((await page.locator('table.model-figures').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(figures).toMatch(/Minimum cacheable prompt\s*512 tokens/);
    await checkA11y(page, 'models/sonnet-5-5 (light)');
    const dark = await newPage(browser, { colorScheme: 'dark', width: 375 });
    await dark.goto('/models/opus-4-5/');
    expect(await dark.locator('.model-lifecycle').textContent()).toMatch(BUILD_DATE < '2027-01-22' ? /Deprecated: retires 2027-01-22/ : /Retired/);
    await checkA11y(dark, 'models/opus-4-5 (dark, 375 px)');
    await dark.context().close();
    await page.goto('/models/haiku-5-5/');
    expect(await page.locator('table.model-figures').textContent()).toMatch(/Minimum cacheable prompt\s*unknown/);
    await page.goto('/models/');
    const n = changesFor({ model: 'sonnet-4-5' }).length;
    await page.locator('tr#sonnet-4-5 a[href="/changes/model/sonnet-4-5/"]').click();
    await page.waitForURL('**/changes/model/sonnet-4-5/');
    expect(await page.locator('li.change').count()).toBe(n);
    await checkA11y(page, 'changes for sonnet-4-5');
    await page.context().close();
  });
});

describe('/changes/', () => {
  it('lists every change newest first and filters by kind and model with plain links (no JavaScript)', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/changes/');
    const ids = await page.$$eval('li.change', (els) => els.map((e) => e.id));
    expect(ids).toEqual(CHANGES.map((c) => c.id));
    await page.locator('nav[aria-label="Filter changes"] a', { hasText: 'Retirement' }).click();
    await page.waitForURL('**/changes/kind/retirement/');
    expect(await page.locator('li.change').count()).toBe(changesFor({ kind: 'retirement' }).length);
    expect(await page.locator('nav[aria-label="Filter changes"] a[aria-current="page"]').textContent()).toBe('Retirement');
    await page.locator('nav[aria-label="Filter changes"] a', { hasText: /^Opus 5\.5$/ }).click();
    await page.waitForURL('**/changes/model/opus-5-5/');
    expect(await page.locator('li.change').count()).toBe(changesFor({ model: 'opus-5-5' }).length);
    await page.context().close();
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await newPage(browser, { colorScheme, width: 375 });
      await p.goto('/changes/');
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await checkA11y(p, `changes (${colorScheme}, 375 px)`);
      await p.context().close();
    }
  });

  it('is linked from the footer of every page, /models/ and llms.txt, and the footer states the build date', async () => {
    const page = await newPage(browser);
    await page.goto('/errors/');
    expect(await page.locator('footer a[href="/changes/"]').count()).toBe(1);
    expect(await page.locator('footer time[data-build-date]').getAttribute('datetime')).toBe(BUILD_DATE);
    await page.goto('/models/');
    expect(await page.locator('main a[href="/changes/"]').count()).toBeGreaterThan(0);
    const llms = await (await page.request.get('/llms.txt')).text();
    expect(llms).toMatch(/\/changes\/\)/);
    await page.context().close();
  });

  it('/changes.xml is a valid Atom feed: it parses, and every entry has an id, updated and a link', async () => {
    const page = await newPage(browser);
    const res = await page.request.get('/changes.xml');
    expect(res.headers()['content-type']).toMatch(/xml/);
    const xml = await res.text();
    await page.goto('/models/');
    const parsed = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return { error: doc.getElementsByTagName('parsererror')[0]!.textContent };
      const ns = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
        id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent ?? '',
        updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent ?? '',
        link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
      }));
      return { root: doc.documentElement.namespaceURI, entries };
    }, xml);
    expect(parsed.error).toBeUndefined();
    expect(parsed.root).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.entries!.length).toBe(CHANGES.length);
    for (const e of parsed.entries!) {
      expect(e.id).toMatch(/^tag:/);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(e.link).toMatch(/\/changes\/#/);
    }
    await page.context().close();
  });
});

describe('every built page', () => {
  it('never says a model is deprecated and retires on a date that has passed', () => {
    const past = new RegExp(String.raw`deprecated[^.<]{0,80}?retires(?: on)? (\d{4}-\d{2}-\d{2})`, 'gi');
    const offenders: string[] = [];
    for (const [path, html] of builtHtml()) {
      const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      for (const m of text.matchAll(past)) if (m[1]! <= BUILD_DATE) offenders.push(`${path}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
    // And the retired model is marked retired wherever its status is shown.
    const models = readFileSync('dist/models/index.html', 'utf8');
    expect(models).toMatch(/Retired on the Claude API on 2026-11-30/);
    expect(MODELS.find((m) => m.id === 'sonnet-4-5')!.status.value).toBe('retired-api');
  });
});
