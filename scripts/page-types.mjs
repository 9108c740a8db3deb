// One representative URL per page type, and the byte budgets from the quality-gates issue.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const KB = 1024;
export const BUDGETS = {
  css: 15 * KB, // every page
  // JS that loads before any interaction, inline scripts included (the search UI loads on demand).
  chapter: { js: 2 * KB },
  error: { js: 2 * KB },
};

/** Island bundles: the island's own code and libraries (XState, pricing), once used; the Preact runtime
 *  and Astro's island client, shared by every island on the site, are counted separately. */
export const ISLAND_BUDGETS = {
  TreeWalker: 20 * KB,
  Calculator: 15 * KB,
  // The /usage/ island (6.2 kB on 2026-12-04, with the charges-only view and the Batch share); its Web Worker
  // (parser, pricing) has its own budget: USAGE_WORKER_BUDGET.
  UsageTool: 7 * KB,
};

/** The /usage/ page's worker (Papa Parse, the pricing engine, the usage session), gzip. The page starts it as soon as
 *  it has loaded, so reading a file fetches nothing and works offline. */
export const USAGE_WORKER_BUDGET = 25 * KB;

/** The first tree page under dist/troubleshoot/ whose HTML marks it as the given kind. */
function firstTreePage(kind, dist) {
  const root = join(dist, 'troubleshoot');
  if (!existsSync(root)) return undefined;
  for (const tree of readdirSync(root)) {
    const dir = join(root, tree);
    if (!existsSync(dir) || tree.endsWith('.html')) continue;
    for (const node of readdirSync(dir)) {
      const file = join(dir, node, 'index.html');
      if (existsSync(file) && readFileSync(file, 'utf8').includes(`data-node-kind="${kind}"`)) return `/troubleshoot/${tree}/${node}/`;
    }
  }
  return undefined;
}

/** A complete set of the diagnostic's answers, as the wizard writes them into the address bar. */
const DIAGNOSE_RESULT =
  '/diagnose/?task=chat&simple=20&hard=10&quality=high&latency=interactive&perDay=50000&prompt=30000&prefix=20000&output=400&tools=simple';

export function PAGE_TYPES(dist = 'dist') {
  return [
    { type: 'home', path: '/' },
    { type: 'chapter', path: '/guide/rate-limits/' },
    { type: 'error', path: '/errors/prompt-too-long/' },
    { type: 'tree question', path: '/troubleshoot/' },
    { type: 'tree outcome', path: firstTreePage('outcome', dist) ?? '/troubleshoot/' },
    { type: 'calculator', path: '/calculator/' },
    { type: 'usage', path: '/usage/' },
    { type: 'search results', path: '/search/?q=rate%20limit' },
    { type: 'models', path: '/models/' },
    { type: 'diagnose', path: '/diagnose/' },
    // A shared result link (the answers in the query string render the recommendation at once).
    { type: 'diagnose result', path: DIAGNOSE_RESULT },
  ];
}
