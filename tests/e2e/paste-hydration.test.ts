// The home page's paste box hydrates on `client:visible`: on a slow link a reader can scroll to it and paste before
// its JavaScript arrives. What they typed into the server-rendered textarea must survive hydration and be classified
// (it used to be wiped: the island started from an empty string). The island's JS is held back with page.route so
// the text goes in before hydration, every time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newPage, openBrowser } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OVERLOADED = 'litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

describe('text pasted before the paste box hydrates', () => {
  for (const [path, box] of [
    ['/', '.home-paste'],
    ['/errors/', 'main'],
  ] as const) {
    it(`on ${path}: survives hydration and is classified`, async () => {
      const page = await newPage(browser);
      const island = page.locator(`${box} astro-island:has(.paste-box)`).first();
      let held = 0;
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      // Hold the island's component module (/_astro/PasteBox.<hash>.js) until the text is in.
      await page.route(/\/_astro\/PasteBox\.[\w-]+\.js$/, async (route) => {
        held++;
        await released;
        await route.continue();
      });
      await page.goto(path);
      expect(await island.getAttribute('component-url')).toMatch(/\/_astro\/PasteBox\.[\w-]+\.js$/);
      await island.scrollIntoViewIfNeeded();
      const input = island.locator('textarea');
      await input.fill(OVERLOADED);
      // Not hydrated yet: the text sits in the server-rendered textarea.
      expect(await island.getAttribute('ssr')).not.toBeNull();
      release();
      await page.locator(`${box} astro-island:not([ssr]):has(.paste-box)`).first().waitFor({ state: 'attached' });
      expect(held).toBe(1);
      expect(await input.inputValue()).toBe(OVERLOADED);
      const match = island.locator('[data-candidate][data-error-id="overloaded"]').first();
      await match.waitFor({ timeout: 10_000 });
      expect(await match.locator('.fix__facts').innerText()).toMatch(/HTTP 529, overloaded_error/);
      expect(page.errors).toEqual([]);
    });
  }
});

describe('text pasted into /search/ before it hydrates', () => {
  it('survives hydration and is classified', async () => {
    const page = await newPage(browser);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route(/\/_astro\/SearchPage\.[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto('/search/');
    const input = page.locator('#search-input');
    await input.fill(OVERLOADED);
    release();
    await page.locator('astro-island:not([ssr]):has(#search-input)').waitFor({ state: 'attached' });
    expect(await input.inputValue()).toBe(OVERLOADED);
    await page.locator('[data-candidate][data-error-id="overloaded"]').first().waitFor({ timeout: 10_000 });
    expect(page.errors).toEqual([]);
  });
});
