import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classifyError } from '../lib/classify-error.ts';
import { cleanQuery, fallbackQueries } from '../lib/search-query.ts';

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
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface ErrorTitle {
  id: string;
  title: string;
}

interface Props {
  /** Error reference titles by id, so a classified paste can be named without loading the reference. */
  errors: ErrorTitle[];
}

const PAGE = 10;

function readQuery(): { q: string; category: string } {
  const params = new URLSearchParams(location.search);
  return { q: params.get('q') ?? '', category: params.get('category') ?? '' };
}

export default function SearchPage({ errors }: Props) {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [pagefind, setPagefind] = useState<Pagefind | null>(null);
  const [loadError, setLoadError] = useState('');
  const [results, setResults] = useState<PagefindData[] | null>(null);
  const [total, setTotal] = useState(0);
  const [categories, setCategories] = useState<Record<string, number>>({});
  const [searching, setSearching] = useState(false);
  const [used, setUsed] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const titles = useMemo(() => new Map(errors.map((e) => [e.id, e.title])), [errors]);

  useEffect(() => {
    const initial = readQuery();
    setQuery(initial.q);
    setCategory(initial.category);
    // Built at run time so the bundler leaves it alone: the file exists only after `pagefind` has run.
    const bundle = new URL('/pagefind/pagefind.js', location.origin).href;
    import(/* @vite-ignore */ bundle)
      .then(async (pf: Pagefind) => {
        await pf.options({ excerptLength: 24 });
        setPagefind(pf);
        const filters = await pf.filters();
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

  const match = useMemo(() => (query.trim().length > 0 ? classifyError(query) : null), [query]);
  const cleaned = useMemo(() => cleanQuery(query), [query]);

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
      const data = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
      if (cancelled) return;
      setResults(data);
      setUsed(usedQuery);
      setTotal(found.results.length);
      setSearching(false);
    };
    const timer = setTimeout(run, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [pagefind, cleaned, category]);

  const update = (q: string, c: string) => {
    setQuery(q);
    setCategory(c);
    const params = new URLSearchParams();
    if (q) params.set('q', q);
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
          Search the guide, or paste an error message
        </label>
        <textarea
          id="search-input"
          rows={query.length > 80 ? 4 : 1}
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

      {match && (
        <section class="search-page__match" aria-labelledby="match-title">
          <p class="search-page__kicker">This looks like</p>
          <h2 id="match-title">
            <a href={`/errors/${match.errorId}/`}>{titles.get(match.errorId) ?? match.errorId}</a>
          </h2>
          <p>
            Category <code>{match.category}</code>
            {Object.entries(match.facts)
              .filter(([k]) => k !== 'category')
              .slice(0, 6)
              .map(([k, v]) => (
                <span>
                  {' · '}
                  {k}: <code>{String(v)}</code>
                </span>
              ))}
          </p>
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
              <a class="result__link" href={r.url}>
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
    </div>
  );
}
