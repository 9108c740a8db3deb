/**
 * Paste an error: ranks candidate fixes for the text as it is typed or pasted (src/lib/fix-candidates.ts: codes,
 * rules, then the learned model, whose weights load on the first keystroke) and shows them with FixCandidates;
 * when nothing matches, links to the search page. Hydrate with `client:visible`.
 * Small on purpose: no zod, no YAML; the page passes the few fields it needs (src/lib/paste-props.ts).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { rankFixes, type Classifier } from '../lib/fix-candidates.ts';
import { classifierReady } from '../lib/load-classifier.ts';
import { cleanQuery, searchHref } from '../lib/search-query.ts';
import { typedBeforeHydration } from '../lib/typed-before-hydration.ts';
import type { RetiredModel } from '../lib/retired-models.ts';
import FixCandidates, { type FixEntry } from './FixCandidates.tsx';
import './PasteBox.css';

interface Props {
  errors: FixEntry[];
  retired?: RetiredModel[];
  /** Id prefix, so two boxes on one page keep unique ids. */
  idPrefix?: string;
}

export default function PasteBox({ errors, retired = [], idPrefix = 'paste' }: Props) {
  const inputId = `${idPrefix}-input`;
  // Text pasted into the server-rendered textarea before hydration is kept (and classified), not wiped.
  const [text, setText] = useState(() => typedBeforeHydration(inputId));
  const [classifier, setClassifier] = useState<Classifier | null>(null);
  const entries = useMemo(() => new Map(errors.map((e) => [e.id, e])), [errors]);
  const trimmed = text.trim();
  useEffect(() => {
    if (trimmed && !classifier) classifierReady().then(setClassifier, () => undefined);
  }, [trimmed !== '', classifier]);
  const ranking = useMemo(() => (trimmed ? rankFixes(trimmed, classifier, { retired }) : null), [trimmed, classifier, retired]);
  const query = useMemo(() => (trimmed && !ranking?.candidates.length ? cleanQuery(trimmed) : ''), [trimmed, ranking]);
  const hintId = `${idPrefix}-hint`;

  return (
    <div class="paste-box">
      <label for={inputId} class="paste-box__label">
        Paste an error message or describe the symptom
      </label>
      <p id={hintId} class="paste-box__hint">
        The whole thing is fine: JSON bodies, SDK exceptions, LiteLLM or Claude Code output, or a sentence like “prompt
        caching never hits”. Nothing leaves your browser.
      </p>
      <textarea
        id={inputId}
        class="paste-box__input"
        rows={4}
        spellcheck={false}
        aria-describedby={hintId}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="paste-box__result" aria-live="polite" aria-atomic="true">
        {ranking && ranking.candidates.length > 0 ? (
          <>
            <FixCandidates ranking={ranking} entries={entries} />
            <p class="paste-box__more">
              <a href={searchHref(trimmed)}>Search the guide for this</a>
            </p>
          </>
        ) : trimmed ? (
          <p class="paste-box__none">
            No error in the reference matches this text.{' '}
            {query ? (
              <a href={searchHref(query)}>Search the guide for “{query}”</a>
            ) : (
              <a href="/search/">Search the guide</a>
            )}
            .
          </p>
        ) : null}
      </div>
    </div>
  );
}
