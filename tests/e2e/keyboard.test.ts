// Issue 9, part 4 (keyboard paths): everything the islands and the search do, done with the keyboard only (Tab,
// Shift+Tab, Enter, arrow keys, typing; no mouse, no element.click()). Every element the keyboard lands on must show a
// visible focus indicator: a non-`none` outline or a visible box-shadow, on the element or (for widgets that draw the
// ring around a card, like Pagefind's results) on one of its three nearest ancestors. Containers that receive focus
// programmatically (the skip-link target `main`, the heading the tree walker moves focus to) are announced, not
// operated, and are exempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newPage, openBrowser } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Focus {
  /** e.g. `a.tw-option "The bill or the token spend jumped"` */
  label: string;
  /** A visible focus ring on the element or a near ancestor. */
  visible: boolean;
  /** Focus is on a programmatic target (body, tabindex=-1 container or heading): no ring required. */
  programmatic: boolean;
}

/** Where focus is (through shadow roots) and whether it is visible. */
async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { label: '(none)', visible: false, programmatic: true };
    const shows = (node: Element) => {
      const cs = getComputedStyle(node);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(cs.outlineColor);
      const shadow =
        cs.boxShadow !== 'none' && !/^rgba\(\d+, \d+, \d+, 0\)/.test(cs.boxShadow) && /(?:^|\s)[1-9]\d*(?:\.\d+)?px/.test(cs.boxShadow);
      return outline || shadow;
    };
    let visible = false;
    let node: Element | null = el;
    for (let i = 0; i < 4 && node && !visible; i++, node = node.parentElement) visible = shows(node);
    const tabindex = el.getAttribute('tabindex');
    const programmatic = el === document.body || (tabindex === '-1' && !el.matches('a[href], button, input, select, textarea'));
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
    return { label: `${el.tagName.toLowerCase()}${cls} "${text}"`, visible, programmatic };
  });
}

/** Asserts the focused element shows a focus ring (waiting out CSS transitions). */
async function expectVisibleFocus(page: Page): Promise<Focus> {
  let last = await focus(page);
  await expect
    .poll(async () => {
      last = await focus(page);
      return last.visible || last.programmatic;
    }, { timeout: 2000, interval: 100 })
    .toBe(true)
    .catch(() => {
      throw new Error(`no visible focus indicator on ${last.label}`);
    });
  return last;
}

/** Presses Tab (or Shift+Tab) and checks the focus ring wherever it lands. */
async function tab(page: Page, back = false): Promise<Focus> {
  await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  return expectVisibleFocus(page);
}

/** Tabs forward until the focused element matches `selector`, checking the focus ring at every stop. */
async function tabTo(page: Page, selector: string, max = 80): Promise<Focus> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    const f = await tab(page);
    stops.push(f.label);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return f;
  }
  throw new Error(`Tab never reached ${selector}; stops: ${stops.slice(-10).join(' | ')}`);
}

const activeMatches = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
const islandHydrated = (page: Page, selector: string) =>
  page.waitForFunction((s) => {
    const island = document.querySelector(s)?.closest('astro-island');
    return !!island && !island.hasAttribute('ssr');
  }, selector);

