// The /usage/ page on a generated 1,000,000-row Console usage CSV, in Chromium: rows per second (worker time from the
// first byte to the report), the longest main-thread task while it runs, and the peak resident memory of the
// renderer processes (the page and its worker). Targets (issue 17): ≥ 150,000 rows/s, no task over 50 ms, < 400 MB.
// Run alone with `node scripts/bench-usage.mjs` (needs a built dist/), or as part of `npm run bench`.
import { readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROWS = 1_000_000;
const HEADER = 'usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,usage_output_tokens,web_search_count,inference_geo,speed';
const MODELS = ['claude-sonnet-4-6', 'claude-opus-4-8', 'claude-haiku-4-5-20251001', 'claude-opus-5-5'];

export function generateUsageCsv(path, rows = ROWS) {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 30) + 1).padStart(2, '0');
    lines.push(`2026-11-${day},${MODELS[i % 4]},key-${i % 10},ws-${i % 3},message,${i % 17 ? '0-200k' : '200k-1M'},${(i * 7) % 5000},${i % 5 ? 0 : 1200},${i % 11 ? 0 : 800},${(i * 13) % 9000},${(i * 3) % 700},${i % 50 ? 0 : 1},${i % 9 ? 'global' : 'us'},standard`);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** Memory (bytes, PSS) of the Chromium renderer processes this Node process started (the page and its worker), from /proc. */
function rendererRss() {
  const parent = new Map();
  const info = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parent.set(pid, /PPid:\s+(\d+)/.exec(status)?.[1]);
      info.set(pid, { status, cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') });
    } catch {
      /* the process ended */
    }
  }
  const mine = (pid) => {
    for (let p = pid, hops = 0; p && hops < 20; p = parent.get(p), hops++) if (p === String(process.pid)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, { status, cmd }] of info) {
    if (!cmd.includes('--type=renderer') || !mine(pid)) continue;
    // Proportional set size (shared pages split between the processes that map them); RSS if smaps_rollup is missing.
    let kb;
    try {
      kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    } catch {
      kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    }
    if (kb) total += Number(kb) * 1024;
  }
  return total;
}

export async function benchUsage(browser, baseUrl) {
  const file = join(tmpdir(), `usage-bench-${process.pid}.csv`);
  generateUsageCsv(file);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${baseUrl}/usage/`, { waitUntil: 'networkidle' });
  await page.locator('.usage[data-ready="true"]').waitFor();
  const before = rendererRss();
  let peak = before;
  const poll = setInterval(() => (peak = Math.max(peak, rendererRss())), 50);
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('#usage-files', file);
  await page.locator('.usage-report').waitFor({ timeout: 300_000 });
  clearInterval(poll);
  const report = page.locator('.usage-report');
  const ms = Number(await report.getAttribute('data-ms'));
  const rows = Number(await report.getAttribute('data-rows'));
  const tasks = await page.evaluate((t) => window.__longTasks.filter((x) => x.start >= t), t0);
  const longest = tasks.reduce((m, x) => Math.max(m, x.ms), 0);
  await context.close();
  rmSync(file);
  const rate = rows / (ms / 1000);
  const mb = (b) => (b / 1024 / 1024).toFixed(0);
  console.log(`\n/usage/ on a generated ${rows.toLocaleString('en-US')}-row Console usage CSV (${MODELS.length} models, 30 days, 10 keys):`);
  console.log(`  ${rate.toFixed(0)} rows/s (${(ms / 1000).toFixed(1)} s in the worker) — target ≥ 150,000: ${rate >= 150_000 ? 'ok' : 'BELOW'}`);
  console.log(`  longest main-thread task while reading: ${longest.toFixed(0)} ms (${tasks.length} over 50 ms) — target none over 50 ms: ${tasks.length === 0 ? 'ok' : 'OVER'}`);
  if (tasks.length) console.log(`    tasks over 50 ms (duration @ start, from the file pick): ${tasks.map((x) => `${x.ms.toFixed(0)} ms @ ${((x.start - t0) / 1000).toFixed(1)} s`).join(', ')}`);
  console.log(`  load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${cpus().length} cores; the figures scale with the CPU share the page gets)`);
  console.log(`  peak renderer memory (PSS): ${mb(peak)} MB, of which ${mb(peak - before)} MB while reading (${mb(before)} MB before the file, all renderer processes of this browser) — target < 400 MB: ${peak < 400 * 1024 * 1024 ? 'ok' : 'OVER'}`);
  return { rate, longest, longTasks: tasks.length, peak };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const server = await serve({ root: 'dist', port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  await benchUsage(browser, server.url);
  await browser.close();
  await server.close();
}
