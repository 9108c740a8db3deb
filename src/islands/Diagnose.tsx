// The 7-step model-selection diagnostic at /diagnose/: a wizard driven by the hand-written
// XState machine in src/lib/diagnose-machine.ts, with the recommendation from the pure
// src/lib/recommend.ts priced by the catalogue's pricing engine. The step and the answers are kept
// in the URL, one history entry per step, so browser Back and Forward walk the wizard and a result
// can be shared. The server renders the first step (inert until the island runs), so hydrating moves nothing
// on the page; readers without JavaScript get the page's own list of the questions instead.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { createIndex, type PricingData } from '../lib/catalogue-index.ts';
import { costOf } from '../lib/pricing-core.ts';
import { recommend, type DiagnosticAnswers, type Recommendation, type Tier, type TierModel } from '../lib/recommend.ts';
import {
  answersFromQuery,
  answersToQuery,
  createDiagnoseMachine,
  LATENCY,
  QUALITY,
  STEPS,
  TASKS,
  TOOLS,
  validateStep,
  type QueryAnswers,
  type Step,
} from '../lib/diagnose-machine.ts';
import { LATENCY_LABEL, QUALITY_LABEL, STEP_TEXT, TASK_LABEL, TOOLS_LABEL } from '../lib/diagnose-text.ts';
import { useMachine } from './use-machine.ts';
import './Diagnose.css';

export interface DiagnoseProps {
  /** The current model of each tier (from the catalogue). */
  models: Record<Tier, TierModel>;
  /** The current Fable model, considered where capability is the point. */
  fable?: TierModel | undefined;
  /** JSON of the slim pricing data for those models (src/lib/catalogue.ts slimPricingData). */
  data: string;
  daysPerMonth: number;
  breakEven: { reads5m: number; reads1h: number };
}

const usd = (n: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: n >= 100 ? 0 : 2 }).format(n);
const pct = (n: number) => `${Math.round(n * 100)}%`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

type Draft = Record<string, string>;

function draftOf(a: DiagnosticAnswers): Draft {
  return {
    task: a.task,
    simpleShare: String(a.simpleShare),
    hardShare: String(a.hardShare),
    quality: a.quality,
    latency: a.latency,
    requestsPerDay: String(a.requestsPerDay),
    promptTokens: String(a.promptTokens),
    sharedPrefixTokens: String(a.sharedPrefixTokens),
    outputTokens: String(a.outputTokens),
    tools: a.tools,
    monthlyBudget: a.monthlyBudget === null ? '' : String(a.monthlyBudget),
  };
}

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? Number.NaN : Number(s));

/** The answers a step's fields contribute. */
function stepAnswers(step: Step, d: Draft): Partial<DiagnosticAnswers> {
  switch (step) {
    case 'task':
      return { task: d.task as DiagnosticAnswers['task'], simpleShare: num(d.simpleShare), hardShare: num(d.hardShare) };
    case 'quality':
      return { quality: d.quality as DiagnosticAnswers['quality'] };
    case 'latency':
      return { latency: d.latency as DiagnosticAnswers['latency'] };
    case 'volume':
      return { requestsPerDay: num(d.requestsPerDay) };
    case 'context':
      return { promptTokens: num(d.promptTokens), sharedPrefixTokens: num(d.sharedPrefixTokens), outputTokens: num(d.outputTokens) };
    case 'tools':
      return { tools: d.tools as DiagnosticAnswers['tools'] };
    case 'budget':
      return { monthlyBudget: (d.monthlyBudget ?? '').trim() === '' ? null : num(d.monthlyBudget) };
  }
}

function Radios({ name, value, options, labels, onChange }: { name: string; value: string; options: readonly string[]; labels: Record<string, string>; onChange: (v: string) => void }) {
  return (
    <div class="dg-radios">
      {options.map((o) => (
        <label key={o} class="dg-radio">
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} /> {labels[o]}
        </label>
      ))}
    </div>
  );
}

function NumberField({ id, label, hint, value, onChange, suffix }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; suffix?: string }) {
  return (
    <div class="dg-field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="dg-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <span class="dg-input">
        <input
          id={id}
          name={id}
          type="number"
          inputMode="numeric"
          min="0"
          step="any"
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => onChange((e.target as HTMLInputElement).value)}
        />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </span>
    </div>
  );
}

