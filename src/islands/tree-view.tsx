// Presentational part of the TreeWalker island: renders one node of a decision tree as
// plain links (so the server-rendered HTML works without JavaScript) and reports clicks
// as walk actions when the island runs. No XState here: this file is in the first chunk.
import type { JSX } from 'preact';
import type { NodeView } from '../lib/tree-view.ts';

export type WalkAction =
  | { type: 'ANSWER'; question: string; option: string }
  | { type: 'BACK' }
  | { type: 'RESTART' }
  /** Go back to the question of answer `index` (0-based) to change it. */
  | { type: 'CHANGE'; index: number };

/** Text with `inline code` spans rendered as <code>. */
export function Inline({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : p))}</>;
}

interface Props {
  view: NodeView;
  /** Why the link's answers were not used (shown above the start of the tree). */
  problem?: string | null | undefined;
  announce: string;
  /** Called instead of following a link; `href` is where the link would have gone. */
  onAction?: ((action: WalkAction, href: string) => void) | undefined;
}

export function NodeScreen({ view, problem, announce, onAction }: Props) {
  const on = (action: WalkAction) => (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (!onAction || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onAction(action, e.currentTarget.href);
  };
  return (
    <div class="tw" data-node-kind={view.kind} data-node={view.node}>
      {problem && (
        <div class="tw-problem" role="alert">
          <p>
            <strong>This link could not be followed.</strong> {problem} Here is the start of the tree instead.
          </p>
        </div>
      )}
      {view.intro && <p class="tw-intro">{view.intro}</p>}
      <p class="tw-context">
        Troubleshooting: <a href={view.treeStartHref}>{view.treeTitle}</a>
        <span aria-hidden="true"> · </span>
        <a href={view.mapHref}>See the whole tree</a>
        {view.treeStartHref !== '/troubleshoot/' && (
          <>
            <span aria-hidden="true"> · </span>
            <a href="/troubleshoot/">All symptoms</a>
          </>
        )}
      </p>

      {view.crumbs.length > 0 && (
        <nav class="tw-path" aria-labelledby="tw-path-title">
          <p id="tw-path-title" class="tw-path-title">
            Your answers
          </p>
          <ol>
            {view.crumbs.map((c, i) => (
              <li key={c.question}>
                <span class="tw-path-q">
                  <Inline text={c.questionText} />
                </span>{' '}
                <span class="tw-path-a">
                  <Inline text={c.optionLabel} />
                </span>{' '}
                <a class="tw-change" href={c.changeHref} onClick={on({ type: 'CHANGE', index: i })}>
                  Change<span class="visually-hidden"> your answer to “{c.questionText}”</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      {view.kind === 'question' && (
        <>
          {view.help && (
            <p class="tw-help">
              <Inline text={view.help} />
            </p>
          )}
          <ul class="tw-options" aria-label="Answers">
            {view.options.map((o) => (
              <li key={o.id}>
                <a class="tw-option" href={o.href} onClick={o.external ? undefined : on({ type: 'ANSWER', question: view.node, option: o.id })}>
                  <Inline text={o.label} />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      {view.outcome && (
        <div class="tw-outcome">
          <h2>Diagnosis</h2>
          <p>
            <Inline text={view.outcome.diagnosis} />
          </p>
          <h2>Fix</h2>
          <p class="tw-fix">
            <Inline text={view.outcome.fix} />
          </p>
          <h2>Read more</h2>
          <ul class="tw-links">
            {view.outcome.links.map((l) => (
              <li key={l.href}>
                <a href={l.href}>
                  <Inline text={l.label} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div class="tw-actions">
        {view.backHref && (
          <a class="tw-back" href={view.backHref} onClick={on({ type: 'BACK' })}>
            Back
          </a>
        )}
        {(view.crumbs.length > 0 || problem) && (
          <a class="tw-restart" href={view.startHref} onClick={on({ type: 'RESTART' })}>
            Start over
          </a>
        )}
      </div>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announce}
      </p>
    </div>
  );
}

/** Puts the node's heading into the page's h1 and <title>; moves focus there when asked. */
export function syncHeading(view: NodeView, focus: boolean): void {
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (!h1) return;
  const old = h1.textContent ?? '';
  if (old !== view.heading) {
    if (old && document.title.startsWith(old)) document.title = view.heading + document.title.slice(old.length);
    h1.textContent = view.heading;
  }
  if (focus) {
    h1.tabIndex = -1;
    h1.focus();
  }
}

export function announcement(view: NodeView): string {
  const text = view.heading.replace(/`/g, '');
  return view.kind === 'outcome' ? `Result: ${text}` : `Question: ${text}`;
}
