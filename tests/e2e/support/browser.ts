import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.ts';

/** Origin of the built site served by the global setup, e.g. http://127.0.0.1:41234 */
export const baseURL: string = inject('baseURL');

/** Launches the system Chromium; Playwright gives every launch a fresh, empty profile directory. */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

export interface PageOptions {
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark';
  width?: number;
  height?: number;
}

export interface TestPage extends Page {
  /** Console errors and uncaught exceptions seen so far on this page. */
  errors: string[];
}

/** A page in a new context (fresh storage). Collects console errors and page errors. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<TestPage> {
  const context: BrowserContext = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = (await context.newPage()) as TestPage;
  page.errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** axe-core against WCAG 2.0/2.1/2.2 A and AA; throws with every violation listed. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  // Legacy mode runs axe.run in the page itself; the default opens a blank page per check to merge frame
  // results, which doubled the time of a 221-page sweep. Our pages have no cross-origin frames to merge.
  const result = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
          .join('\n')}`,
    );
    throw new Error(`axe found ${result.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
  }
}