function StepFields({ step, d, set }: { step: Step; d: Draft; set: (k: string, v: string) => void }) {
  switch (step) {
    case 'task':
      return (
        <>
          <Radios name="task" value={d.task ?? ''} options={TASKS} labels={TASK_LABEL} onChange={(v) => set('task', v)} />
          <NumberField id="simpleShare" label="Simple requests (%)" hint="Lookups, classification, short extraction." value={d.simpleShare ?? ''} onChange={(v) => set('simpleShare', v)} suffix="%" />
          <NumberField id="hardShare" label="Hard requests (%)" hint="Multi-step reasoning, complex code, ambiguous input. The rest counts as medium." value={d.hardShare ?? ''} onChange={(v) => set('hardShare', v)} suffix="%" />
        </>
      );
    case 'quality':
      return <Radios name="quality" value={d.quality ?? ''} options={QUALITY} labels={QUALITY_LABEL} onChange={(v) => set('quality', v)} />;
    case 'latency':
      return <Radios name="latency" value={d.latency ?? ''} options={LATENCY} labels={LATENCY_LABEL} onChange={(v) => set('latency', v)} />;
    case 'volume':
      return <NumberField id="requestsPerDay" label="Requests per day" value={d.requestsPerDay ?? ''} onChange={(v) => set('requestsPerDay', v)} />;
    case 'context':
      return (
        <>
          <NumberField id="promptTokens" label="Prompt tokens per request" hint="Everything sent: system prompt, tools, history, documents." value={d.promptTokens ?? ''} onChange={(v) => set('promptTokens', v)} />
          <NumberField id="sharedPrefixTokens" label="Of which identical across requests" hint="The part you could cache: tools, instructions, shared documents." value={d.sharedPrefixTokens ?? ''} onChange={(v) => set('sharedPrefixTokens', v)} />
          <NumberField id="outputTokens" label="Output tokens per request" hint="Including thinking tokens." value={d.outputTokens ?? ''} onChange={(v) => set('outputTokens', v)} />
        </>
      );
    case 'tools':
      return <Radios name="tools" value={d.tools ?? ''} options={TOOLS} labels={TOOLS_LABEL} onChange={(v) => set('tools', v)} />;
    case 'budget':
      return <NumberField id="monthlyBudget" label="Monthly budget in USD (optional)" hint="Leave empty for no budget." value={d.monthlyBudget ?? ''} onChange={(v) => set('monthlyBudget', v)} />;
  }
}

function summary(step: Step, a: DiagnosticAnswers): string {
  switch (step) {
    case 'task':
      return `${TASK_LABEL[a.task]}; ${a.simpleShare}% simple, ${a.hardShare}% hard`;
    case 'quality':
      return QUALITY_LABEL[a.quality];
    case 'latency':
      return LATENCY_LABEL[a.latency];
    case 'volume':
      return `${int(a.requestsPerDay)} requests per day`;
    case 'context':
      return `${int(a.promptTokens)} prompt tokens (${int(a.sharedPrefixTokens)} shared), ${int(a.outputTokens)} output tokens`;
    case 'tools':
      return TOOLS_LABEL[a.tools];
    case 'budget':
      return a.monthlyBudget === null ? 'No budget given' : `${usd(a.monthlyBudget)} per month`;
  }
}

/** "/guide/latency/#opus-is-too-slow" → "opus is too slow": names a "Read more" link's target for screen readers and link lists. */
function sectionOf(href: string): string {
  const slug = href.split('#')[1] ?? href.replace(/\/$/, '').split('/').pop() ?? '';
  return slug.replace(/[-_]+/g, ' ').trim();
}

