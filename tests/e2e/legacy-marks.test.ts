// Legacy-only error pages (src/lib/error-legacy.ts): an error only older models give says so at the top and in the index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('legacy marks on error pages', () => {
  it('the Sonnet 4.x long-context beta page is marked legacy, names its models with their status, and is axe-clean in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPage(browser, { colorScheme });
      await page.goto('/errors/long-context-unavailable/');
      expect(await page.locator('[data-legacy="true"]').innerText()).toBe('Legacy models only');
      expect(await page.locator('.error-legacy').innerText()).toMatch(/^Legacy: this error applies only to Claude Sonnet 4\.5 \(\w[\w ]*\), Claude Sonnet 4\.6 \(legacy\), Claude Opus 4\.6 \(legacy\)\./);
      await checkA11y(page, `legacy error page (${colorScheme})`);
      await page.context().close();
    }
  });
  it('the index marks it, and only pages with a legacy list', async () => {
    const page = await newPage(browser);
    await page.goto('/errors/');
    const marked = page.locator('li', { hasText: 'legacy models only' });
    expect(await marked.count()).toBe(2);
    expect(await marked.first().locator('a').getAttribute('href')).toBe('/errors/long-context-unavailable/');
    await page.context().close();
  });
});
