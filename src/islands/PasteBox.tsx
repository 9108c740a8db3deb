/**
 * Paste an error: classifies the text as it is typed or pasted (src/lib/classify-error.ts) and shows the
 * matching error-reference entry, what was read from the paste, and the fix in one line; when nothing matches,
 * links to the search page with a cleaned query. Hydrate with `client:visible`.
 * Small on purpose: no zod, no YAML; the page passes the few fields it needs.
 */
import { useMemo, useState } from 'preact/hooks';
import { classifyError } from '../lib/classify-error.ts';
import { describeMatch } from '../lib/describe-match.ts';
import { cleanQuery } from '../lib/search-query.ts';
import { categoryLabel } from '../lib/error-labels.ts';
import './PasteBox.css';

export interface PasteBoxError {
  id: string;
  title: string;
  /** One-line fix (the entry's `fixSummary`). */
  fix: string;
}

interface Props {
  errors: PasteBoxError[];
  /** Id prefix, so two boxes on one page keep unique ids. */
  idPrefix?: string;
}

export default function PasteBox({ errors, idPrefix = 'paste' }: Props) {
  const [text, setText] = useState('');
  const byId = useMemo(() => new Map(errors.map((e) => [e.id, e])), [errors]);
  const trimmed = text.trim();
  const match = useMemo(() => (trimmed ? classifyError(trimmed) : null), [trimmed]);
  const entry = match ? byId.get(match.errorId) : undefined;
  const query = useMemo(() => (trimmed && !entry ? cleanQuery(trimmed) : ''), [trimmed, entry]);
  const inputId = `${idPrefix}-input`;
  const hintId = `${idPrefix}-hint`;

  return (
    <div class="paste-box">
      <label for={inputId} class="paste-box__label">
        Paste an error message
      </label>
      <p id={hintId} class="paste-box__hint">
        The whole thing is fine: JSON bodies, SDK exceptions, LiteLLM or Claude Code output. Nothing leaves your browser.
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
        {match && entry ? (
          <div class="paste-box__match" data-error-id={entry.id}>
            <p class="paste-box__kicker">
              Looks like: <span class="paste-box__category">{categoryLabel(match.category)}</span>
            </p>
            <p class="paste-box__title">
              <a href={`/errors/${entry.id}/`}>{entry.title}</a>
            </p>
            {describeMatch(match) && <p class="paste-box__facts">{describeMatch(match)}</p>}
            <p class="paste-box__fix">
              <strong>Fix:</strong> {entry.fix}
            </p>
            <p class="paste-box__more">
              <a href={`/errors/${entry.id}/`}>Cause, checks and the full fix</a>
            </p>
          </div>
        ) : trimmed ? (
          <p class="paste-box__none">
            No error in the reference matches this text.{' '}
            {query ? (
              <a href={`/search/?q=${encodeURIComponent(query)}`}>
                Search the guide for “{query}”
              </a>
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
