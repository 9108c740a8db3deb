/// <reference lib="webworker" />
/**
 * Pagefind in a worker of ours: /pagefind/pagefind.js is imported here with `noWorker`, so its WebAssembly, index
 * decompression and ranking run off the main thread without Pagefind's own second bundle (pagefind-worker.js, 12 kB
 * gzip) being fetched. The search page talks to it through `pagefindInWorker()` (src/islands/SearchPage.tsx).
 */
export type PagefindRequest =
  | { id: number; op: 'filters' }
  | { id: number; op: 'search'; q: string; filters: Record<string, string[]> }
  | { id: number; op: 'data'; search: number; index: number };
export type PagefindReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

interface Result {
  data(): Promise<{ url: string; sub_results?: { url: string }[] }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(language?: string): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: Result[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Built at run time so the bundler leaves it alone: the file exists only after `pagefind` has run.
const ready: Promise<Pagefind> = import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', scope.location.origin).href).then(async (pf: Pagefind) => {
  await pf.options({ noWorker: true, excerptLength: 24 });
  // A worker has no <html lang>: name the index's language.
  await pf.init('en');
  return pf;
});
const searches = new Map<number, Result[]>();
// In a worker Pagefind cannot strip the origin from its URLs; the page links within the site.
const local = (u: string) => (u.startsWith(scope.location.origin) ? u.slice(scope.location.origin.length) || '/' : u);

scope.onmessage = async (e: MessageEvent<PagefindRequest>) => {
  const m = e.data;
  try {
    const pf = await ready;
    let value: unknown;
    if (m.op === 'filters') value = await pf.filters();
    else if (m.op === 'search') {
      const { results } = await pf.search(m.q, { filters: m.filters });
      searches.clear(); // only the latest search is paged ("Show more")
      searches.set(m.id, results);
      value = { search: m.id, count: results.length };
    } else {
      const d = await searches.get(m.search)?.[m.index]?.data();
      value = d && { ...d, url: local(d.url), sub_results: (d.sub_results ?? []).map((s) => ({ ...s, url: local(s.url) })) };
    }
    scope.postMessage({ id: m.id, ok: true, value } satisfies PagefindReply);
  } catch (err) {
    scope.postMessage({ id: m.id, ok: false, error: (err as Error)?.message || String(err) } satisfies PagefindReply);
  }
};