describe('keyboard only', () => {
  it('the skip link is the first stop, shows itself, and moves focus to the main content', async () => {
    const page = await newPage(browser);
    await page.goto('/guide/latency/');
    const skip = await tab(page);
    expect(skip.label).toMatch(/^a\.skip-link/);
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0, 'skip link not on screen when focused').toBe(true);
    await page.keyboard.press('Enter');
    expect(await activeMatches(page, 'main#main-content')).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('#main-content');
    // The next Tab continues inside the main content, not back in the header or sidebar.
    await tab(page);
    expect(await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))).toBe(true);
    // And Shift+Tab leaves it again with a visible ring.
    await tab(page, true);
    await tab(page, true);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('walks a decision tree to an outcome with Tab and Enter, then goes Back and Starts over', async () => {
    const page = await newPage(browser);
    await page.goto('/troubleshoot/');
    await islandHydrated(page, '.tw');
    const start = await page.locator('.tw').getAttribute('data-node');
    const walked: string[] = [start ?? '?'];
    for (let step = 0; step < 15; step++) {
      if ((await page.locator('.tw').getAttribute('data-node-kind')) === 'outcome') break;
      const before = await page.locator('.tw').getAttribute('data-node');
      const h1 = await page.locator('main h1').innerText();
      await tabTo(page, 'a.tw-option');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.tw').getAttribute('data-node')).not.toBe(before);
      walked.push((await page.locator('.tw').getAttribute('data-node')) ?? '?');
      // The island moved to the next node in place: heading, URL and focus follow.
      await expect.poll(() => page.locator('main h1').innerText()).not.toBe(h1);
      expect(page.url()).toMatch(/\/troubleshoot\/.*\?a=/);
      await expectVisibleFocus(page);
    }
    expect(await page.locator('.tw').getAttribute('data-node-kind'), `walk ${walked.join(' → ')}`).toBe('outcome');
    expect(await page.locator('.tw-outcome').isVisible()).toBe(true);
    const outcomeUrl = page.url();

    await tabTo(page, 'a.tw-back');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tw').getAttribute('data-node')).toBe(walked[walked.length - 2]);
    expect(await page.locator('.tw').getAttribute('data-node-kind')).toBe('question');
    expect(page.url()).not.toBe(outcomeUrl);

    await tabTo(page, 'a.tw-restart');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tw').getAttribute('data-node')).toBe(start);
    expect(new URL(page.url()).pathname).toBe('/troubleshoot/');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('changes calculator fields by typing and with arrow keys, and the results follow', async () => {
    const page = await newPage(browser);
    await page.goto('/calculator/');
    await islandHydrated(page, '.calc');
    await expect.poll(() => page.locator('.calc').getAttribute('data-ready')).toBe('true');
    const summary = page.locator('.calc-summary');
    const table = page.locator('.calc-table tbody');

    // A token-count field: select its text, type a new number, Tab away.
    await tabTo(page, '.calc input[type="text"]');
    const before = { summary: await summary.innerText(), table: await table.innerText() };
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('54321');
    await expect.poll(() => table.innerText()).not.toBe(before.table);
    await tab(page);
    await expect.poll(() => page.evaluate(() => location.search)).toContain('54321');
    expect(await summary.innerText()).not.toMatch(/NaN|Infinity|undefined/);

    // A bad value is reported next to the field, and the field is marked invalid.
    await tab(page, true);
    expect(await activeMatches(page, '.calc input[type="text"]')).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('12x'); // thousands separators (1,200) are valid since the calculator reads them
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.locator('.calc .calc-error').first().isVisible()).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2000');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe(null);

    // A radio group (cache lifetime): the arrow keys move the choice and the costs change.
    await tabTo(page, '.calc input[type="radio"]');
    const radio = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    const tableBefore = await table.innerText();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value)).not.toBe(radio);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await expectVisibleFocus(page);
    await expect.poll(() => table.innerText()).not.toBe(tableBefore);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('paste box: focus it, type an error, Tab to the link and open the fix page', async () => {
    const page = await newPage(browser);
    await page.goto('/errors/');
    await islandHydrated(page, '.paste-box');
    await tabTo(page, 'textarea.paste-box__input');
    await page.keyboard.type('Error code: 400 - prompt is too long: 219898 tokens > 200000 maximum');
    const match = page.locator('.paste-box [data-candidate]').first();
    await expect.poll(() => match.getAttribute('data-error-id')).toBe('prompt-too-long');
    expect(await match.innerText()).toMatch(/19,898 tokens/);
    await tabTo(page, '.paste-box__result a', 5);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href).toBe('/errors/prompt-too-long/');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/errors\/prompt-too-long\/$/);
    expect((await page.locator('main h1').innerText()).trim()).not.toBe('');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('header search: "/" opens it, type, ArrowDown to a result, Enter opens the page', async () => {
    const page = await newPage(browser);
    await page.goto('/guide/latency/');
    await page.keyboard.press('/');
    await expect.poll(() => activeMatches(page, 'pagefind-modal input, input[type="search"]'), { timeout: 10_000 }).toBe(true);
    await expectVisibleFocus(page);
    await page.keyboard.type('rate limits');
    await expect.poll(() => page.locator('pagefind-modal .pf-result-link').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeMatches(page, 'pagefind-modal a[href]')).toBe(true);
    const result = await expectVisibleFocus(page);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href, `focused ${result.label}`).toMatch(/^\//);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === href || url.pathname === new URL(href!, url).pathname);
    expect(new URL(page.url()).pathname).not.toBe('/guide/latency/');
    expect((await page.locator('main h1').innerText()).trim()).not.toBe('');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
