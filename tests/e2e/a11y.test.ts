import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser } from './support/browser.ts';
import { sitemapPaths } from './support/site.ts';

// axe (WCAG 2.2 A/AA) on every URL in the sitemap, in both themes, as Starlight does for its docs.
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

const paths = sitemapPaths();

describe('accessibility of every page', () => {
  it('the sitemap lists the whole site', () => {
    expect(paths.length).toBeGreaterThan(60);
  });
  for (const colorScheme of ['light', 'dark'] as const) {
    // The two themes run side by side, one tab each: on two cores that takes ~40% less time than in turn.
    it.concurrent(`has zero axe violations on all ${paths.length} sitemap URLs (${colorScheme})`, async () => {
      const page = await newPage(browser, { colorScheme });
      const failures: string[] = [];
      for (const path of paths) {
        await page.goto(path, { waitUntil: 'load' });
        try {
          await checkA11y(page, `${path} (${colorScheme})`);
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
      expect(failures).toEqual([]);
    }, 900_000);
  }
});
