// The bill re-pricer on /usage/ (src/islands/UsageTool.tsx + its Web Worker). Totals on screen are checked against
// priceUsageFiles over the same fixtures (the unit-tested figures), for drag-and-drop, the file picker and paste.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser, type TestPage } from './support/browser.ts';
import { priceUsageFiles } from '../../src/lib/usage/index.ts';
import { formatUsd } from '../../src/lib/format.ts';

const URL = '/usage/';
const DIR = 'tests/fixtures/usage/';
const read = (name: string) => ({ name, text: readFileSync(DIR + name, 'utf8') });
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

async function open(options: Parameters<typeof newPage>[1] = {}): Promise<TestPage> {
  const page = await newPage(browser, options);
  await page.goto(URL, { waitUntil: 'networkidle' });
  await page.locator('.usage[data-ready="true"]').waitFor();
  return page;
}

/** A real drop: a DataTransfer holding File objects, dispatched as dragenter/dragover/drop on the drop zone. */
async function drop(page: TestPage, names: string[]) {
  const files = names.map(read);
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([f.text], f.name));
    return d;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('.usage-drop', type, { dataTransfer: dt });
}

const shown = async (page: TestPage, testid: string) => (await page.getByTestId(testid).textContent())?.trim();

describe('usage re-pricer', () => {
  const singles = [
    ['console-usage.csv'],
    ['console-cost.csv'],
    ['admin-usage-page1.json', 'admin-usage-page2.json'],
    ['admin-cost-report.json'],
    ['analytics-usage.json', 'analytics-cost.json'],
    ['messages.jsonl'],
    ['claude-code-session.jsonl'],
    ['batch-results.jsonl'],
  ];
  for (const names of singles) {
    it(`drop ${names.join(' + ')}: totals on screen match the library`, async () => {
      const page = await open();
      await drop(page, names);
      await page.locator('.usage-report').waitFor();
      const r = priceUsageFiles(names.map(read));
      const usage = r.listPriceUsd > 0 || Object.keys(r.byModel).length > 0;
      if (usage || r.reportedUsd === undefined) expect(await shown(page, 'usage-list')).toBe(formatUsd(r.listPriceUsd));
      else {
        // Charges only: nothing to re-price, so no "$0.00" list price; the charges are broken down instead.
        expect(await page.getByTestId('usage-list').count()).toBe(0);
        expect(await shown(page, 'usage-charges-only')).toContain('These files hold charges, not token counts');
        expect(await page.locator('.usage-table', { hasText: 'Charged, by model' }).count()).toBe(1);
      }
      if (r.reportedUsd !== undefined) expect(await shown(page, 'usage-reported')).toBe(formatUsd(r.reportedUsd));
      else expect(await page.getByTestId('usage-reported').count()).toBe(0);
      expect(await shown(page, 'usage-summary')).toContain(`Read ${r.rows} rows`);
      for (const f of r.formats) expect(await shown(page, 'usage-summary')).toContain(f);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the file picker, several files at once; the spike is listed with links to the chapter', async () => {
    const page = await open();
    await page.setInputFiles('#usage-files', [DIR + 'console-usage.csv', DIR + 'console-cost.csv']);
    await page.locator('.usage-report').waitFor();
    const r = priceUsageFiles([read('console-usage.csv'), read('console-cost.csv')]);
    expect(await shown(page, 'usage-list')).toBe('$57.49');
    expect(await shown(page, 'usage-list')).toBe(formatUsd(r.listPriceUsd));
    expect(await shown(page, 'usage-reported')).toBe('$7.55');
    const spikes = page.locator('.usage-spikes > li');
    expect(await spikes.count()).toBe(2);
    expect(await spikes.nth(1).textContent()).toContain('2026-11-08');
    expect(await spikes.nth(1).locator('a').first().getAttribute('href')).toBe('/guide/cost-spikes/#opus-is-answering-trivial-requests');
    expect(await page.locator('.usage-warnings').textContent()).toContain('claude-foo-9');
    expect(await page.locator('.usage-warnings').textContent()).toContain('bad number in usage_output_tokens');
    // The chart: one stack per day, one colour per model.
    expect(await page.locator('.usage-chart svg g').count()).toBe(8);
    await page.context().close();
  });

  it('paste, then the move scenario scales with the share', async () => {
    const page = await open();
    await page.locator('.usage-paste summary').click();
    await page.locator('#usage-paste-text').fill(read('admin-usage-page1.json').text);
    await page.getByRole('button', { name: 'Analyse pasted text' }).click();
    await page.locator('.usage-report').waitFor();
    const r = priceUsageFiles([read('admin-usage-page1.json')]);
    expect(await shown(page, 'usage-list')).toBe(formatUsd(r.listPriceUsd));
    const full = await shown(page, 'usage-move-result');
    expect(full).toMatch(/\(100%\): (saves|costs) \$/);
    await page.locator('.usage-move input[type=number]').fill('50');
    // The default pair: the first model in the file, moved to the target that saves most.
    const from = r.scenarios.find((s) => s.id.startsWith('move:'))!.id.split(':')[1];
    const first = r.scenarios.filter((s) => s.id.startsWith(`move:${from}:`)).sort((a, b) => a.deltaUsd - b.deltaUsd)[0]!;
    expect(await shown(page, 'usage-move-result')).toContain(formatUsd(Math.abs(first.deltaUsd * 0.5)));
    await page.context().close();
  });

  it('a price with a range (Sonnet 5.5 and Fable 5.2 cache reads): the total, the model rows and the scenarios show low–high, the central figure and why', async () => {
    const page = await open();
    await drop(page, ['admin-usage-ranged.json']);
    await page.locator('.usage-report').waitFor();
    const r = priceUsageFiles([read('admin-usage-ranged.json')]);
    // The unit-tested figures (tests/unit/usage.test.ts): $22.50 central, $22.50–$26.50.
    expect(await shown(page, 'usage-list')).toBe('$22.50–$26.50');
    expect(await shown(page, 'usage-list')).toBe(`${formatUsd(r.listPriceLowUsd!)}–${formatUsd(r.listPriceHighUsd!)}`);
    expect(await shown(page, 'usage-list-central')).toBe('$22.50');
    const why = (await page.getByTestId('usage-range').textContent()) ?? '';
    for (const line of r.priceRanges!) expect(why).toContain(line);
    expect(why).toContain('Claude Sonnet 5.5 cache read: $0.10 / MTok used, $0.20 / MTok also given');
    expect(why).toContain('Claude Fable 5.2 cache read: $0.20 / MTok used, $0.80 / MTok also given');
    const row = (name: string) => page.locator('.usage-table', { hasText: 'By model' }).locator('tr', { hasText: name }).locator('td').first().textContent();
    expect(await row('Claude Sonnet 5.5')).toBe('$4.00–$5.00 (central $4.00)');
    expect(await row('Claude Fable 5.2')).toBe('$14.00–$17.00 (central $14.00)');
    expect(await row('Claude Sonnet 4.6')).toBe('$4.50');
    // The token-type table moves with the same prices: cache reads $2.00–$6.00, input has no range.
    const typeRow = (name: string) => page.locator('.usage-table', { hasText: 'By token type' }).locator('tr', { hasText: name }).locator('td').first().textContent();
    expect(await typeRow('Cache reads')).toBe('$2.00–$6.00 (central $2.00)');
    expect(await typeRow('Uncached input')).toBe(formatUsd(r.byTokenType.input));
    expect(await page.locator('.usage-table', { hasText: 'By workspace' }).locator('td').first().textContent()).toBe('$22.50–$26.50 (central $22.50)');
    expect(await page.locator('.usage-chart-note').textContent()).toContain('central figures');
    const batch = (await page.locator('.usage-scenarios > li', { hasText: 'Message Batches API' }).textContent()) ?? '';
    expect(batch).toContain('saves $11.25–$13.25 over the period (central: saves $11.25); saves $337.50–$397.50 a month');
    expect(batch).toContain('Claude Fable 5.2 cache read $0.20–$0.80 / MTok');
    // The move picker: Fable 5.2 → Sonnet 5.5 saves $9.75–$13.25 (central $10.25).
    await page.locator('.usage-move select').first().selectOption('fable-5-2');
    await page.locator('.usage-move select').nth(1).selectOption('sonnet-5-5');
    expect(await shown(page, 'usage-move-result')).toContain('saves $9.75–$13.25 over the period (central: saves $10.25)');
    expect(await page.locator('body').textContent()).not.toContain('NaN');
    await checkA11y(page, '/usage/ with a ranged price');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('"Open in calculator" carries the per-request averages, and the calculator reads them without errors', async () => {
    const page = await open();
    await drop(page, ['analytics-usage.json']);
    await page.locator('.usage-report').waitFor();
    const r = priceUsageFiles([read('analytics-usage.json')]);
    const link = page.getByRole('link', { name: 'Open in calculator' });
    expect(await link.getAttribute('href')).toBe(`/calculator/?${r.calculatorQuery}`);
    await link.click();
    await page.locator('.calc[data-ready="true"]').waitFor();
    expect(await page.locator('#c-input').inputValue()).toBe('10000');
    expect(await page.locator('#c-output').inputValue()).toBe('1000');
    expect(await page.locator('.calc-error').count()).toBe(0);
    await page.context().close();
  });

  it('makes no network request while a file is analysed, and the CSP says so', async () => {
    const page = await open();
    const requests: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith('data:') && !req.url().startsWith('blob:')) requests.push(req.url());
    });
    // The reader (the worker script) comes with the page: once it has loaded, no request at all, not even for code.
    await drop(page, ['console-usage.csv', 'messages.jsonl']);
    await page.locator('.usage-report').waitFor();
    await drop(page, ['admin-usage-page1.json']);
    await page.getByText('Admin API usage report').first().waitFor();
    expect(requests).toEqual([]);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toMatch(/connect-src 'self'/);
    await page.context().close();
  });

  it('works offline: load the page, cut the network, then drop files', async () => {
    const page = await open();
    await page.context().setOffline(true);
    await drop(page, ['console-usage.csv', 'claude-code-session.jsonl']);
    await page.locator('.usage-report').waitFor();
    const r = priceUsageFiles([read('console-usage.csv'), read('claude-code-session.jsonl')]);
    expect(await shown(page, 'usage-list')).toBe(formatUsd(r.listPriceUsd));
    expect(await page.locator('.usage-error').count()).toBe(0);
    await page.context().close();
  });

  it('one file that breaks the reader is named and loses nothing else; the same file twice is read once', async () => {
    const page = await open();
    const text = readFileSync(DIR + 'console-usage.csv', 'utf8');
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File(['['.repeat(200_000) + ']'.repeat(200_000)], 'deep.json'));
      // Dropped twice: same name, size and date, as when a reader picks a file they already dropped.
      d.items.add(new File([t], 'console-usage.csv', { lastModified: 1_764_000_000_000 }));
      d.items.add(new File([t], 'console-usage.csv', { lastModified: 1_764_000_000_000 }));
      return d;
    }, text);
    for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('.usage-drop', type, { dataTransfer: dt });
    await page.locator('.usage-report').waitFor();
    expect(await shown(page, 'usage-list')).toBe(formatUsd(priceUsageFiles([read('console-usage.csv')]).listPriceUsd));
    const warnings = (await page.locator('.usage-warnings').textContent()) ?? '';
    expect(warnings).toContain('console-usage.csv was added twice: it is read once.');
    expect(warnings).toMatch(/JSON nested more than 8 arrays deep/);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('usage only on models the catalogue does not know says so, instead of a $0.00 bill', async () => {
    const page = await open();
    const line = JSON.stringify({ timestamp: '2026-11-02T10:00:00Z', response: { id: 'msg_n', type: 'message', model: 'claude-opus-6', usage: { input_tokens: 1000, output_tokens: 100 } } });
    await page.locator('.usage-paste summary').click();
    await page.locator('#usage-paste-text').fill(line);
    await page.getByRole('button', { name: 'Analyse pasted text' }).click();
    await page.locator('.usage-report').waitFor();
    expect(await shown(page, 'usage-unknown-only')).toContain('None of the models in these files is in the catalogue yet (claude-opus-6)');
    expect(await page.getByTestId('usage-list').count()).toBe(0);
    await page.context().close();
  });

  it('usage and cost files over different days say so beside each total', async () => {
    const page = await open();
    await drop(page, ['console-usage.csv', 'console-cost.csv']);
    await page.locator('.usage-report').waitFor();
    expect(await page.locator('.usage-totals').textContent()).toContain('Re-priced at list prices, over 8 days');
    expect(await page.locator('.usage-totals').textContent()).toContain('Charged, as the files report it, over 2 days (2 days in common; compared below)');
    await page.context().close();
  });

  it('the Batch scenario takes a share, like a move', async () => {
    const page = await open();
    await drop(page, ['admin-usage-ranged.json']);
    await page.locator('.usage-report').waitFor();
    expect(await shown(page, 'usage-batch-result')).toBe('saves $11.25–$13.25 over the period (central: saves $11.25); saves $337.50–$397.50 a month');
    await page.locator('.usage-share input').fill('40');
    // 40% of it: $4.50–$5.30 over the period, $135.00–$159.00 a month.
    expect(await shown(page, 'usage-batch-result')).toBe('saves $4.50–$5.30 over the period (central: saves $4.50); saves $135.00–$159.00 a month');
    await page.context().close();
  });

  it('bad input: an empty file, an unrecognised file and a truncated CSV each get a message; the rest still counts', async () => {
    const page = await open();
    await drop(page, ['empty.csv', 'not-usage.csv', 'truncated.csv', 'batch-results.jsonl']);
    await page.locator('.usage-report').waitFor();
    const w = (await page.locator('.usage-warnings').textContent()) ?? '';
    expect(w).toContain('empty.csv is empty');
    expect(w).toContain('not-usage.csv is not a format this tool reads');
    expect(w).toContain('truncated final row');
    const r = priceUsageFiles(['empty.csv', 'not-usage.csv', 'truncated.csv', 'batch-results.jsonl'].map(read));
    expect(await shown(page, 'usage-list')).toBe(formatUsd(r.listPriceUsd));
    expect(await page.locator('body').textContent()).not.toContain('NaN');
    await page.context().close();
  });

  it('cancel stops the reading and says so', async () => {
    const page = await open();
    // A large generated file so the reading is still under way when Cancel is pressed.
    await page.evaluate(() => {
      const rows = ['usage_date_utc,model_version,usage_input_tokens_no_cache,usage_output_tokens'];
      for (let i = 0; i < 400_000; i++) rows.push(`2026-11-${String((i % 28) + 1).padStart(2, '0')},claude-sonnet-4-6,${i % 997},${i % 101}`);
      const d = new DataTransfer();
      d.items.add(new File([rows.join('\n')], 'big.csv'));
      const zone = document.querySelector('.usage-drop')!;
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: d, bubbles: true, cancelable: true }));
    });
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.usage-note').first().textContent()).toContain('Cancelled');
    expect(await page.locator('.usage-report').count()).toBe(0);
    await page.context().close();
  });

  it('a report fits a phone screen without sideways scrolling of the page', async () => {
    const page = await open({ width: 375, height: 800 });
    // A 1-hour cache write with no reads makes the cache table say "No: … more than sending it uncached", its longest cell.
    const unpaid = JSON.stringify({ timestamp: '2026-11-03T10:00:00Z', response: { id: 'msg_w', type: 'message', model: 'claude-sonnet-4-6', usage: { input_tokens: 10, cache_creation_input_tokens: 500000, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 500000 }, output_tokens: 10 } } });
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'unpaid.jsonl'));
      return d;
    }, unpaid);
    await drop(page, ['console-usage.csv', 'console-cost.csv', 'admin-usage-page1.json']);
    await page.locator('.usage-report').waitFor();
    for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('.usage-drop', type, { dataTransfer: dt });
    await page.getByText('more than sending it uncached').first().waitFor();
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    // Every table fits the phone too (none scrolls inside the page).
    const wide = await page.$$eval('.usage-table', (ts) => ts.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((t) => t.querySelector('caption')?.textContent));
    expect(wide).toEqual([]);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe with a report on screen (${colorScheme})`, async () => {
      const page = await open({ colorScheme });
      // admin-usage-ranged.json brings the price-range box and ranged table cells into the check.
      await drop(page, ['console-usage.csv', 'console-cost.csv', 'admin-usage-ranged.json']);
      await page.locator('.usage-report').waitFor();
      expect(await page.getByTestId('usage-range').count()).toBe(1);
      await checkA11y(page, `/usage/ with a report (${colorScheme})`);
      await page.context().close();
    });
  }

  it('without JavaScript: says what the tool does and how to export each file', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(URL);
    expect(await page.locator('.usage-noscript').isVisible()).toBe(true);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const s of ['Your files never leave this browser', 'Console usage CSV', 'Console cost CSV', 'usage_report/messages', 'cost_report', 'Claude Code session logs', 'cents'])
      expect(text).toContain(s);
    await page.context().close();
  });
});
