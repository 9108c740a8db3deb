/**
 * The "this looks like" box shared by the paste box and /search/: up to three candidate fixes, each with its
 * confidence and why it matched (the rule's words or the words the model weighed most), the facts read from the
 * paste, and a retired model's date and replacement. When nothing is confident it says so and offers the symptom
 * tree and the closest chapter sections instead. Every candidate carries `data-candidate="<category>"` (tests and
 * links rely on it; nothing else on the page does). Renders text only: pasted content is never HTML.
 */
import type { Candidate, Ranking } from '../lib/fix-candidates.ts';
import { describeMatch } from '../lib/describe-match.ts';
import { categoryLabel } from '../lib/error-labels.ts';
import './FixCandidates.css';

export interface FixEntry {
  id: string;
  title: string;
  /** One-line fix (the entry's `fixSummary`). */
  fix: string;
  category: string;
  /** Chapter section: `/guide/<slug>/#<anchor>` */
  chapter: string;
  chapterTitle: string;
}

interface Props {
  ranking: Ranking;
  entries: Map<string, FixEntry>;
}

function confidence(c: Candidate): string {
  if (c.by === 'code') return 'error code';
  if (c.by === 'rule') return 'exact rule';
  const p = Math.round(c.confidence * 100);
  return Number.isFinite(p) ? `${p}% likely` : 'unsure';
}

function Why({ c, unsure = false }: { c: Candidate; unsure?: boolean }) {
  if (c.why.length === 0) return null;
  return (
    <p class="fix__why">
      {c.by !== 'model' ? 'Matched: ' : unsure ? 'Nearest words: ' : 'Words that decided it: '}
      {c.why.map((w, i) => (
        <>
          {i > 0 && ', '}
          <q>{w}</q>
        </>
      ))}
    </p>
  );
}

export default function FixCandidates({ ranking, entries }: Props) {
  const { candidates, match, retired } = ranking;
  if (candidates.length === 0) return null;
  const facts = match ? describeMatch(match) : '';
  const retiredLine = retired && (
    <p class="fix__retired">
      {retired.name} retired on {retired.retired}
      {retired.dateUnconfirmed ? ' (date not confirmed)' : ''}
      {retired.replacement ? (
        <>
          ; {retired.replacement.name} (<code>{retired.replacement.apiId}</code>) replaces it.
        </>
      ) : (
        '.'
      )}
    </p>
  );

  if (!ranking.sure) {
    // Distinct chapter sections of the candidates, closest first.
    const seen = new Set<string>();
    const chapters = candidates.flatMap((c) => {
      const e = entries.get(c.errorId);
      const chapter = e?.chapter.replace(/#.*$/, '');
      if (!e || !chapter || seen.has(chapter)) return [];
      seen.add(chapter);
      return [{ c, e }];
    });
    return (
      <div class="fix fix--unsure">
        <p class="fix__kicker">Not sure</p>
        <p>
          Nothing in the error reference matches this confidently. Walk the <a href="/troubleshoot/">symptom tree</a>, or
          start from the closest chapters:
        </p>
        <ul class="fix__list">
          {chapters.map(({ c, e }) => (
            <li data-candidate={c.category}>
              <a href={e.chapter}>{e.chapterTitle}</a> <span class="fix__meta">{categoryLabel(c.category)} · {confidence(c)}</span>
              <Why c={c} unsure />
            </li>
          ))}
        </ul>
        {facts && <p class="fix__facts">{facts}</p>}
      </div>
    );
  }

  return (
    <div class="fix">
      <p class="fix__kicker">This looks like</p>
      {retiredLine}
      <ol class="fix__list">
        {candidates.map((c, i) => {
          const e = entries.get(c.errorId);
          const href = e ? `/errors/${e.id}/` : '/errors/';
          return (
            <li data-candidate={c.category} data-error-id={c.errorId} class={i === 0 ? 'fix__first' : undefined}>
              <p class="fix__title">
                <a href={href}>{e?.title ?? `${categoryLabel(c.category)} errors`}</a>{' '}
                <span class="fix__meta">
                  {categoryLabel(c.category)} · {confidence(c)}
                </span>
              </p>
              <Why c={c} />
              {i === 0 && facts && <p class="fix__facts">{facts}</p>}
              {i === 0 && e && (
                <p class="fix__fix">
                  <strong>Fix:</strong> {e.fix}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
