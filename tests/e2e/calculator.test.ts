// The cost calculator on /calculator/ (src/islands/Calculator.tsx). Expected figures are computed with the same
// library the island uses, over the full catalogue, so a wrong price or a rendering slip both fail.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser, type TestPage } from './support/browser.ts';
import { catalogueIndex as ix, MODEL_IDS } from '../../src/lib/catalogue.ts';
import { modelCost, rateLimitHeadroom, routingMix } from '../../src/lib/calculator.ts';
import { DEFAULT_VALUES, type CalcValues } from '../../src/lib/calculator-state.ts';
import { formatUsd } from '../../src/lib/format.ts';

const URL = '/calculator/';
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path = URL, options: Parameters<typeof newPage>[1] = {}): Promise<TestPage> {
  const page = await newPage(browser, options);
  await page.goto(path);
  await page.locator('.calc').scrollIntoViewIfNeeded();
  await page.locator('.calc[data-ready="true"]').waitFor();
  return page;
}

const monthCell = (page: TestPage, id: string) => page.locator(`tr[data-model="${id}"] td`).nth(1);
const expectedMonth = (id: string, v: Partial<CalcValues>) => formatUsd(modelCost(ix, id, { ...DEFAULT_VALUES, ...v }).month.total);
const text = async (page: TestPage, sel: string) => ((await page.locator(sel).textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('calculator', () => {
  it('without JavaScript shows the full price table and the formulas', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(URL);
    const table = page.locator('table.price-table');
    expect(await table.count()).toBe(1);
    // One row per model, plus Haiku 5.5's second prompt-size tier.
    expect(await table.locator('tbody tr').count()).toBe(MODEL_IDS.length + 1);
    expect(await text(page, '#formulas + p + ul')).toContain('Break-even');
    expect(await page.locator('.calc-noscript').isVisible()).toBe(true);
    expect(await page.locator('.calc-noscript').innerText()).toMatch(/needs JavaScript/);
    await page.context().close();
  });

  it('shows the default workload priced from the catalogue', async () => {
    const page = await open();
    for (const id of DEFAULT_VALUES.models) expect((await monthCell(page, id).textContent())?.trim()).toBe(expectedMonth(id, {}));
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/NaN|Infinity|undefined/);
    // Rate-limit headroom from the old-scheme tables.
    const h = rateLimitHeadroom(ix, 'sonnet-4-6', DEFAULT_VALUES)!;
    expect(await text(page, '[data-cell="headroom"]')).toContain(`Claude Sonnet 4.6: 6.9 requests`);
    expect(await text(page, '[data-cell="headroom"]')).toContain(`Fits ${h.lowestFit}.`);
    // The no-JavaScript notice goes once the calculator runs.
    expect(await page.locator('.calc-noscript').isVisible()).toBe(false);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('typing into fields updates the numbers and the URL', async () => {
    const page = await open();
    await page.getByLabel('Uncached input tokens').fill('1000');
    await page.getByLabel('Output tokens').fill('250');
    await page.getByLabel('Output tokens').press('Tab');
    await expect.poll(() => monthCell(page, 'sonnet-4-6').textContent()).toBe(expectedMonth('sonnet-4-6', { input: 1000, output: 250 }));
    expect(page.url()).toContain('input=1000');
    expect(page.url()).toContain('output=250');
    await page.context().close();
  });

  it('switching models adds and removes rows, sorted cheapest first', async () => {
    const page = await open();
    await page.getByRole('checkbox', { name: 'Claude Opus 5.5' }).check();
    await page.getByRole('checkbox', { name: 'Claude Haiku 4.5' }).uncheck();
    await expect.poll(() => page.locator('tr[data-model]').count()).toBe(3);
    expect(await page.locator('tr[data-model="haiku-4-5"]').count()).toBe(0);
    expect((await monthCell(page, 'opus-5-5').textContent())?.trim()).toBe(expectedMonth('opus-5-5', {}));
    const order = await page.locator('tr[data-model]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')));
    const totals = order.map((id) => modelCost(ix, id!, DEFAULT_VALUES).month.total);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(new globalThis.URL(page.url()).searchParams.get('models')).toBe('opus-4-7,sonnet-4-6,opus-5-5');
    await page.context().close();
  });

  it('the "every model" link compares all available models side by side, with a bar each', async () => {
    const page = await open();
    await page.getByRole('link', { name: 'every model still available on the Claude API' }).click();
    await page.locator('.calc[data-ready="true"]').waitFor();
    const available = ix.models.filter((m) => m.status.value !== 'retired-api');
    await expect.poll(() => page.locator('tr[data-model]').count()).toBe(available.length);
    expect(await page.locator('svg.calc-chart rect').count()).toBe(available.length);
    await page.context().close();
  });

  it('Batch halves the bill of the share sent through it', async () => {
    const page = await open();
    const before = await monthCell(page, 'opus-4-7').textContent();
    await page.getByLabel('Share through the Batch API (0–1)').fill('1');
    await page.getByLabel('Share through the Batch API (0–1)').press('Enter');
    await expect.poll(() => monthCell(page, 'opus-4-7').textContent()).toBe(expectedMonth('opus-4-7', { batch: 1 }));
    expect(before?.trim()).toBe(expectedMonth('opus-4-7', {}));
    const full = modelCost(ix, 'opus-4-7', DEFAULT_VALUES).month.total;
    const batched = modelCost(ix, 'opus-4-7', { ...DEFAULT_VALUES, batch: 1 }).month.total;
    expect(batched).toBeCloseTo(full / 2, 9);
    expect(page.url()).toContain('batch=1');
    await page.context().close();
  });

  it('a shared URL reproduces the numbers; back and forward step through changes', async () => {
    const shared =
      '/calculator/?models=opus-4-7,sonnet-4-6,haiku-4-5&input=3000&cached=20000&output=800&hit=0.8&ttl=1h&perDay=2500&batch=0.25&geo=us&mix=sonnet-4-6:0.7,opus-4-7:0.3';
    const v: Partial<CalcValues> = { input: 3000, cached: 20000, output: 800, hit: 0.8, ttl: '1h', perDay: 2500, batch: 0.25, geo: 'us' };
    const page = await open(shared);
    // Haiku 4.5 rejects US-only inference: its row says so instead of showing a number.
    expect(await text(page, 'tr[data-model="haiku-4-5"] td')).toMatch(/does not accept inference_geo "us"/);
    for (const id of ['opus-4-7', 'sonnet-4-6']) expect((await monthCell(page, id).textContent())?.trim()).toBe(expectedMonth(id, v));
    expect(await page.getByLabel('Cacheable prefix tokens').inputValue()).toBe('20000');
    expect(await page.getByRole('radio', { name: '1 hour' }).isChecked()).toBe(true);
    const mix = routingMix(ix, [{ model: 'sonnet-4-6', share: 0.7 }, { model: 'opus-4-7', share: 0.3 }], { ...DEFAULT_VALUES, ...v });
    expect(await text(page, '[data-cell="mix"]')).toContain(`70% Claude Sonnet 4.6, 30% Claude Opus 4.7: ${formatUsd(mix.total)} a month`);

    await page.getByLabel('Cacheable prefix tokens').fill('5000');
    await page.getByLabel('Cacheable prefix tokens').press('Tab');
    await expect.poll(() => page.url()).toContain('cached=5000');
    await page.goBack();
    await expect.poll(() => page.getByLabel('Cacheable prefix tokens').inputValue()).toBe('20000');
    expect((await monthCell(page, 'opus-4-7').textContent())?.trim()).toBe(expectedMonth('opus-4-7', v));
    await page.goForward();
    await expect.poll(() => page.getByLabel('Cacheable prefix tokens').inputValue()).toBe('5000');
    await page.context().close();
  });

  it('exports the comparison as CSV', async () => {
    const page = await open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the comparison as CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('claude-cost-comparison.csv');
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^model,name,requests_per_month,cost_per_request_usd,/);
    expect(lines).toHaveLength(1 + DEFAULT_VALUES.models.length);
    const haiku = lines.find((l) => l.startsWith('haiku-4-5,'))!;
    const total = Number(haiku.split(',')[8]);
    expect(total).toBeCloseTo(modelCost(ix, 'haiku-4-5', DEFAULT_VALUES).month.total, 4);
    await page.context().close();
  });

  it('presets fill the form', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Nightly batch summarisation' }).click();
    await expect.poll(() => page.getByLabel('Share through the Batch API (0–1)').inputValue()).toBe('1');
    expect(page.url()).toContain('batch=1');
    await page.context().close();
  });

  it('bad input gets an inline message, never NaN or a blank result', async () => {
    const page = await open();
    for (const [label, value, message] of [
      ['Uncached input tokens', '1,200', /without thousands separators: 1200/],
      ['Output tokens', '-5', /Must be 0 or more/],
      ['Cacheable prefix tokens', '1e309', /too large/],
      ['Cache hit rate (0–1)', 'abc', /using digits/],
      ['Requests per day', '', /Enter a number of requests/],
    ] as const) {
      const field = page.getByLabel(label);
      await field.fill(value);
      await field.press('Tab');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const errorId = describedBy.split(' ').find((id) => id.endsWith('-e'))!;
      expect(await page.locator(`#${errorId}`).textContent()).toMatch(message);
    }
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/NaN|Infinity/);
    expect(await text(page, '.calc-summary')).toMatch(/Fix the marked fields.*Cheapest: .* at \$/);
    await checkA11y(page, 'calculator with errors');
    await page.context().close();
  });

  it('is axe-clean, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(URL, { colorScheme });
      await checkA11y(page, `calculator (${colorScheme})`);
      await page.context().close();
    }
    // Phone width: the page itself must not scroll sideways (wide tables scroll inside their own region).
    const phone = await open(URL, { width: 375 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
    await phone.context().close();
  });
});

// The /models/ page has its own tests: tests/e2e/models.test.ts.
