// The cost calculator on /calculator/ (src/islands/Calculator.tsx). Expected figures are computed with the same
// library the island uses, over the full catalogue, so a wrong price or a rendering slip both fail.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser, type TestPage } from './support/browser.ts';
import { catalogueIndex as ix, MODEL_IDS } from '../../src/lib/catalogue.ts';
import { compareModels, mixVersusSingle, modelCost, rateLimitHeadroom, routingMix } from '../../src/lib/calculator.ts';
import { currentLineup, defaultValues, parseQuery, type CalcValues } from '../../src/lib/calculator-state.ts';
import { formatUsd } from '../../src/lib/format.ts';

const URL = '/calculator/';
const DEFAULT_VALUES = defaultValues(ix);
const CURRENT = new Set(ix.models.filter((m) => m.status.value === 'current').map((m) => m.id));
/** A legacy trio, for the checks that need the old-scheme rate-limit tables. */
const LEGACY = 'models=opus-4-7,sonnet-4-6,haiku-4-5';
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
/** The month cell as the page shows it: a price with other values in its sources gives the range, then the central figure. */
const expectedMonth = (id: string, v: Partial<CalcValues>) => {
  const c = modelCost(ix, id, { ...DEFAULT_VALUES, ...v });
  return c.monthRange ? `${formatUsd(c.monthRange.low)}–${formatUsd(c.monthRange.high)} central ${formatUsd(c.month.total)}` : formatUsd(c.month.total);
};
const centralMonth = (id: string, v: Partial<CalcValues>) => formatUsd(modelCost(ix, id, { ...DEFAULT_VALUES, ...v }).month.total);
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

  it('opens on the current lineup priced from the catalogue, with Fable one click away and legacy models in their group', async () => {
    const page = await open();
    expect(DEFAULT_VALUES.models).toEqual(currentLineup(ix));
    expect(DEFAULT_VALUES.models).toEqual(['opus-5-5', 'sonnet-5-5', 'haiku-5-5']);
    const rows = await page.locator('tr[data-model]').evaluateAll((r) => r.map((x) => x.getAttribute('data-model')));
    expect(rows.sort()).toEqual([...DEFAULT_VALUES.models].sort());
    for (const id of DEFAULT_VALUES.models) expect((await monthCell(page, id).textContent())?.replace(/\s+/g, ' ').trim()).toBe(expectedMonth(id, {}));
    // Sonnet 5.5's cache read has two values in its sources: its month is a range, never one confident figure.
    expect(modelCost(ix, 'sonnet-5-5', DEFAULT_VALUES).monthRange).toBeDefined();
    expect(await monthCell(page, 'sonnet-5-5').textContent()).toMatch(/^\$[\d,.]+–\$[\d,.]+/);
    const cheapest = [...DEFAULT_VALUES.models].sort((a, b) => modelCost(ix, a, DEFAULT_VALUES).month.total - modelCost(ix, b, DEFAULT_VALUES).month.total)[0]!;
    expect(await text(page, '.calc-summary')).toContain(`Cheapest: ${ix.get(cheapest).name} at ${centralMonth(cheapest, {})} a month`);
    const fable = page.getByRole('checkbox', { name: 'Claude Fable 5.2' });
    expect(await fable.isChecked()).toBe(false);
    await fable.check();
    await expect.poll(() => page.locator('tr[data-model="fable-5-2"]').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Claude Haiku 4.5' }).isChecked()).toBe(false);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/NaN|Infinity|undefined/);
    // Current Opus, Sonnet and Haiku have no published per-model limits: the page says so and where to read your own.
    expect(await text(page, '[data-cell="headroom"]')).toContain('Claude Sonnet 5.5: no published per-model limits in our sources');
    expect(await text(page, 'main')).toContain('GET /v1/organizations/rate_limits');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('rate-limit headroom: old-scheme tables for a legacy pool, and "at the limit" at 100%', async () => {
    const page = await open(`/calculator/?${LEGACY}`);
    const h = rateLimitHeadroom(ix, 'sonnet-4-6', DEFAULT_VALUES)!;
    expect(await text(page, '[data-cell="headroom"]')).toContain(`Claude Sonnet 4.6: 6.9 requests`);
    expect(await text(page, '[data-cell="headroom"]')).toContain(`Fits ${h.lowestFit}.`);
    await page.context().close();
    // Haiku 4.5 Tier 1 OTPM is 10,000: 28,800 requests a day of 500 output tokens is exactly 10,000 a minute.
    const at = await open('/calculator/?models=haiku-4-5&input=100&cached=0&output=500&perDay=28800');
    expect(await text(at, '[data-cell="headroom"]')).toMatch(/Tier 1 100%.*Fits Tier 2\. At the limit of Tier 1\./);
    expect(await text(at, '[data-cell="headroom"]')).not.toMatch(/Fits Tier 1\b/);
    await at.context().close();
  });

  it('with JavaScript on, on a phone, no "needs JavaScript" notice is ever in the page', async () => {
    const page = await newPage(browser, { width: 375, height: 740 });
    await page.goto(URL);
    // With scripts on, the notice lives only inside <noscript>, which is never rendered.
    expect(await page.locator('.calc-noscript').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/needs JavaScript/);
    await page.locator('.calc').scrollIntoViewIfNeeded();
    await page.locator('.calc[data-ready="true"]').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/needs JavaScript/);
    await page.context().close();
  });

  it('typing into fields updates the numbers and the URL', async () => {
    const page = await open();
    await page.getByLabel('Uncached input tokens').fill('1000');
    await page.getByLabel('Output tokens').fill('250');
    await page.getByLabel('Output tokens').press('Tab');
    await expect.poll(() => monthCell(page, 'sonnet-5-5').textContent().then((t) => t?.replace(/\s+/g, ' ').trim())).toBe(expectedMonth('sonnet-5-5', { input: 1000, output: 250 }));
    expect(page.url()).toContain('input=1000');
    expect(page.url()).toContain('output=250');
    await page.context().close();
  });

  it('switching models adds and removes rows, sorted cheapest first', async () => {
    const page = await open(`/calculator/?${LEGACY}`);
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
    expect(await page.locator('.calc-bars svg.calc-bar rect').count()).toBe(available.length);
    await page.context().close();
  });

  it('Batch halves the bill of the share sent through it', async () => {
    const page = await open(`/calculator/?${LEGACY}`);
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
    const mix = routingMix(ix, [{ model: 'sonnet-4-6', share: 0.7 }, { model: 'opus-4-7', share: 0.3 }], { ...DEFAULT_VALUES, models: ['opus-4-7', 'sonnet-4-6', 'haiku-4-5'], ...v });
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

  it('exports the comparison as CSV, with the inputs that reproduce it', async () => {
    const page = await open(`/calculator/?${LEGACY}&hit=0.8&ttl=1h&batch=0.5&geo=global&mix=haiku-4-5:0.5,sonnet-4-6:0.5`);
    const values: CalcValues = { ...DEFAULT_VALUES, models: ['opus-4-7', 'sonnet-4-6', 'haiku-4-5'], hit: 0.8, ttl: '1h', batch: 0.5 };
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the comparison as CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('claude-cost-comparison.csv');
    const path = await download.path();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^model,name,requests_per_month,cost_per_request_usd,/);
    expect(lines[0]).toMatch(/,input_tokens,cached_prefix_tokens,output_tokens,cache_hit_rate,cache_ttl,requests_per_day,batch_share,inference_geo,routing_mix,tokens_measured_with,calculator_link$/);
    expect(lines).toHaveLength(1 + 3);
    const haiku = lines.find((l) => l.startsWith('haiku-4-5,'))!;
    const total = Number(haiku.split(',')[8]);
    expect(total).toBeCloseTo(modelCost(ix, 'haiku-4-5', values).month.total, 4);
    expect(haiku).toMatch(/,2000,8000,500,0\.8,1h,10000,0\.5,global,haiku-4-5:0\.5 sonnet-4-6:0\.5,,"http:\/\/127\.0\.0\.1:\d+\/calculator\/\?models=opus-4-7,sonnet-4-6,haiku-4-5&/);
    await page.context().close();
  });

  it('presets fill the form and price current models only', async () => {
    const page = await open(`/calculator/?${LEGACY}`);
    for (const name of ['Classification at volume', 'RAG chat with a cached system prompt', 'Agentic coding', 'Nightly batch summarisation']) {
      await page.getByRole('button', { name }).click();
      await expect.poll(() => new globalThis.URL(page.url()).searchParams.get('models')).not.toBe('opus-4-7,sonnet-4-6,haiku-4-5');
      const models = new globalThis.URL(page.url()).searchParams.get('models')!.split(',');
      expect(models.length, name).toBeGreaterThan(1);
      for (const id of models) expect(CURRENT.has(id), `${name}: ${id}`).toBe(true);
    }
    await expect.poll(() => page.getByLabel('Share through the Batch API (0–1)').inputValue()).toBe('1');
    expect(page.url()).toContain('batch=1');
    await page.context().close();
  });

  it('reads 1,000,000 requests a day as a million, and prices that', async () => {
    const page = await open();
    for (const typed of ['1,000,000', '1 000 000', '1e6']) {
      const field = page.getByLabel('Requests per day');
      await field.fill(typed);
      await field.press('Tab');
      await expect.poll(() => text(page, '.calc-summary')).toContain('30,000,000 requests a month');
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      expect((await monthCell(page, 'haiku-5-5').textContent())?.trim()).toBe(expectedMonth('haiku-5-5', { perDay: 1_000_000 }));
    }
    await page.context().close();
  });

  it('an unknown model id in the mix gets "did you mean"', async () => {
    const page = await open();
    const field = page.getByLabel('Routing mix (optional)');
    await field.fill('haiku-4.5:1');
    await field.press('Tab');
    await expect.poll(() => text(page, '#c-mix-e')).toMatch(/Unknown model "haiku-4\.5"\. Did you mean haiku-4-5/);
    await page.context().close();
  });

  it('"Copy link" copies the address that reproduces the results', async () => {
    const page = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByLabel('Output tokens').fill('321');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => text(page, '.calc-actions [role="status"]')).toMatch(/Link copied/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('output=321');
    await page.context().close();
  });

  it('the formulas read with their spaces', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(URL);
    const formulas = await text(page, '.calc-formulas');
    expect(formulas).not.toMatch(/standard:\d|by\d|is\d/);
    expect(formulas).toMatch(/\(standard: \d/);
    await page.context().close();
  });

  it('every column of the results fits a 1280 px window; at 375 px each model is a card and the page does not scroll sideways', async () => {
    const wide = await open(URL + '?' + 'models=' + ix.models.filter((m) => m.status.value !== 'retired-api').map((m) => m.id).join(','));
    const fits = await wide.locator('.calc-table').evaluate((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth);
    expect(fits).toBe(true);
    await wide.context().close();
    const phone = await open(URL, { width: 375 });
    expect(await phone.locator('.calc-table thead').evaluate((h) => h.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    const card = phone.locator('tr[data-model="haiku-5-5"]');
    expect((await card.evaluate((r) => r.getBoundingClientRect().width))).toBeLessThanOrEqual(375);
    expect(await card.locator('td').nth(1).evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Per month"');
    const barLabel = await phone.locator('.calc-bar-name').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(barLabel).toBeGreaterThanOrEqual(12);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await phone.context().close();
  });

  it('bad input gets an inline message, and the results say "not computed" instead of a figure from the defaults', async () => {
    const page = await open();
    for (const [label, value, message] of [
      ['Uncached input tokens', '1,20', /Use a dot for decimals: 1\.20/],
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
      // Never a fresh figure while a field is invalid.
      expect(await text(page, '.calc-summary')).toMatch(/^Not computed: fix the marked/);
      expect(await page.locator('tr[data-model]').count()).toBe(0);
      expect(await page.locator('.calc-bars').count()).toBe(0);
      expect(await text(page, '.calc-summary')).not.toMatch(/\$/);
    }
    expect(await page.getByRole('button', { name: /Download the comparison as CSV/ }).isDisabled()).toBe(true);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/NaN|Infinity/);
    await checkA11y(page, 'calculator with errors');
    // Fixing the fields brings the figures back.
    await page.goto(URL);
    await page.locator('.calc').scrollIntoViewIfNeeded();
    await page.locator('.calc[data-ready="true"]').waitFor();
    expect(await page.locator('tr[data-model]').count()).toBe(3);
    await page.context().close();
  });

  it('a bad shared link shows its messages and no figures', async () => {
    const page = await open('/calculator/?models=sonnet-4.5,foo&input=-1&hit=2&output=abc&perDay=');
    expect(await text(page, '.calc-summary')).toMatch(/^Not computed: fix the marked 5 fields/);
    expect(await text(page, '#c-models-e')).toMatch(/Did you mean sonnet-4-5/);
    expect(await page.locator('tr[data-model]').count()).toBe(0);
    await page.context().close();
  });

  const PRESET_NAMES = ['Classification at volume', 'RAG chat with a cached system prompt', 'Agentic coding', 'Nightly batch summarisation'];
  /** Each bar's drawn length against the longest, with what the page priced (from the URL, through the library). */
  async function barsAgainstCosts(page: TestPage) {
    const bars = await page.locator('.calc-bars li').evaluateAll((lis) =>
      lis.map((li) => {
        const box = (sel: string) => {
          const r = li.querySelector(sel)!.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
        };
        return {
          name: li.querySelector('.calc-bar-name')!.textContent ?? '',
          rect: box('rect'),
          track: box('svg'),
          label: box('.calc-bar-name'),
          value: box('.calc-bar-value'),
          fontSize: Math.min(...['.calc-bar-name', '.calc-bar-value'].map((s) => parseFloat(getComputedStyle(li.querySelector(s)!).fontSize))),
        };
      }),
    );
    const { values } = parseQuery(ix, new globalThis.URL(page.url()).search);
    const rows = compareModels(ix, values.models, values).filter((r) => !r.error);
    return { bars, rows };
  }
  const overlaps = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
    a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

  it('the bars are on one scale at 375 and 1280 px: lengths proportional to cost, labels readable and apart', async () => {
    for (const width of [375, 1280]) {
      const page = await open(URL, { width });
      const setups: (() => Promise<void>)[] = [
        async () => {},
        ...PRESET_NAMES.map((name) => async () => {
          await page.getByRole('button', { name }).click();
        }),
        // RAG workload with Fable 5.2 added: its bar is the longest, whatever the width of its label.
        async () => {
          await page.getByRole('button', { name: PRESET_NAMES[1]! }).click();
          await page.getByRole('checkbox', { name: 'Claude Fable 5.2' }).check();
          await expect.poll(() => page.locator('.calc-bars li').count()).toBe(4);
        },
      ];
      for (const [i, setup] of setups.entries()) {
        await setup();
        await expect.poll(() => page.locator('.calc-bars li').count()).toBeGreaterThan(1);
        const { bars, rows } = await barsAgainstCosts(page);
        expect(bars.map((b) => b.name), `${width} #${i}`).toEqual(rows.map((r) => r.name.replace('Claude ', '')));
        const max = Math.max(...rows.map((r) => r.month.total));
        const longest = Math.max(...bars.map((b) => b.rect.width));
        // Every track is the same length, so a length is a cost.
        for (const b of bars) expect(Math.abs(b.track.width - bars[0]!.track.width), `${width} #${i} ${b.name}`).toBeLessThan(1);
        expect(longest).toBeCloseTo(bars[0]!.track.width, 0);
        bars.forEach((b, j) => {
          const want = Math.max(0.005, rows[j]!.month.total / max);
          expect(Math.abs(b.rect.width / longest - want), `${width} #${i} ${b.name}: ${b.rect.width / longest} vs ${want}`).toBeLessThan(0.02);
          expect(b.fontSize).toBeGreaterThanOrEqual(12);
          expect(overlaps(b.label, b.value), `${width} ${b.name} name/value`).toBe(false);
          expect(overlaps(b.label, b.track) || overlaps(b.value, b.track), `${width} ${b.name} label/bar`).toBe(false);
        });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
      await page.context().close();
    }
  });

  it('at 1280 px every column is visible for every preset, and for a 4-model mix with Fable 5.2', async () => {
    const page = await open(URL);
    const fits = () => page.locator('.calc-table').evaluate((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth);
    const lastHeader = () =>
      page.locator('.calc-table thead th').last().evaluate((th) => th.getBoundingClientRect().right <= (th.closest('.calc-table-wrap') as HTMLElement).getBoundingClientRect().right + 0.5);
    for (const name of PRESET_NAMES) {
      await page.getByRole('button', { name }).click();
      await expect.poll(() => new globalThis.URL(page.url()).searchParams.get('models')).toBeTruthy();
      for (const withFable of [false, true]) {
        if (withFable) await page.getByRole('checkbox', { name: 'Claude Fable 5.2' }).check();
        await expect.poll(fits).toBe(true);
        expect(await lastHeader(), name).toBe(true);
      }
      const q = new globalThis.URL(page.url()).searchParams;
      const mix = await open(
        `${URL}?${q.toString().replace(/models=[^&]*/, 'models=opus-5-5,sonnet-5-5,haiku-5-5,fable-5-2')}&batch=0.5&mix=haiku-5-5:0.7,sonnet-5-5:0.2,opus-5-5:0.05,fable-5-2:0.05`,
      );
      expect(await mix.locator('tr[data-model]').count()).toBe(4);
      expect(await mix.locator('.calc-table').evaluate((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth), `${name} 4-model mix`).toBe(true);
      await mix.context().close();
    }
    const fontSize = await page.locator('.calc-table td').first().evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });

  it('a retired model gets no price: when it retired, what replaces it, and links to both', async () => {
    const page = await open('/calculator/?models=sonnet-4-5');
    const summary = await text(page, '.calc-summary');
    expect(summary).not.toMatch(/Cheapest|\$/);
    expect(summary).toContain('Claude Sonnet 4.5: Retired on the Claude API on 2026-11-30');
    const cell = page.locator('tr[data-model="sonnet-4-5"] td');
    expect(await cell.count()).toBe(1);
    expect(await cell.textContent()).toMatch(/^Retired on the Claude API on 2026-11-30: no Claude API price .* Replaced by Claude Sonnet 5\.5\./);
    expect(await cell.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/models/sonnet-4-5/', '/models/sonnet-5-5/']);
    expect(await page.locator('.calc-bars li').count()).toBe(0);
    await checkA11y(page, 'calculator with a retired model');
    // Beside a current model, the current one is the cheapest and the only bar.
    const both = await open('/calculator/?models=sonnet-4-5,haiku-5-5');
    expect(await text(both, '.calc-summary')).toContain(`Cheapest: Claude Haiku 5.5 at ${centralMonth('haiku-5-5', {})}`);
    expect(await both.locator('.calc-bars li').count()).toBe(1);
    expect(page.errors).toEqual([]);
    await page.context().close();
    await both.context().close();
    // On a phone the reason is one left-aligned block with its links inline, not split into flex columns.
    const phone = await open('/calculator/?models=sonnet-4-5,haiku-5-5', { width: 375 });
    const td = phone.locator('tr[data-model="sonnet-4-5"] td');
    expect(await td.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    const [box, link] = await Promise.all([td.boundingBox(), td.locator('a').first().boundingBox()]);
    expect(link!.x).toBeLessThan(box!.x + box!.width / 2);
    await phone.context().close();
  });

  it('a prompt over a context window gets "does not fit" instead of a price, and is never the cheapest', async () => {
    const page = await open('/calculator/?models=haiku-4-5,sonnet-4-6&input=150000&cached=60000&output=10000&perDay=1000000000');
    expect(await text(page, 'tr[data-model="haiku-4-5"] td')).toBe('Does not fit: 20,000 tokens over the 200,000-token context window.');
    expect(await text(page, '.calc-summary')).toContain('Cheapest: Claude Sonnet 4.6');
    const none = await open('/calculator/?models=haiku-4-5&input=150000&cached=60000&output=10000&perDay=1000000000');
    const summary = await text(none, '.calc-summary');
    expect(summary).not.toMatch(/Cheapest|\$/);
    expect(summary).toContain('Does not fit: 20,000 tokens over the 200,000-token context window.');
    await page.context().close();
    await none.context().close();
  });

  it('an unknown minimum cacheable prompt: priced with the prefix uncached, the cached month shown "if cacheable", the rule on the page', async () => {
    const page = await open('/calculator/?models=haiku-5-5,opus-5-5&cached=2000');
    const values = { ...DEFAULT_VALUES, models: ['haiku-5-5', 'opus-5-5'], cached: 2000 };
    const c = modelCost(ix, 'haiku-5-5', values);
    expect(c.caches).toBe(false);
    expect(await text(page, 'tr[data-model="haiku-5-5"] td:nth-of-type(2)')).toBe(`${formatUsd(c.month.total)} if cacheable ${formatUsd(c.ifCacheable!)}`);
    expect(await text(page, 'tr[data-model="haiku-5-5"] td:nth-of-type(4)')).toBe('$0.00');
    expect(await text(page, '.calc-summary')).toContain(formatUsd(c.month.total));
    expect(await text(page, '#unknown-minimum')).toMatch(/the price shown is with the prefix uncached/);
    expect(await text(page, '.calc-warnings')).toMatch(/if the prefix is cacheable/);
    await page.context().close();
  });

  it('the mix against one model says which figure is the mix and which the difference', async () => {
    const q = 'mix=haiku-5-5:0.7,sonnet-5-5:0.25,opus-5-5:0.05';
    const page = await open(`${URL}?${q}`);
    const { values } = parseQuery(ix, q);
    const mix = routingMix(ix, values.mix, values);
    const lines = (await page.locator('[data-cell="mix"] li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(lines.slice(1)).toEqual(mix.singles.map((s) => mixVersusSingle(s, mix.total)));
    expect(lines.join(' ')).toMatch(/Everything on Claude Haiku 5\.5: \$[\d,.]+ a month; the mix \(\$[\d,.]+ a month\) costs \$[\d,.]+ more\./);
    expect(lines.join(' ')).not.toMatch(/\(the mix (costs|saves) \$[\d,.]+\)/);
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
