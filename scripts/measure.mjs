// Byte measurements shared by `npm run bench` and the budget test: what a page loads before any
// interaction, measured in Chromium (the real request list), each file gzipped at level 9 from dist/.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function distFile(dist, pathname) {
  let p = join(dist, decodeURIComponent(pathname));
  try {
    if (statSync(p).isDirectory()) p = join(p, 'index.html');
    return readFileSync(p);
  } catch {
    return undefined;
  }
}

/**
 * Loads `path` in a fresh context at a desktop viewport, waits for the network to go quiet, and
 * returns the gzipped bytes of the HTML, CSS and JS it requested, with the file list.
 * @param {{ dist?: string, width?: number, height?: number, interact?: (page: any) => Promise<void> }} [options]
 */
export async function measurePage(browser, baseURL, path, options = {}) {
  const { dist = 'dist', width = 1280, height = 900, interact } = options;
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const seen = new Map();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(baseURL).origin) return;
    const type = r.resourceType();
    if (type === 'document' || type === 'script' || type === 'stylesheet') seen.set(url.pathname, type);
  });
  await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' });
  await page.waitForTimeout(200);
  if (interact) {
    await interact(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
  }
  await context.close();
  const out = { path, html: 0, css: 0, js: 0, files: [] };
  for (const [pathname, type] of seen) {
    const body = distFile(dist, pathname);
    if (!body) continue;
    if (type === 'document') {
      // Small scripts Astro inlines into the page are JavaScript too: count them as JS, not HTML.
      const html = body.toString('utf8');
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
      if (inline.trim()) {
        const js = gz(Buffer.from(inline));
        out.js += js;
        out.files.push({ pathname: `${pathname} (inline scripts)`, type: 'js', gzip: js });
      }
    }
    const bytes = gz(body);
    const key = type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : 'js';
    out[key] += bytes;
    out.files.push({ pathname, type: key, gzip: bytes });
  }
  return out;
}

/** Every island bundle in dist/_astro with its gzipped size, plus what it imports (shared chunks). */
export function islandBundles(dist = 'dist') {
  const dir = join(dist, '_astro');
  const sharedFile = (f) => isSharedRuntime(`/_astro/${f}`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const read = (f) => readFileSync(join(dir, f), 'utf8');
  const closure = (entry, acc = new Set()) => {
    if (acc.has(entry)) return acc;
    acc.add(entry);
    for (const m of read(entry).matchAll(/(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) {
      if (files.includes(m[1])) closure(m[1], acc);
    }
    return acc;
  };
  return files
    .filter((f) => /^[A-Z][A-Za-z]+\.[A-Za-z0-9_-]+\.js$/.test(f)) // islands are named after their component
    .map((entry) => {
      const all = [...closure(entry)].filter((f) => !sharedFile(f));
      const total = all.reduce((sum, f) => sum + gz(readFileSync(join(dir, f))), 0);
      return { island: entry.split('.')[0], entry, files: all, gzip: total };
    })
    .sort((a, b) => a.island.localeCompare(b.island));
}

/** Gzipped bytes of the shared runtime (Preact, hooks, JSX runtime, Astro's Preact client). */
islandBundles.sharedRuntimeBytes = (dist = 'dist') => {
  const dir = join(dist, '_astro');
  return readdirSync(dir)
    .filter((f) => isSharedRuntime(`/_astro/${f}`))
    .reduce((sum, f) => sum + gz(readFileSync(join(dir, f))), 0);
};

/** The framework runtime every island shares: Preact, its hooks and JSX runtime, Astro's Preact client. */
export const isSharedRuntime = (pathname) => /\/(preact|hooks|jsxRuntime)\.module\.[\w-]+\.js$|\/client\.[\w-]+\.js$/.test(pathname);

export function formatKB(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
