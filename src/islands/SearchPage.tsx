/**
 * /search/: a query or a whole pasted error. The box above the results ranks candidate fixes (FixCandidates); the
 * results come from Pagefind, queried with the paste's most distinctive words for its likely category
 * (distinctiveQuery), broadened only if that finds nothing, with the first candidate's category moved ahead.
 * `?q=` is the shareable URL of a paste (capped at MAX_URL_TEXT characters).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { orderResults, rankFixes, termWeight, type Classifier } from '../lib/fix-candidates.ts';
import { classifierReady } from '../lib/load-classifier.ts';
import { distinctiveQuery, fallbackQueries, RESULTS_PAGE, SEARCH_TERMS } from '../lib/search-query.ts';
import type { RetiredModel } from '../lib/retired-models.ts';
import { typedBeforeHydration } from '../lib/typed-before-hydration.ts';
import FixCandidates, { type FixEntry } from './FixCandidates.tsx';
import type { PagefindReply, PagefindRequest } from './pagefind.worker.ts';

/** The slice of the Pagefind JS API this page uses (written by the pagefind CLI to /pagefind/pagefind.js). */
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The Pagefind API above, answered by src/islands/pagefind.worker.ts; a result's data is fetched when asked for. */
function pagefindInWorker(): Pagefind {
  const worker = new Worker(new URL('./pagefind.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<PagefindReply>) => {
    const r = e.data;
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (r.ok) p?.resolve(r.value);
    else p?.reject(new Error(r.error));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'search worker failed'));
    pending.clear();
  };
  const call = <T,>(m: DistributiveOmit<PagefindRequest, 'id'>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...m, id });
    });
  return {
    filters: () => call({ op: 'filters' }),
    search: async (q, o) => {
      const { search, count } = await call<{ search: number; count: number }>({ op: 'search', q, filters: o?.filters ?? {} });
      return {
        results: Array.from({ length: count }, (_, index) => ({ id: `${search}:${index}`, data: () => call<PagefindData>({ op: 'data', search, index }) })),
      };
    },
  };
}
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

interface Props {
  /** The error reference's titles, fixes and chapters (src/lib/paste-props.ts), so candidates can be named. */
  errors: FixEntry[];
  retired?: RetiredModel[];
}

/** The address bar keeps at most this much of a paste (the classifier reads no further). */
export const MAX_URL_TEXT = 2000;

function readQuery(): { q: string; category: string } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', category: params.get('category') ?? '' };
}

