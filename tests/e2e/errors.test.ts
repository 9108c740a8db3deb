// The error reference: /errors/ (index + paste box, src/islands/PasteBox.tsx) and /errors/<id>/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, newPage, openBrowser, type TestPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Open /errors/, bring the paste box into view (it hydrates on `client:visible`) and wait for hydration. */
async function openPasteBox(): Promise<TestPage> {
  const page = await newPage(browser);
  await page.goto('/errors/');
  await page.locator('astro-island:has(.paste-box)').scrollIntoViewIfNeeded();
  await page.locator('astro-island:not([ssr]):has(.paste-box)').waitFor({ state: 'attached' });
  return page;
}

// Three real messages from tests/fixtures/eval/errors-dev.jsonl (different surfaces and causes), and where they must land.
const PASTES = [
  {
    name: 'a Claude Code context overflow',
    text: 'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 208310 tokens > 200000 maximum"},"request_id":"req_011CVQe1dLrGNMJyE1ghG1av"}',
    id: 'prompt-too-long',
    facts: /8,310 tokens \(4\.2%\) over the 200,000-token window/,
  },
  {
    name: 'a Python SDK 529',
    text: "anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
    id: 'overloaded',
    facts: /HTTP 529, overloaded_error/,
  },
  {
    name: 'a LiteLLM rate limit with an organisation id',
    text: 'litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization (0dccdde6-f924-4f1b-bb3b-92ef846e0a5b) of 20,000 input tokens per minute.',
    id: 'rate-limit-tokens',
    facts: /20,000 input tokens per minute/,
  },
];

describe('paste box', () => {
  for (const paste of PASTES) {
    it(`takes ${paste.name} to /errors/${paste.id}/`, async () => {
      const page = await openPasteBox();
      await page.getByLabel('Paste an error message').fill(paste.text);
      const match = page.locator(`.paste-box [data-candidate][data-error-id="${paste.id}"]`).first();
      await match.waitFor();
      expect(await match.locator('.fix__facts').innerText()).toMatch(paste.facts);
      expect(await match.locator('.fix__fix').innerText()).toMatch(/^Fix: \S/);
      await match.locator('.fix__title a').click();
      await page.waitForURL(`**/errors/${paste.id}/`);
      expect(await page.locator('h2#fix').count()).toBe(1);
      expect(await page.locator('h2#fix + p').innerText()).not.toBe('');
      expect(page.errors).toEqual([]);
    });
  }

  it('says when it is not sure, offers the symptom tree, and links the paste to /search/', async () => {
    const page = await openPasteBox();
    const text = 'Segmentation fault (core dumped) at 0x7ffd 123456';
    await page.getByLabel('Paste an error message').fill(text);
    const box = page.locator('.paste-box .fix--unsure');
    await box.waitFor({ timeout: 10_000 });
    expect(await box.locator('a[href="/troubleshoot/"]').count()).toBe(1);
    const href = (await page.locator('.paste-box__more a').getAttribute('href')) ?? '';
    expect(href.startsWith('/search/?q=')).toBe(true);
    expect(decodeURIComponent(href.slice('/search/?q='.length))).toBe(text);
  });

  it('announces results politely and is labelled', async () => {
    const page = await openPasteBox();
    expect(await page.locator('.paste-box [aria-live="polite"]').count()).toBe(1);
    expect(await page.getByLabel('Paste an error message').getAttribute('aria-describedby')).toBeTruthy();
  });
});

describe('/errors/ index', () => {
  it('groups entries by HTTP status and by category, server-rendered', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/errors/');
    for (const id of ['status-400', 'status-429', 'status-529', 'status-none', 'category-rate-limit', 'category-context-window', 'category-thinking']) {
      expect(await page.locator(`h3#${id}`).count(), id).toBe(1);
    }
    const in429 = await page.locator('section[aria-labelledby="status-429"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(in429).toContain('/errors/rate-limit-tokens/');
    expect(in429).toContain('/errors/spend-cap-reached/');
    expect(in429).not.toContain('/errors/overloaded/');
    const inThinking = await page
      .locator('section[aria-labelledby="category-thinking"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(inThinking).toContain('/errors/thinking-block-missing/');
    // The paste box's label and textarea are in the HTML before hydration.
    expect(await page.getByLabel('Paste an error message').count()).toBe(1);
  });

  it('passes axe', async () => {
    const page = await openPasteBox();
    await checkA11y(page);
    await page.getByLabel('Paste an error message').fill(PASTES[0]!.text);
    await page.locator('.paste-box [data-candidate]').first().waitFor();
    await checkA11y(page, '/errors/ with a match shown');
  });
});

describe('error pages', () => {
  it('show status, type, message, variants and links, with Pagefind filters', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto('/errors/prompt-too-long/');
    expect(await page.locator('h1').innerText()).toMatch(/Prompt is too long/);
    expect(await page.locator('[data-pagefind-filter="category:context-window"]').count()).toBe(1);
    expect(await page.locator('[data-pagefind-filter="status:400"]').count()).toBe(1);
    expect(await page.locator('pre.error-message[data-pagefind-weight]').innerText()).toContain('prompt is too long');
    expect(await page.locator('table.error-variants tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('a[href^="/guide/context-windows/#"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('a[href="/troubleshoot/context-window/cw-what-is-long/"]').innerText()).toMatch(/What makes the prompt too long/);
    // Catalogue figures are rendered, not left as tokens.
    expect(await page.locator('main').innerText()).not.toMatch(/\{(?:fact|model):/);
  });

  it('pass axe', async () => {
    for (const id of ['prompt-too-long', 'rate-limit-requests', 'cache-not-hitting']) {
      const page = await newPage(browser);
      await page.goto(`/errors/${id}/`);
      await checkA11y(page);
    }
  });
});