function Result({ r, a, models, days, onChange, onRestart }: { r: Recommendation; a: DiagnosticAnswers; models: Record<Tier, TierModel>; days: number; onChange: (s: Step) => void; onRestart: () => void }) {
  const def = r.allocations[0];
  // Caching and Batch have their own section above.
  const notes = r.notes.filter((n) => n.rule !== 'caching' && n.rule !== 'batch' && n.rule !== 'batch-cache');
  return (
    <div class="dg-result">
      <p class="dg-default">
        Default: <strong>{models[r.defaultTier].name}</strong>
        {def && <> for {pct(def.share)} of requests: the {def.what}.</>}
      </p>
      {r.routeUp.map((x) => (
        <p key={x.tier}>
          Route up to <strong>{x.model.name}</strong>: {pct(x.share)} of requests, the {x.what}.
        </p>
      ))}
      {r.routeDown.map((x) => (
        <p key={x.tier}>
          Route down to <strong>{x.model.name}</strong>: {pct(x.share)} of requests, the {x.what}.
        </p>
      ))}
      <h3>Caching and Batch</h3>
      <ul>
        <li>
          {r.caching.text} <a href="/guide/pricing-caching-batch/#cache-break-even-5-minute-or-1-hour">Cache break-even</a>
        </li>
        <li>
          {r.batch.text} <a href="/guide/pricing-caching-batch/#batch-half-price-for-work-that-can-wait">Batch</a>
        </li>
        {r.notes.some((n) => n.rule === 'batch-cache') && (
          <li>
            <a href="/errors/batch-cache-misses/">Why batch requests miss the cache</a>
          </li>
        )}
      </ul>
      <h3>Estimated monthly cost</h3>
      {r.costs === null ? (
        <p class="dg-over" data-unpriced="true">
          {r.unpriced}
        </p>
      ) : (
        <>
          <table class="dg-costs">
            <caption class="visually-hidden">Estimated cost per month</caption>
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col">Per month</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">This recommendation</th>
                <td>{usd(r.costs.recommended)}</td>
              </tr>
              {r.fable && (
                <tr>
                  <th scope="row">
                    With the hard {pct(r.fable.share)} on {r.fable.model.name}
                  </th>
                  <td>{usd(r.fable.monthly)}</td>
                </tr>
              )}
              <tr>
                <th scope="row">Everything on {models.opus.name}</th>
                <td>{usd(r.costs.allOpus)}</td>
              </tr>
              <tr>
                <th scope="row">Everything on {models.haiku.name}</th>
                <td>{usd(r.costs.allHaiku)}</td>
              </tr>
            </tbody>
          </table>
          <p class="dg-hint">
            List prices from the model catalogue, {int(a.requestsPerDay * days)} requests in a {days}-day month
            {r.caching.use && <>, a cache hit rate of about {pct(r.caching.hitRate)} (one cache write per cache lifetime)</>}
            {r.batch.use && <>, all through Batch with no cache reads assumed{r.caching.ttl === '1h' && ' (every request pays the 1-hour cache write)'}</>}.
            {r.batchCacheBestCase !== undefined && r.batchCacheBestCase > 0 && (
              <> If the pre-warmed prefix is read by every batch request, that saves up to {usd(r.batchCacheBestCase)} a month.</>
            )}{' '}
            <a href={r.calculatorHref}>Open this workload in the calculator</a> to change any assumption.
          </p>
          {r.budget && (
            <p class={r.budget.over > 0 ? 'dg-over' : 'dg-fits'}>
              {r.budget.over > 0 ? `${usd(r.budget.over)} over your budget of ${usd(r.budget.monthly)}.` : `Within your budget of ${usd(r.budget.monthly)}.`}
            </p>
          )}
          {r.costs.warnings.length > 0 && (
            <ul class="dg-warnings">
              {r.costs.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {notes.length > 0 && (
        <>
          <h3>Why, and what else to do</h3>
          <ul>
            {notes.map((n) => (
              <li key={n.rule}>
                {n.text}{' '}
                <a href={n.href}>
                  Read more<span class="visually-hidden"> on {sectionOf(n.href)}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Your answers</h3>
      <dl class="dg-answers">
        {STEPS.map((s) => (
          <div key={s}>
            <dt>{STEP_TEXT[s].title}</dt>
            <dd>
              {summary(s, a)}{' '}
              <button type="button" class="dg-link" onClick={() => onChange(s)}>
                Change<span class="visually-hidden"> {STEP_TEXT[s].title.toLowerCase()}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <button type="button" class="dg-button dg-secondary" onClick={onRestart}>
          Start over
        </button>
      </p>
    </div>
  );
}

/** The state a URL stands for: its step, or the result when its answers are complete, else the first step to fix. */
function stepOfQuery(q: QueryAnswers): Step | 'result' {
  if (q.step) return q.step;
  if (q.complete) return 'result';
  return q.present ? (q.firstInvalid ?? 'task') : 'task';
}

interface WizardProps extends DiagnoseProps {
  /** The query string the wizard starts from ('' on the server). */
  search: string;
  /** False for the server-rendered first step: its controls stay disabled until the island has hydrated. */
  live: boolean;
}

function Wizard({ models, fable, data, daysPerMonth, breakEven, search, live }: WizardProps) {
  const start = useMemo(() => answersFromQuery(search), []);
  const machine = useMemo(() => {
    const at = stepOfQuery(start);
    return createDiagnoseMachine(at === 'result' ? { answers: start.answers, showResult: true } : { answers: start.answers, step: at });
  }, []);
  const [snapshot, send] = useMachine(machine);
  const index = useMemo(() => createIndex(JSON.parse(data) as PricingData), [data]);
  const step = String(snapshot.value) as Step | 'result';
  const answers = snapshot.context.answers;
  const returning = snapshot.context.returning;
  const [draft, setDraft] = useState<Draft>(() => draftOf(answers));
  const heading = useRef<HTMLHeadingElement>(null);
  const acted = useRef(false);
  const first = useRef(true);
  const prev = useRef<{ step: Step | 'result'; returning: boolean } | null>(null);
  const [noticeOn, setNoticeOn] = useState(true);

  useEffect(() => {
    // The server-rendered step leaves the address bar alone: it may hold a shared link still to be read.
    if (!live) return;
    setDraft(draftOf(answers));
    // Each step the reader moves to is a history entry; the first render (and a bad link) replaces the URL with the state shown.
    const url = `${location.pathname}${answersToQuery(answers, step, returning)}`;
    if (first.current || !acted.current) history.replaceState(history.state, '', url);
    else if (`${location.pathname}${location.search}` !== url) {
      // The entry being left keeps the answer just given, so Back shows it as the reader left it.
      const left = prev.current;
      if (left && left.step !== step) history.replaceState(history.state, '', `${location.pathname}${answersToQuery(answers, left.step, left.returning)}`);
      history.pushState(null, '', url);
    }
    prev.current = { step, returning };
    if (acted.current) heading.current?.focus();
    first.current = false;
    acted.current = false;
  }, [step, answers, live]);

  useEffect(() => {
    const onPop = () => {
      const q = answersFromQuery(location.search);
      heading.current?.focus();
      send({ type: 'JUMP', step: stepOfQuery(q), answers: q.answers, returning: q.returning });
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const act = (e: Parameters<typeof send>[0]) => {
    acted.current = true;
    setNoticeOn(false);
    send(e);
  };

  const result = useMemo(
    () => (step === 'result' ? recommend(answers, { models, fable, estimate: (id, w) => costOf(index, id, w), daysPerMonth, breakEven }) : null),
    [step, answers, index],
  );

  const notice = !noticeOn ? null : start.ignoredText.length > 0 ? (
      <p class="dg-error" role="status" data-ignored="true">
        This link had {start.ignoredText.length === 1 ? 'a value' : 'values'} the diagnostic could not use:{' '}
        {start.ignoredText.map((t, i) => (
          <span key={t}>
            {i ? ', ' : ''}
            <code>{t}</code>
          </span>
        ))}
        . {start.ignoredText.length === 1 ? 'It was' : 'They were'} set to the defaults shown; check {start.ignoredText.length === 1 ? 'it' : 'them'}.
      </p>
    ) : start.present && !start.complete && start.firstInvalid ? (
      <p class="dg-error" role="status" data-ignored="true">
        The answers in this link do not pass the step "{STEP_TEXT[start.firstInvalid].title}" ({validateStep(start.firstInvalid, start.answers)}), so the
        diagnostic starts there.
      </p>
    ) : null;

  if (step === 'result' && result) {
    return (
      <section class="dg" aria-labelledby="dg-heading">
        {notice}
        <h2 id="dg-heading" ref={heading} tabIndex={-1}>
          Recommendation
        </h2>
        <Result r={result} a={answers} models={models} days={daysPerMonth} onChange={(s) => act({ type: 'GOTO', step: s })} onRestart={() => act({ type: 'RESTART' })} />
      </section>
    );
  }
  const current = step as Step;
  const i = STEPS.indexOf(current);
  const text = STEP_TEXT[current];
  const onSubmit = (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    // An invalid step stays put and its error is announced (role="alert"); a valid one moves focus to the next question.
    act({ type: 'NEXT', answers: stepAnswers(current, draft) });
  };
  return (
    <section class={live ? 'dg' : 'dg dg--static'} aria-labelledby="dg-heading">
      {notice}
      <p class="dg-progress">
        Step {i + 1} of {STEPS.length}: {text.title}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={!live}>
          <legend>
            <h2 id="dg-heading" ref={heading} tabIndex={-1}>
              {text.question}
            </h2>
          </legend>
          <StepFields step={current} d={draft} set={(k, v) => setDraft((d) => ({ ...d, [k]: v }))} />
          <p class="dg-why">
            Why it matters: <a href={text.why.href}>{text.why.label}</a>
          </p>
        </fieldset>
        {snapshot.context.error && (
          <p class="dg-error" role="alert">
            {snapshot.context.error}
          </p>
        )}
        <div class="dg-buttons">
          {(i > 0 || returning) && (
            <button type="button" class="dg-button dg-secondary" disabled={!live} onClick={() => act({ type: 'BACK' })}>
              Back
            </button>
          )}
          <button type="submit" class="dg-button" disabled={!live}>
            {returning ? 'Back to the recommendation' : i === STEPS.length - 1 ? 'Show the recommendation' : 'Next'}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function Diagnose(props: DiagnoseProps) {
  const [mounted, setMounted] = useState(false);
  // Read before any effect runs (the wizard's first effect rewrites the address bar).
  const [linked] = useState(() => (typeof location === 'undefined' ? '' : location.search));
  useEffect(() => setMounted(true), []);
  // The server and the hydrating render show the first step with default answers, disabled (Preact's hydration
  // does not touch attributes, so it must match the server's HTML). Once mounted, a bare /diagnose/ keeps that
  // wizard and enables it, which moves nothing; a link with answers starts a new wizard from its query string.
  const search = mounted ? linked : '';
  return <Wizard key={search ? 'from-link' : 'blank'} {...props} search={search} live={mounted} />;
}
