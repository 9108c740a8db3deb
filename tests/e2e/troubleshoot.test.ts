// Decision trees (/troubleshoot/…, src/islands/TreeWalker.tsx) and the 7-step diagnostic (/diagnose/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, checkA11y, newPage, openBrowser, type TestPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Headings are polled: after back/forward the URL changes before the island re-renders.
const h1 = (page: TestPage) => page.locator('main h1');
const answer = (page: TestPage, name: string | RegExp) => page.locator('.tw-options').getByRole('link', { name });

/** Open a tree page with JavaScript and wait until the island has hydrated. */
async function open(path: string): Promise<TestPage> {
  const page = await newPage(browser);
  await page.goto(path);
  await page.locator('astro-island:not([ssr]):has(.tw)').waitFor({ state: 'attached' });
  return page;
}

const OUTCOME_URL = '/troubleshoot/rate-limits/rl-itpm/?a=symptom:http-429,rl-429-detail:input';

describe('decision tree with JavaScript', () => {
  it('clicks a full path to an outcome, keeping the answers in the URL, focus on the heading and an announcement', async () => {
    const page = await open('/troubleshoot/');
    await expect.poll(() => h1(page).textContent()).toBe('What are you seeing?');
    await answer(page, 'HTTP 429 rate_limit_error').click();
    await page.waitForURL('**/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429');
    await expect.poll(() => h1(page).textContent()).toBe('What does the 429 response carry?');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => page.locator('.tw [aria-live="polite"]').textContent()).toBe('Question: What does the 429 response carry?');
    await answer(page, /input-tokens-remaining/).click();
    await page.waitForURL(`**${OUTCOME_URL}`);
    await expect.poll(() => h1(page).textContent()).toBe('Input tokens per minute (ITPM) exhausted');
    await expect.poll(() => page.locator('.tw').getAttribute('data-node-kind')).toBe('outcome');
    await expect.poll(() => page.locator('.tw-fix').textContent()).toMatch(/Cache the stable prefix/);
    await expect.poll(() => page.title()).toMatch(/^Input tokens per minute \(ITPM\) exhausted/);
    expect(page.errors).toEqual([]);
  });

  it('steps back with the Back link and with the browser history, and forward again', async () => {
    const page = await open('/troubleshoot/');
    await answer(page, 'HTTP 429 rate_limit_error').click();
    await page.waitForURL('**/rl-429-detail/?a=symptom:http-429');
    await answer(page, /input-tokens-remaining/).click();
    await page.waitForURL(`**${OUTCOME_URL}`);
    await page.locator('.tw-back').click();
    await page.waitForURL('**/rl-429-detail/?a=symptom:http-429');
    await expect.poll(() => h1(page).textContent()).toBe('What does the 429 response carry?');
    await page.goBack();
    await page.waitForURL(`**${OUTCOME_URL}`);
    await expect.poll(() => h1(page).textContent()).toBe('Input tokens per minute (ITPM) exhausted');
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/\/troubleshoot\/$/);
    await expect.poll(() => h1(page).textContent()).toBe('What are you seeing?');
    await page.goForward();
    await page.waitForURL('**/rl-429-detail/?a=symptom:http-429');
    await expect.poll(() => h1(page).textContent()).toBe('What does the 429 response carry?');
    expect(page.errors).toEqual([]);
  });

  it('starts over, and changes an earlier answer from the breadcrumb', async () => {
    const page = await open(OUTCOME_URL);
    const crumbs = page.locator('.tw-path li');
    // The walk in the URL began in the master tree; wait until the island shows it.
    await expect.poll(() => crumbs.first().textContent()).toMatch(/What are you seeing\?/);
    await expect(crumbs.count()).resolves.toBe(2);
    await crumbs.nth(1).getByRole('link', { name: /Change/ }).click();
    await page.waitForURL('**/rl-429-detail/?a=symptom:http-429');
    await answer(page, /output-tokens-remaining/).click();
    await page.waitForURL('**/rl-otpm/?a=symptom:http-429,rl-429-detail:output');
    await expect.poll(() => h1(page).textContent()).toMatch(/OTPM/);
    await page.locator('.tw-restart').click();
    await page.waitForURL(/\/troubleshoot\/$/);
    await expect.poll(() => h1(page).textContent()).toBe('What are you seeing?');
    await expect.poll(() => page.locator('.tw-path').count()).toBe(0);
    // This page holds the master and rate-limits trees; an answer into another tree loads that tree's page.
    await answer(page, 'Responses are slow or time out').click();
    await page.waitForURL('**/troubleshoot/latency/?a=symptom:slow');
    await expect.poll(() => h1(page).textContent()).toBe('What kind of slow is it?');
    await expect.poll(() => page.locator('.tw-path li').first().textContent()).toMatch(/What are you seeing\?.*Responses are slow/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(page.errors).toEqual([]);
  });

  it('lands on the same node, with the same answers, when a shared URL is reloaded', async () => {
    const page = await open(OUTCOME_URL);
    await page.reload();
    await page.locator('astro-island:not([ssr]):has(.tw)').waitFor({ state: 'attached' });
    await expect.poll(() => h1(page).textContent()).toBe('Input tokens per minute (ITPM) exhausted');
    // The walk began in the master tree: the first answer shown is the master question, not the sub-tree's own start.
    await expect.poll(() => page.locator('.tw-path li').first().textContent()).toMatch(/What are you seeing\?.*HTTP 429/);
  });

  it('shows a clear message and the start of the tree for an unknown or inconsistent URL', async () => {
    for (const bad of ['?a=no-such-question:x', '?a=symptom:http-429,rl-429-detail:output', '?a=garbage']) {
      const page = await open(`/troubleshoot/rate-limits/rl-itpm/${bad}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/This link could not be followed/);
      await expect.poll(() => h1(page).textContent()).toBe('Which error does the failing call return?');
      await expect(page.locator('.tw-option').count()).resolves.toBeGreaterThan(1);
      // The address bar shows the state shown, so re-sharing it spreads no broken link.
      await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/troubleshoot/rate-limits/');
      await page.close();
    }
  });

  it('walks "we stream but the first token is slow" to its fixes', async () => {
    const page = await open('/troubleshoot/');
    await answer(page, 'Responses are slow or time out').click();
    await page.waitForURL('**/troubleshoot/latency/?a=symptom:slow');
    await answer(page, 'We stream, but the first token takes long to arrive').click();
    await expect.poll(() => h1(page).textContent()).toBe('What comes before the first token on the slow calls?');
    await answer(page, /Thinking is on/).click();
    await page.waitForURL('**/lat-ttft-thinking/?a=symptom:slow,lat-kind:ttft,lat-ttft:thinking');
    await expect.poll(() => page.locator('.tw-fix').textContent()).toMatch(/Lower `?effort`?.*"summarized"/);
    await page.goBack();
    await answer(page, /A long prompt/).click();
    await expect.poll(() => page.locator('.tw-fix').textContent()).toMatch(/Cache the stable prefix/);
    expect(page.errors).toEqual([]);
  });

  it('a refusal and cloud throttling each get a direct path from "What are you seeing?"', async () => {
    const page = await open('/troubleshoot/');
    await answer(page, /HTTP 200, but stop_reason is "refusal"/).click();
    await expect.poll(() => h1(page).textContent()).toBe('The model refused (stop_reason "refusal")');
    await page.goto('/troubleshoot/');
    await page.locator('astro-island:not([ssr]):has(.tw)').waitFor({ state: 'attached' });
    await answer(page, 'A throttling error from Amazon Bedrock or Google Vertex AI').click();
    await expect.poll(() => h1(page).textContent()).toBe('Which cloud returns the throttling error?');
    const options = await page.locator('.tw-option').allTextContents();
    expect(options.join(' ')).not.toMatch(/Claude API/);
    expect(options).toHaveLength(2);
  });

  it('a tree page carries only the tree being walked', async () => {
    const html = await (await fetch(new URL('/troubleshoot/', baseURL))).text();
    // No outcome text of a sub-tree is embedded in the master page's island props.
    expect(html).not.toContain('Input tokens per minute (ITPM) exhausted');
    expect(html.length).toBeLessThan(60_000);
  });
});

describe('decision tree when the XState chunk cannot load', () => {
  it('still follows the answer as a plain link', async () => {
    const page = await newPage(browser);
    await page.route('**/_astro/tree-driver*.js', (route) => route.abort());
    await page.goto('/troubleshoot/latency/');
    await page.locator('astro-island:not([ssr]):has(.tw)').waitFor({ state: 'attached' });
    await answer(page, 'Most calls are fine, a few take far longer').click();
    // The sub-tree page states its walk from "What's wrong?", as a walk with JavaScript does.
    await page.waitForURL('**/troubleshoot/latency/lat-tail/?a=symptom:slow,lat-kind:tail');
    await expect.poll(() => h1(page).textContent()).toBe('A slow tail');
  });
});

describe('decision tree without JavaScript', () => {
  it('follows the same path with plain links, Back and Start over', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/troubleshoot/');
    await answer(page, 'HTTP 429 rate_limit_error').click();
    await page.waitForURL('**/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429');
    await expect.poll(() => h1(page).textContent()).toBe('What does the 429 response carry?');
    await answer(page, /input-tokens-remaining/).click();
    // The same URL as the walk with JavaScript (OUTCOME_URL), not one rooted in the sub-tree.
    await page.waitForURL('**/troubleshoot/rate-limits/rl-itpm/?a=symptom:http-429,rl-429-detail:input');
    await expect.poll(() => h1(page).textContent()).toBe('Input tokens per minute (ITPM) exhausted');
    await expect(page.locator('.tw-path li').count()).resolves.toBe(2);
    // The first "Change" goes to "What are you seeing?", not to the sub-tree's own start.
    expect(await page.locator('.tw-path li a.tw-change').first().getAttribute('href')).toBe('/troubleshoot/');
    await page.locator('.tw-back').click();
    await page.waitForURL('**/rl-429-detail/?a=symptom:http-429');
    await page.locator('.tw-restart').click();
    await page.waitForURL(/\/troubleshoot\/$/);
    await expect.poll(() => h1(page).textContent()).toBe('What are you seeing?');
  });

  it('a walk begun on the rate-limits page has the same URLs with and without JavaScript', async () => {
    const urls: string[][] = [];
    for (const javaScriptEnabled of [false, true]) {
      const page = await newPage(browser, { javaScriptEnabled });
      await page.goto('/troubleshoot/rate-limits/');
      const seen: string[] = [];
      await answer(page, /HTTP 429/).click();
      await page.waitForURL('**/rl-429-detail/**');
      await expect.poll(() => h1(page).textContent()).toBe('What does the 429 response carry?');
      seen.push(new URL(page.url()).pathname + new URL(page.url()).search);
      await answer(page, /enforced_spend_limit_reached|spend/).first().click();
      await page.waitForURL('**/rl-spend-cap/**');
      seen.push(new URL(page.url()).pathname + new URL(page.url()).search);
      urls.push(seen);
      await page.context().close();
    }
    expect(urls[0]).toEqual(['/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429', '/troubleshoot/rate-limits/rl-spend-cap/?a=symptom:http-429,rl-429-detail:spend']);
    expect(urls[1]).toEqual(urls[0]);
  });

  it('links every node to the whole-tree map, which links back to every node', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/troubleshoot/rate-limits/rl-itpm/');
    await page.getByRole('link', { name: 'See the whole tree' }).click();
    await page.waitForURL('**/troubleshoot/rate-limits/map/#n-rl-itpm');
    await expect(page.locator('#n-rl-itpm a').textContent()).resolves.toMatch(/ITPM/);
    await expect(page.locator('.tm a[href="/troubleshoot/rate-limits/rl-vertex/"]').count()).resolves.toBe(1);
  });
});

describe('accessibility', () => {
  for (const path of ['/troubleshoot/', '/troubleshoot/rate-limits/rl-429-detail/', OUTCOME_URL, '/troubleshoot/rate-limits/rl-itpm/?a=garbage']) {
    it(`axe is clean on ${path}`, async () => {
      const page = await open(path);
      await checkA11y(page);
    });
  }
  it('axe is clean on a question and an outcome in dark mode, and on the whole-tree map', async () => {
    for (const path of ['/troubleshoot/quality/qa-swap/', '/troubleshoot/latency/lat-tail/', '/troubleshoot/master/map/']) {
      const page = await newPage(browser, { colorScheme: 'dark' });
      await page.goto(path);
      await checkA11y(page);
      await page.close();
    }
  });
});

describe('/diagnose/', () => {
  async function openDiagnose(search = ''): Promise<TestPage> {
    const page = await newPage(browser);
    await page.goto(`/diagnose/${search}`);
    // The server-rendered first step (.dg--static) is replaced or enabled once the island runs.
    await page.locator('.dg:not(.dg--static)').waitFor();
    return page;
  }

  it('walks the seven steps to a recommendation with monthly costs, shareable by URL', async () => {
    const page = await openDiagnose();
    await expect(page.locator('.dg-progress').textContent()).resolves.toMatch(/Step 1 of 7/);
    await checkA11y(page);
    await page.getByLabel('Extraction into fields or JSON').check();
    await page.getByLabel('Simple requests (%)').fill('60');
    await page.getByLabel('Hard requests (%)').fill('10');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.locator('.dg-progress').textContent()).toMatch(/Step 2 of 7/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dg-heading');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('Simple requests (%)').inputValue()).resolves.toBe('60');
    for (let i = 1; i < 7; i++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Show the recommendation' }).click();
    await expect.poll(() => page.locator('#dg-heading').textContent()).toBe('Recommendation');
    await expect.poll(() => page.locator('.dg-default').textContent()).toMatch(/Default: .*Haiku.* for 60% of requests: the simple requests/);
    const costs = await page.locator('.dg-costs td').allTextContents();
    expect(costs).toHaveLength(3);
    for (const c of costs) expect(c).toMatch(/^\$[\d,.]+$/);
    await checkA11y(page);
    expect(page.url()).toMatch(/task=extraction&simple=60&hard=10/);
    const shared = new URL(page.url());
    const again = await openDiagnose(shared.search);
    await expect(again.locator('#dg-heading').textContent()).resolves.toBe('Recommendation');
    expect(page.errors).toEqual([]);
  });

  it('keeps an invalid step in place with an announced error', async () => {
    const page = await openDiagnose();
    await page.getByLabel('Simple requests (%)').fill('80');
    await page.getByLabel('Hard requests (%)').fill('40');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/cannot be more than 100%/);
    await expect(page.locator('.dg-progress').textContent()).resolves.toMatch(/Step 1 of 7/);
  });

  const progress = (page: TestPage) => page.locator('.dg-progress').textContent();
  const COMPLETE = '?task=chat&simple=20&hard=10&quality=high&latency=interactive&perDay=50000&prompt=30000&prefix=20000&output=400&tools=simple';

  it('each step is a history entry: browser Back goes to the previous step, not off the tool, and Forward returns', async () => {
    const page = await newPage(browser);
    await page.goto('/troubleshoot/');
    await page.goto('/diagnose/');
    await page.locator('.dg').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => progress(page)).toMatch(/Step 2 of 7/);
    await page.getByLabel('A lot: mistakes are expensive, legal or hard to undo').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => progress(page)).toMatch(/Step 3 of 7/);
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('latency');
    await page.goBack();
    await expect.poll(() => progress(page)).toMatch(/Step 2 of 7/);
    expect(new URL(page.url()).pathname).toBe('/diagnose/');
    expect(await page.getByLabel('A lot: mistakes are expensive, legal or hard to undo').isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => progress(page)).toMatch(/Step 1 of 7/);
    expect(new URL(page.url()).pathname).toBe('/diagnose/');
    await page.goForward();
    await expect.poll(() => progress(page)).toMatch(/Step 2 of 7/);
    await page.goForward();
    await expect.poll(() => progress(page)).toMatch(/Step 3 of 7/);
    expect(page.errors).toEqual([]);
  });

  it('"Change" from the result returns to the result after that one answer', async () => {
    const page = await openDiagnose(COMPLETE);
    await expect.poll(() => page.locator('#dg-heading').textContent()).toBe('Recommendation');
    await page.getByRole('button', { name: 'Change volume' }).click();
    await expect.poll(() => progress(page)).toMatch(/Step 4 of 7/);
    await page.getByLabel('Requests per day').fill('2000000');
    await page.getByRole('button', { name: 'Back to the recommendation' }).click();
    await expect.poll(() => page.locator('#dg-heading').textContent()).toBe('Recommendation');
    await expect(page.locator('.dg-answers').textContent()).resolves.toContain('2,000,000 requests per day');
    expect(new URL(page.url()).searchParams.get('perDay')).toBe('2000000');
    // Browser Back goes to the step that was changed, then to the old result.
    await page.goBack();
    await expect.poll(() => progress(page)).toMatch(/Step 4 of 7/);
    await page.goBack();
    await expect.poll(() => page.locator('.dg-answers').textContent()).toContain('50,000 requests per day');
  });

  it('a bad query string says what it ignored and the address bar shows the state shown', async () => {
    const page = await openDiagnose('?task=poetry&perDay=-4&prompt=abc');
    const notice = page.locator('[data-ignored]');
    await expect.poll(() => notice.textContent()).toMatch(/could not use: task=poetry, perDay=-4, prompt=abc\. They were set to the defaults/);
    await expect(progress(page)).resolves.toMatch(/Step 1 of 7/);
    expect(page.url()).not.toContain('poetry');
    await checkA11y(page, 'diagnose with a bad link');
  });

  it('agrees with the calculator on limits: 1e15 requests a day is refused with the calculator\'s message, no price shown', async () => {
    const page = await openDiagnose(COMPLETE.replace('perDay=50000', 'perDay=1e15'));
    await expect.poll(() => progress(page)).toMatch(/Step 4 of 7/);
    await expect.poll(() => page.locator('[data-ignored]').textContent()).toContain('(Must be at most 1,000,000,000.)');
    expect(await page.locator('main').textContent()).not.toMatch(/\$\d/);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Must be at most 1,000,000,000.');
    const calc = await newPage(browser);
    await calc.goto('/calculator/?perDay=1e15');
    await calc.locator('.calc[data-ready="true"]').waitFor();
    await expect.poll(() => calc.locator('#c-volume-e').textContent()).toBe('Must be at most 1,000,000,000.');
    await calc.context().close();
    await page.context().close();
  });

  it('a pre-warmed batch: "Open in calculator" shows the same month, with the 1-hour write on every request', async () => {
    const page = await openDiagnose(COMPLETE.replace('latency=interactive', 'latency=offline'));
    await expect.poll(() => page.locator('#dg-heading').textContent()).toBe('Recommendation');
    expect(await page.locator('main').textContent()).toContain('every request pays the 1-hour cache write');
    const dollars = (t: string | null) => Number((t ?? '').replace(/[^\d.]/g, ''));
    const recommended = dollars(await page.locator('.dg-costs td').first().textContent());
    const href = (await page.getByRole('link', { name: 'Open this workload in the calculator' }).getAttribute('href'))!;
    expect(href).toMatch(/hit=0&ttl=1h&.*batch=1/);
    await page.goto(href);
    await page.locator('.calc[data-ready="true"]').waitFor();
    await expect.poll(() => page.locator('.calc-summary').getAttribute('data-computed')).toBe('true');
    const mixTotal = dollars(await page.locator('[data-cell="mix"] li strong').first().textContent());
    expect(Math.round(mixTotal)).toBe(recommended);
    await page.context().close();
  });

  it('a prompt over every context window gets no price, only the reason', async () => {
    const page = await openDiagnose(COMPLETE.replace('prompt=30000', 'prompt=1500000').replace('&tools=simple', '&tools=simple&budget=5000'));
    await expect.poll(() => page.locator('[data-unpriced]').textContent()).toMatch(/1,500,000-token prompt is longer than every current model's context window/);
    expect(await page.locator('.dg-costs').count()).toBe(0);
    expect(await page.locator('.dg-result').textContent()).not.toMatch(/over your budget|Within your budget/);
  });

  it('Batch work is priced without assumed cache hits and points to /errors/batch-cache-misses/', async () => {
    const page = await openDiagnose('?task=writing&simple=30&hard=10&quality=high&latency=offline&perDay=100000&prompt=8000&prefix=5000&output=500&tools=none');
    await expect.poll(() => page.locator('.dg-result').textContent()).toMatch(/Pre-warm: send one normal request/);
    expect(await page.locator('.dg-result a[href="/errors/batch-cache-misses/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.dg-result').textContent()).toMatch(/all through Batch with no cache reads assumed/);
    expect(await page.locator('.dg-result').textContent()).not.toMatch(/cache hit rate of about/);
  });

  it('Fable 5.2 is priced for the hard share where capability is the point, and the Haiku 5.5 100K tier is pointed out', async () => {
    const page = await openDiagnose('?task=analysis&simple=60&hard=30&quality=critical&latency=background&perDay=1000&prompt=105000&prefix=0&output=1000&tools=none');
    await expect.poll(() => page.locator('.dg-costs').textContent()).toMatch(/With the hard 30% on Claude Fable 5\.2/);
    const text = (await page.locator('.dg-result').textContent()) ?? '';
    expect(text).toMatch(/try Claude Fable 5\.2/);
    await checkA11y(page, 'diagnose result with Fable');
    const haiku = await openDiagnose('?task=classification&simple=100&hard=0&quality=good-enough&latency=background&perDay=1000&prompt=110000&prefix=0&output=10&tools=none');
    await expect.poll(() => haiku.locator('.dg-result').textContent()).toMatch(/Claude Haiku 5\.5 bills every category at 5× .*yours is 110,000\. Trimming 10,000 tokens/);
  });

  it('lists the questions with chapter links without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/diagnose/');
    await expect(page.locator('.dg-noscript').textContent()).resolves.toMatch(/needs JavaScript/);
    await expect(page.locator('.dg-noscript > ol > li').count()).resolves.toBe(7);
    await expect(page.locator('.dg-noscript a[href^="/guide/"]').count()).resolves.toBe(7);
    // The server-rendered first step needs the island: it is not shown as a dead form.
    expect(await page.locator('.dg--static').count()).toBe(1);
    expect(await page.locator('.dg--static').isVisible()).toBe(false);
  });
});
