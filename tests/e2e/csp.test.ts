import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newPage, openBrowser } from './support/browser.ts';
import { builtHtml } from './support/site.ts';
// @ts-ignore: plain ESM shared with the bench
import { PAGE_TYPES } from '../../scripts/page-types.mjs';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

const pages = builtHtml();

describe('Content-Security-Policy', () => {
  it('every page carries a CSP whose script-src has no unsafe-inline', () => {
    const problems: string[] = [];
    for (const [file, html] of pages) {
      const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
      if (!csp) problems.push(`${file}: no CSP meta`);
      else if (/script-src[^;]*'unsafe-inline'/.test(csp)) problems.push(`${file}: script-src allows unsafe-inline`);
    }
    expect(problems).toEqual([]);
  });

  it('no page uses inline event handler attributes', () => {
    const offenders = pages
      .filter(([, html]) => /<[a-z][^>]*\son[a-z]+\s*=\s*["']/i.test(html.replace(/<pre[\s\S]*?<\/pre>/g, '')))
      .map(([file]) => file);
    expect(offenders).toEqual([]);
  });

  for (const { type, path } of PAGE_TYPES() as { type: string; path: string }[]) {
    it(`Chromium reports no violation on a ${type} page (${path}), with search opened`, async () => {
      const page = await newPage(browser);
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      // 'networkidle' alone can come while the parser is still busy (seen with a loaded CPU), before the
      // header's module script has defined <site-search>, so Ctrl-K would fall through: wait for 'load' too.
      await page.goto(path, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      // Loading the search UI compiles Pagefind's WebAssembly: the policy must allow it.
      await page.keyboard.press('Control+k');
      await page.locator('pagefind-modal input').waitFor();
      await page.locator('pagefind-modal input').fill('cache');
      await page.waitForTimeout(800);
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations).toEqual([]);
      expect(page.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      await page.context().close(); // eleven open tabs, each with Pagefind loaded, slow the later ones down
    });
  }
});
