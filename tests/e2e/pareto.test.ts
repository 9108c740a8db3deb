// The Pareto tool island on /guide/evaluation/ (src/islands/ParetoTool.tsx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser, type TestPage } from './support/browser.ts';

const URL = '/guide/evaluation/';

const GOOD = [
  'model,score,cost,latency',
  'opus-high,0.94,41,9.8',
  'sonnet,0.89,9.6,3.2',
  'sonnet-old-prompt,0.86,9.9,3.4',
  'haiku,0.78,3.1,1.2',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Open the chapter, scroll the tool into view (it hydrates on `client:visible`) and wait for hydration. */
async function openTool(options: Parameters<typeof newPage>[1] = {}): Promise<TestPage> {
  const page = await newPage(browser, options);
  await page.goto(URL);
  await page.locator('astro-island:has(.pareto)').scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr]):has(.pareto)').waitFor({ state: 'attached' });
  return page;
}

function rowFor(page: TestPage, model: string) {
  return page.locator('.pareto__table tbody tr', { has: page.locator(`th:text-is("${model}")`) });
}

describe('Pareto tool', () => {
  it('is server-rendered with a labelled input before any script runs', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(URL);
    const textarea = page.getByLabel(/Eval results as CSV/);
    expect(await textarea.count()).toBe(1);
  });

  it('pasted CSV shows the frontier and names who dominates the rest', async () => {
    const page = await openTool();
    await page.getByLabel(/Eval results as CSV/).fill(GOOD);

    await expect.poll(() => page.locator('.pareto__summary').textContent()).toContain('3 of 4 on the frontier');
    for (const model of ['opus-high', 'sonnet', 'haiku']) {
      expect(await rowFor(page, model).getAttribute('data-frontier')).toBe('true');
      expect(await rowFor(page, model).locator('td').last().textContent()).toBe('Frontier');
    }
    const dominated = rowFor(page, 'sonnet-old-prompt');
    expect(await dominated.getAttribute('data-frontier')).toBe('false');
    expect((await dominated.locator('td').last().textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      'Dominated by sonnet',
    );

    // The scatter plot has one mark per model: circles for the frontier, squares for dominated ones.
    expect(await page.locator('.pareto__chart .pareto__pt--frontier circle').count()).toBe(3);
    expect(await page.locator('.pareto__chart .pareto__pt--dominated rect').count()).toBe(1);
    expect(await page.locator('.pareto__chart title').textContent()).toContain('4 models');
    expect(await page.locator('.pareto__errors').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('bad CSV shows a clear error naming the line, and keeps the good lines', async () => {
    const page = await openTool();
    await page.getByLabel(/Eval results as CSV/).fill('model,score,cost,latency\nsonnet,0.89,9.6,3.2\nhaiku,high,$3.10\n');

    const errors = page.locator('.pareto__errors li');
    await expect.poll(() => errors.count()).toBe(1);
    expect(await errors.first().textContent()).toBe('Line 3: expected 4 values (model,score,cost,latency), found 3.');
    expect(await page.locator('.pareto__error-summary').textContent()).toContain(
      '1 line could not be read and is left out of the analysis',
    );
    expect(await rowFor(page, 'sonnet').count()).toBe(1);
    expect(await rowFor(page, 'haiku').count()).toBe(0);

    await page.getByLabel(/Eval results as CSV/).fill('a,92%,$0.40,1.2');
    await expect.poll(() => errors.first().textContent()).toContain('Line 1: score "92%" is not a plain number');
    expect(await page.locator('.pareto__table').count()).toBe(0);
  });

  it('reads an uploaded CSV file', async () => {
    const page = await openTool();
    await page.getByLabel('Upload a CSV file').setInputFiles({
      name: 'results.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GOOD),
    });
    await expect.poll(() => page.locator('.pareto__summary').textContent()).toContain('3 of 4 on the frontier');
    expect(await page.getByLabel(/Eval results as CSV/).inputValue()).toBe(GOOD);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations with results and with an error showing (${colorScheme})`, async () => {
      const page = await openTool({ colorScheme });
      await page.getByRole('button', { name: 'Load example' }).click();
      await expect.poll(() => page.locator('.pareto__table tbody tr').count()).toBeGreaterThan(3);
      await checkA11y(page, `${URL} (${colorScheme}, results)`);
      await page.getByLabel(/Eval results as CSV/).fill('model,score,cost,latency\nx,1,2');
      await expect.poll(() => page.locator('.pareto__errors li').count()).toBe(1);
      await checkA11y(page, `${URL} (${colorScheme}, error)`);
      expect(page.errors).toEqual([]);
    }, 180_000);
  }

  it('fits a phone screen without sideways scrolling of the page', async () => {
    const page = await openTool({ width: 375, height: 740 });
    await page.getByRole('button', { name: 'Load example' }).click();
    await expect.poll(() => page.locator('.pareto__chart').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