export default function SearchPage({ errors, retired = [] }: Props) {
  // A paste typed into the server-rendered field before hydration is kept; otherwise ?q= fills it (below).
  const [query, setQuery] = useState(() => typedBeforeHydration('search-input'));
  const [category, setCategory] = useState('');
  const [pagefind, setPagefind] = useState<Pagefind | null>(null);
  const [loadError, setLoadError] = useState('');
  const [results, setResults] = useState<PagefindData[] | null>(null);
  const [total, setTotal] = useState(0);
  const [categories, setCategories] = useState<Record<string, number>>({});
  const [searching, setSearching] = useState(false);
  const [used, setUsed] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const handles = useRef<PagefindResult[]>([]);
  const showMore = async () => {
    const from = results?.length ?? 0;
    const more = await Promise.all(handles.current.slice(from, from + RESULTS_PAGE).map((r) => r.data()));
    setResults([...(results ?? []), ...more]);
  };
  const entries = useMemo(() => new Map(errors.map((e) => [e.id, e])), [errors]);
  const [classifier, setClassifier] = useState<Classifier | null>(null);
  // 'loading' until the weights arrive (or fail: then rules alone decide and search still runs).
  const [model, setModel] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    const initial = readQuery();
    setQuery((typed) => (typed.trim() ? typed : initial.q));
    setCategory(initial.category);
    // Pagefind runs in a worker of ours (its WebAssembly and ranking off the main thread, without Pagefind's own
    // second worker bundle); the page waits for the filters, which also proves the index is there.
    const pf = pagefindInWorker();
    pf.filters()
      .then((filters) => {
        setPagefind(pf);
        setCategories(filters.category ?? {});
      })
      .catch(() => setLoadError('The search index is missing. Build the site with `npm run build` to create it.'));
    const onPop = () => {
      const s = readQuery();
      setQuery(s.q);
      setCategory(s.category);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const hasQuery = query.trim().length > 0;
  useEffect(() => {
    if (hasQuery && model === 'loading' && !classifier)
      classifierReady().then(
        (c) => {
          setClassifier(c);
          setModel('ready');
        },
        () => setModel('failed'),
      );
  }, [hasQuery]);
  const ranking = useMemo(() => (hasQuery ? rankFixes(query, classifier, { retired }) : null), [query, classifier, retired, hasQuery]);
  // Wait for the model before searching a paste, so the query is built once, from its distinctive words.
  const cleaned = useMemo(
    () => (ranking && model !== 'loading' ? distinctiveQuery(query, termWeight(classifier, ranking), SEARCH_TERMS) : ''),
    [query, ranking, model, classifier],
  );

  useEffect(() => {
    if (!pagefind) return;
    let cancelled = false;
    const run = async () => {
      if (!cleaned) {
        setResults(null);
        setTotal(0);
        return;
      }
      setSearching(true);
      const filters: Record<string, string[]> = category ? { category: [category] } : {};
      // One stray word empties a Pagefind result set: broaden step by step until something matches.
      let found = await pagefind.search(cleaned, { filters });
      let usedQuery = cleaned;
      for (const broader of fallbackQueries(cleaned)) {
        if (found.results.length > 0 || cancelled) break;
        found = await pagefind.search(broader, { filters });
        usedQuery = broader;
      }
      // Each result's data is a fragment download: fetch a page at a time (the rest on "Show more").
      const data = await Promise.all(found.results.slice(0, RESULTS_PAGE).map((r) => r.data()));
      if (cancelled) return;
      handles.current = found.results;
      setResults(ranking ? orderResults(data.map((d) => ({ ...d, categories: d.filters.category ?? [] })), ranking) : data);
      setUsed(usedQuery);
      setTotal(found.results.length);
      setSearching(false);
    };
    const timer = setTimeout(run, 80);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [pagefind, cleaned, category]); // ranking is derived from the same query as `cleaned`

  const update = (q: string, c: string) => {
    setQuery(q);
    setCategory(c);
    const params = new URLSearchParams();
    if (q) params.set('q', q.slice(0, MAX_URL_TEXT));
    if (c) params.set('category', c);
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
  };

  // Arrow keys move between result links; the input hands focus to the first result.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result__link') ?? [])];
    if (links.length === 0) return;
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = e.key === 'ArrowDown' ? Math.min(i + 1, links.length - 1) : i - 1;
    e.preventDefault();
    if (next < 0) document.getElementById('search-input')?.focus();
    else links[next]!.focus();
  };

  return (
    <div class="search-page" onKeyDown={onKeyDown}>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-input" class="search-page__label">
          Search the guide, paste an error message or describe a symptom
        </label>
        <textarea
          id="search-input"
          rows={query.length > 40 ? 4 : 1}
          value={query}
          placeholder="e.g. prompt is too long, 429 output tokens per minute, cache never hits"
          onInput={(e) => update((e.target as HTMLTextAreaElement).value, category)}
          autoFocus
        />
        {Object.keys(categories).length > 0 && (
          <label class="search-page__filter">
            Category{' '}
            <select value={category} onChange={(e) => update(query, (e.target as HTMLSelectElement).value)}>
              <option value="">All</option>
              {Object.entries(categories)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([c, n]) => (
                  <option value={c}>
                    {c} ({n})
                  </option>
                ))}
            </select>
          </label>
        )}
      </form>

      {loadError && <p class="search-page__error">{loadError}</p>}

      {ranking && ranking.candidates.length > 0 && (
        <section class="search-page__match" aria-label="Candidate fixes">
          <FixCandidates ranking={ranking} entries={entries} />
        </section>
      )}

      <div aria-live="polite" class="search-page__status">
        {cleaned && results && !searching && (
          <p>
            {total === 0 ? 'No pages match' : `${total} page${total === 1 ? '' : 's'} match`} <code>{used || cleaned}</code>
            {category && ` in ${category}`}.
          </p>
        )}
      </div>

      {results && results.length > 0 && (
        <ol class="search-page__results" ref={listRef}>
          {results.map((r) => (
            <li class="result">
              <a class="result__link" href={r.url} data-result>
                {r.meta.title ?? r.url}
              </a>
              {r.filters.category?.[0] && <span class="result__tag">{r.filters.category[0]}</span>}
              <p class="result__excerpt" dangerouslySetInnerHTML={{ __html: r.excerpt }} />
              {r.sub_results.length > 1 && (
                <ul class="result__subs">
                  {r.sub_results.slice(0, 3).map((s) => (
                    <li>
                      <a class="result__link" href={s.url}>
                        {s.title}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {results && total > results.length && (
        <button type="button" class="search-page__more" onClick={showMore}>
          Show more results ({total - results.length} left)
        </button>
      )}
    </div>
  );
}
