// `npm run bench`: builds the site, then prints per page type the bytes that load before any
// interaction (gzipped), each island's bundle, build and index times, the bytes Pagefind fetches
// for one pasted error, and Lighthouse's four scores (mobile). Times are printed, never asserted.
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from './serve.mjs';
import { formatKB, islandBundles, measurePage, gz } from './measure.mjs';
import { PAGE_TYPES, BUDGETS, ISLAND_BUDGETS } from './page-types.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchUsage } from './bench-usage.mjs';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const skipBuild = process.argv.includes('--no-build');
const skipLighthouse = process.argv.includes('--no-lighthouse');

const time = (cmd) => {
  const t0 = performance.now();
  execSync(cmd, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return (performance.now() - t0) / 1000;
};

let buildS = NaN;
let indexS = NaN;
if (!skipBuild) {
  buildS = time('npx astro build');
  indexS = time('npx pagefind --site dist');
}

const server = await serve({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: chrome, args: flags });
const types = PAGE_TYPES();
console.log(`\nBuild ${buildS.toFixed(1)} s · Pagefind index ${indexS.toFixed(1)} s\n`);
console.log('Bytes loaded before any interaction (gzip -9), desktop viewport:');
console.log('page type'.padEnd(16), 'path'.padEnd(42), 'HTML'.padStart(9), 'CSS'.padStart(9), 'JS'.padStart(9), '  budget');
for (const { type, path } of types) {
  const m = await measurePage(browser, server.url, path);
  const b = BUDGETS[type] ?? {};
  const verdict = [
    b.js !== undefined ? `JS ≤ ${formatKB(b.js)} ${m.js <= b.js ? 'ok' : 'OVER'}` : '',
    `CSS ≤ ${formatKB(BUDGETS.css)} ${m.css <= BUDGETS.css ? 'ok' : 'OVER'}`,
  ].filter(Boolean).join(', ');
  console.log(type.padEnd(16), path.padEnd(42), formatKB(m.html).padStart(9), formatKB(m.css).padStart(9), formatKB(m.js).padStart(9), ' ', verdict);
}

console.log('\nIsland bundles (gzip -9): own code and libraries | with the shared Preact runtime and island client | budget');
const shared = islandBundles.sharedRuntimeBytes();
for (const i of islandBundles()) {
  const budget = ISLAND_BUDGETS[i.island];
  const verdict = budget === undefined ? '' : `≤ ${formatKB(budget)} ${i.gzip <= budget ? 'ok' : 'OVER'}`;
  console.log(' ', i.island.padEnd(14), formatKB(i.gzip).padStart(9), formatKB(i.gzip + shared).padStart(10), ' ', verdict);
}

// Pagefind: bytes fetched to answer one pasted error on the search page.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Map();
  page.on('requestfinished', async (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/pagefind/')) return;
    // Pagefind's index, fragments and WebAssembly are stored compressed; only its JS is plain text.
    const body = readFileSync(join('dist', url.pathname));
    fetched.set(url.pathname, /\.(js|json|css)$/.test(url.pathname) ? gz(body) : body.length);
  });
  const pasted = 'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 219898 tokens > 200000 maximum"}}';
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(pasted)}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const total = [...fetched.values()].reduce((a, b) => a + b, 0);
  console.log(`\nPagefind for one pasted error: ${fetched.size} files, ${formatKB(total)} (bytes over the wire)`);
  await context.close();
}
// The bill re-pricer on a 1,000,000-row file (scripts/bench-usage.mjs).
await benchUsage(browser, server.url);
await browser.close();

if (!skipLighthouse) {
  console.log('\nLighthouse (mobile, simulated throttling): performance / accessibility / best practices / SEO');
  const launched = await chromeLauncher.launch({ chromePath: chrome, chromeFlags: flags });
  for (const { type, path } of types) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: launched.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const c = result.lhr.categories;
    const s = (k) => String(Math.round((c[k]?.score ?? 0) * 100)).padStart(4);
    console.log(' ', type.padEnd(16), s('performance'), s('accessibility'), s('best-practices'), s('seo'));
  }
  await launched.kill();
}
await server.close();
