/**
 * The /usage/ island: files in (drop, pick, paste), a Web Worker does the reading and pricing, the report out.
 * Renders and dispatches only; the logic is in src/lib/usage/.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UsageReport, Scenario } from '../lib/usage/types.ts';
import type { WorkerIn, WorkerOut } from './usage.worker.ts';
import type { FastRates } from '../lib/usage/session.ts';
import { formatCompact, formatInt, formatPercent, formatUsd } from '../lib/format.ts';
import './UsageTool.css';

interface Props {
  data: string; // slim PricingData as JSON
  webSearchUsdPer1000: number;
  fastRates: FastRates;
}

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; rows: number; bytes: number; totalBytes: number; file: string }
  | { kind: 'done'; report: UsageReport; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

const usd = formatUsd;
/** A ranged figure: "$22.50–$26.50" (the report gives both ends when a price it used has other values in its sources). */
const span = (lo: number, hi: number) => `${usd(lo)}–${usd(hi)}`;
const days = (n: number) => `${formatInt(n)} ${n === 1 ? 'day' : 'days'}`;
const sorted = (rec: Record<string, number>) => Object.entries(rec).sort((a, b) => b[1] - a[1]);

export default function UsageTool({ data, webSearchUsdPer1000, fastRates }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const [paste, setPaste] = useState('');
  const worker = useRef<Worker | null>(null);
  const runId = useRef(0);
  const pricing = useRef(JSON.parse(data));
  const [ready, setReady] = useState(false);

  /** The one worker of this page. Started as soon as the page is up, so reading a file later fetches nothing. */
  const getWorker = (): Worker => {
    if (worker.current) return worker.current;
    const w = new Worker(new URL('./usage.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<WorkerOut>) => {
      const m = e.data;
      if (m.id !== runId.current) return; // an answer to a run the reader has replaced or cancelled
      if (m.type === 'progress') setState({ kind: 'reading', rows: m.rows, bytes: m.bytes, totalBytes: m.totalBytes, file: m.file });
      else if (m.type === 'done') setState({ kind: 'done', report: m.report, ms: m.ms });
      else if (m.type === 'error') setState({ kind: 'error', message: m.message });
    };
    w.onerror = (e) => {
      e.preventDefault();
      worker.current = null; // a worker that died is replaced on the next run
      w.terminate();
      setState({ kind: 'error', message: e.message || 'The file reader stopped unexpectedly.' });
    };
    worker.current = w;
    return w;
  };

  useEffect(() => {
    setReady(true); // the no-JavaScript notice hides once this is true
    const start = () => void getWorker();
    const idle = typeof requestIdleCallback === 'function';
    const handle = idle ? requestIdleCallback(start, { timeout: 2000 }) : window.setTimeout(start, 200);
    return () => {
      if (idle) cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      worker.current?.terminate();
    };
  }, []);

  const run = (files: File[], pasted?: string) => {
    if (files.length === 0 && !pasted) return;
    const id = ++runId.current;
    setState({ kind: 'reading', rows: 0, bytes: 0, totalBytes: files.reduce((a, f) => a + f.size, 0), file: files[0]?.name ?? 'pasted text' });
    const msg: WorkerIn = { type: 'run', id, data: pricing.current, webSearchUsdPer1000, fastRates, files, ...(pasted !== undefined ? { pasted } : {}) };
    getWorker().postMessage(msg);
  };
  const cancel = () => {
    worker.current?.postMessage({ type: 'cancel', id: runId.current } satisfies WorkerIn);
    runId.current++; // whatever the cancelled run still posts is ignored
    setState({ kind: 'cancelled' });
  };

  return (
    <div class="usage" data-ready={ready ? 'true' : 'false'}>
      <div
        class={`usage-drop${over ? ' usage-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          run([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <p class="usage-drop__title">Drop usage or cost files here</p>
        <p>Several at once, any mix: Console CSV exports, Admin or Analytics API JSON pages, Messages API or Claude Code JSONL.</p>
        <label class="usage-pick">
          Choose files
          <input
            id="usage-files"
            type="file"
            multiple
            accept=".csv,.json,.jsonl,.ndjson,.txt,text/csv,application/json"
            disabled={!ready}
            onChange={(e) => {
              const input = e.currentTarget;
              run([...(input.files ?? [])]);
              input.value = '';
            }}
          />
        </label>
      </div>
      <details class="usage-paste">
        <summary>Or paste the contents of a file</summary>
        <label for="usage-paste-text">Pasted CSV, JSON or JSON Lines</label>
        <textarea id="usage-paste-text" rows={6} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} spellcheck={false} disabled={!ready} />
        <button type="button" onClick={() => run([], paste)} disabled={!ready || !paste.trim()}>
          Analyse pasted text
        </button>
      </details>

      <div aria-live="polite">
        {state.kind === 'reading' && (
          <div class="usage-progress">
            <label for="usage-progress-bar">
              Reading {state.file || 'files'}: {formatInt(state.rows)} rows read
            </label>
            <progress id="usage-progress-bar" max={Math.max(1, state.totalBytes)} value={state.bytes} />
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        )}
        {state.kind === 'cancelled' && <p class="usage-note">Cancelled. Nothing was kept; drop the files again to start over.</p>}
        {state.kind === 'error' && <p class="usage-error" role="alert">Could not read the files: {state.message}</p>}
      </div>
      {state.kind === 'done' && <Report report={state.report} ms={state.ms} />}
    </div>
  );
}

function Report({ report: r, ms }: { report: UsageReport; ms: number }) {
  const name = (id: string) => r.modelNames[id] ?? id;
  const hasUsage = r.listPriceUsd > 0 || Object.keys(r.byModel).length > 0;
  const lo = r.listPriceLowUsd;
  const hi = r.listPriceHighUsd;
  return (
    <section class="usage-report" aria-labelledby="usage-what" data-ms={Math.round(ms)} data-rows={r.rows + r.skipped}>
      <h2 id="usage-what">What it cost</h2>
      <p class="usage-read" data-testid="usage-summary">
        Read {formatInt(r.rows)} rows{r.skipped > 0 ? `, skipped ${formatInt(r.skipped)}` : ''} in {ms < 100 ? 'under 0.1' : (ms / 1000).toFixed(1)} s
        {r.formats.length > 0 && <> ({r.formats.join(', ')})</>}.
      </p>
      <dl class="usage-totals">
        {(hasUsage || (r.reportedUsd === undefined && r.rows > 0 && r.unknownModels.length === 0)) && (
          <div>
            <dt>Re-priced at list prices{r.coverage && <>, over {days(r.coverage.usageDays)}</>}</dt>
            <dd data-testid="usage-list">{lo !== undefined && hi !== undefined ? span(lo, hi) : usd(r.listPriceUsd)}</dd>
          </div>
        )}
        {r.reportedUsd !== undefined && (
          <div>
            <dt>Charged, as the files report it{r.coverage && <>, over {days(r.coverage.costDays)}{r.coverage.commonDays > 0 ? ` (${days(r.coverage.commonDays)} in common; compared below)` : ' (no day in common)'}</>}</dt>
            <dd data-testid="usage-reported">{usd(r.reportedUsd)}</dd>
          </div>
        )}
        {r.reportedListUsd !== undefined && (
          <div>
            <dt>List price, as the files state it</dt>
            <dd>{usd(r.reportedListUsd)}</dd>
          </div>
        )}
      </dl>
      {r.priceRanges && (
        <div class="usage-range" data-testid="usage-range">
          <p>
            A range, not one number: at the catalogue's central figures the list price is <strong data-testid="usage-list-central">{usd(r.listPriceUsd)}</strong>, but
            the files or the sources leave these open:
          </p>
          <ul>
            {r.priceRanges.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      {r.differences.length > 0 && (
        <ul class="usage-diff">
          {r.differences.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {(r.warnings.length > 0 || r.skipReasons.length > 0) && (
        <div class="usage-warnings">
          <h3>Check these</h3>
          <ul>
            {r.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
            {r.skipReasons.map((s) => (
              <li key={s.reason}>
                Skipped {formatInt(s.count)} {s.count === 1 ? 'row' : 'rows'}: {s.reason} (at {s.where.join(', ')}
                {s.count > s.where.length ? ', …' : ''}).
              </li>
            ))}
          </ul>
        </div>
      )}
      {!hasUsage && r.reportedUsd === undefined && r.unknownModels.length > 0 && (
        <p class="usage-note" data-testid="usage-unknown-only">
          None of the models in these files is in the catalogue yet ({r.unknownModels.map((u) => u.name).join(', ')}), so nothing could be
          re-priced: their {formatInt(r.unknownModels.reduce((a, u) => a + u.tokens, 0))} tokens are counted but not priced. A model newer
          than the <a href="/models/">catalogue</a> has its price on Anthropic's pricing page until it is added here.
        </p>
      )}
      {!hasUsage && r.reportedUsd !== undefined && (
        <>
          <p class="usage-note" data-testid="usage-charges-only">
            These files hold charges, not token counts, so there is nothing to re-price: add a usage export for the same days (the
            Console usage CSV or the Admin API usage report) to see the list price beside the charge, the spikes and the scenarios.
          </p>
          <div class="usage-tables">
            <Table caption="Charged, by model" head="Charged" rows={sorted(r.reportedByModel).slice(0, 12).map(([k, v]) => [name(k), v])} />
            <Table caption="Charged, by type" head="Charged" rows={sorted(r.reportedByType)} />
            {r.reportedByDay.length > 0 && <Table caption="Charged, by day" head="Charged" rows={r.reportedByDay.map((d) => [d.day, d.usd])} />}
          </div>
        </>
      )}
      {hasUsage && (
        <>
          <DayChart report={r} />
          <div class="usage-tables">
            <Table
              caption="By model (list price)"
              rows={[
                ...sorted(r.byModel).map(([k, v]): Row => [name(k), v, r.reportedByModel[k], r.byModelRange?.[k]]),
                // Charged in the files but with no usage rows to re-price (a model only in the cost export, or unknown).
                ...sorted(r.reportedByModel)
                  .filter(([k]) => !(k in r.byModel))
                  .map(([k, v]): Row => [name(k), undefined, v]),
              ]}
              reported={r.reportedUsd !== undefined}
            />
            <Table
              caption="By token type"
              rows={[
                ['Uncached input', r.byTokenType.input, undefined, r.byTokenTypeRange?.input],
                ['Cache writes (5 min)', r.byTokenType.write5m, undefined, r.byTokenTypeRange?.write5m],
                ['Cache writes (1 h)', r.byTokenType.write1h, undefined, r.byTokenTypeRange?.write1h],
                ['Cache reads', r.byTokenType.read, undefined, r.byTokenTypeRange?.read],
                ['Output', r.byTokenType.output, undefined, r.byTokenTypeRange?.output],
                ['Web search', r.byTokenType.webSearch],
              ]}
            />
            <Table caption="By workspace" rows={sorted(r.byWorkspace).slice(0, 10).map(([k, v]) => [k, v, undefined, r.byWorkspaceRange?.[k]])} />
            <Table caption="By API key" rows={sorted(r.byApiKey).slice(0, 10).map(([k, v]) => [k, v, undefined, r.byApiKeyRange?.[k]])} />
          </div>
          <Spikes report={r} />
          <Ratios report={r} name={name} />
          <Scenarios report={r} name={name} />
        </>
      )}
    </section>
  );
}

type Row = readonly [string, number | undefined, number?, { low: number; high: number }?];

function Table({ caption, rows, reported, head = 'List price' }: { caption: string; rows: Row[]; reported?: boolean; head?: string }) {
  return (
    <table class="usage-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">{head}</th>
          {reported && <th scope="col">Reported</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, v, rep, range]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v === undefined ? '—' : range ? <>{span(range.low, range.high)} <small>(central {usd(v)})</small></> : usd(v)}</td>
            {reported && <td>{rep === undefined ? '—' : usd(rep)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PALETTE = 6;

function DayChart({ report: r }: { report: UsageReport }) {
  const days = r.byDay;
  if (days.length === 0) return null;
  const models = sorted(r.byModel).map(([id]) => id);
  const max = Math.max(...days.map((d) => d.usd), 1e-9);
  const bw = Math.max(4, Math.min(40, Math.floor(600 / days.length) - 2));
  const width = days.length * (bw + 2);
  // Labels are HTML beside the SVG, not SVG text: a scaled viewBox would shrink them to a few pixels on a phone.
  return (
    <figure class="usage-chart">
      <p class="usage-chart-max" aria-hidden="true">{usd(max)}</p>
      <svg viewBox={`0 0 ${width} 182`} preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="usage-chart-t" style={`max-width: ${width}px`}>
        <title id="usage-chart-t">Cost per day at list prices, stacked by model; the tables below have the figures</title>
        <line x1="0" x2={width} y1="181" y2="181" />
        {days.map((d, i) => {
          let y = 181;
          return (
            <g key={d.day}>
              {models.map((m, j) => {
                const v = d.byModel[m] ?? 0;
                if (v <= 0) return null;
                const h = (v / max) * 180;
                y -= h;
                return <rect key={m} class={`usage-c${j % PALETTE}`} x={1 + i * (bw + 2)} y={y} width={bw} height={Math.max(0.5, h)}><title>{`${d.day} ${r.modelNames[m] ?? m}: ${usd(v)}`}</title></rect>;
              })}
            </g>
          );
        })}
      </svg>
      <p class="usage-chart-days" aria-hidden="true" style={`max-width: ${Math.max(width, 240)}px`}>
        <span>{days[0]!.day}</span>
        {days.length > 1 && <span>{days[days.length - 1]!.day}</span>}
      </p>
      <figcaption>
        {r.priceRanges && <p class="usage-chart-note">Bars at the catalogue's central figures; the range above shows how far uncertain prices move the total.</p>}
        <ul class="usage-legend">
          {models.map((m, j) => (
            <li key={m}>
              <span class={`usage-swatch usage-c${j % PALETTE}`} aria-hidden="true" />
              {r.modelNames[m] ?? m}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function Spikes({ report: r }: { report: UsageReport }) {
  return (
    <>
      <h2 id="usage-why">Why it jumped</h2>
      <p class="usage-rule">{r.spikeRule}</p>
      {r.spikes.length === 0 ? (
        <p>{r.byDay.length < 7 ? `The files cover ${r.byDay.length} day(s): too few to call any day a spike.` : 'No day stands out by this rule.'}</p>
      ) : (
        <ul class="usage-spikes">
          {r.spikes.map((s) => (
            <li key={s.day}>
              <strong>{s.day}</strong>: {usd(s.usd)} (median day {usd(s.median)}, threshold {usd(s.threshold)}). Above the median day:
              <ul>
                {s.drivers.map((d) => (
                  <li key={d.label}>
                    {d.label} +{usd(d.deltaUsd)} (check: <a href={d.href}>{d.section}</a>)
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Ratios({ report: r, name }: { report: UsageReport; name: (id: string) => string }) {
  const q = r.ratios;
  return (
    <>
      <h2 id="usage-where">Where the money goes</h2>
      <ul class="usage-ratios">
        <li>Cache hit ratio (cache reads ÷ all prompt tokens): {formatPercent(q.cacheHit)}</li>
        <li>Output share of cost: {formatPercent(q.outputShare)}</li>
        <li>Batch share: {formatPercent(q.batchShare)}; US-only share: {formatPercent(q.usShare)}</li>
        <li>Long-context share (prompts over 200K tokens): {formatPercent(q.longContextShare)}</li>
        {q.fastShare > 0 && <li>Fast mode share: {formatPercent(q.fastShare)}</li>}
      </ul>
      {q.cacheWrites.length > 0 && (
        <table class="usage-table">
          <caption>Cache writes and the reads that pay them back (at list prices)</caption>
          <thead>
            <tr>
              <th scope="col">Model, TTL</th>
              <th scope="col">Tokens written</th>
              <th scope="col">Tokens read</th>
              <th scope="col">Paid back?</th>
            </tr>
          </thead>
          <tbody>
            {q.cacheWrites.map((c) => (
              <tr key={`${c.model}${c.ttl}`}>
                <th scope="row">
                  {name(c.model)}, {c.ttl === '5m' ? '5 min' : '1 h'}
                </th>
                <td title={formatInt(c.written)}>{formatCompact(c.written)}</td>
                <td title={formatInt(c.read)}>{formatCompact(Math.round(c.read))}</td>
                <td class="usage-table__text">{c.paidBack ? 'Yes' : `No: ${usd(c.extraUsd)} more than sending it uncached`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function delta(s: Scenario, share = 1) {
  const f = (v: number) => `${v <= 0 ? 'saves ' : 'costs '}${usd(Math.abs(v))}`;
  // A change whose ends differ: "saves $9.75–$13.25", "costs $0.77–$3.50", or "between saving $1 and costing $2".
  const r = (lo: number, hi: number) =>
    hi <= 0 ? `saves ${span(-hi, -lo)}` : lo >= 0 ? `costs ${span(lo, hi)}` : `between saving ${usd(-lo)} and costing ${usd(hi)}`;
  const lo = s.deltaLowUsd * share;
  const hi = s.deltaHighUsd * share;
  const mid = s.deltaUsd * share;
  if (Math.abs(hi - lo) < 0.005) return `${f(mid)} over the period; ${f(s.monthlyDeltaUsd * share)} a month`;
  return `${r(lo, hi)} over the period (central: ${f(mid)}); ${r(s.monthlyLowUsd * share, s.monthlyHighUsd * share)} a month`;
}

function Scenarios({ report: r, name }: { report: UsageReport; name: (id: string) => string }) {
  const moves = r.scenarios.filter((s) => s.id.startsWith('move:'));
  const others = r.scenarios.filter((s) => !s.id.startsWith('move:'));
  const froms = [...new Set(moves.map((s) => s.id.split(':')[1]!))];
  const [from, setFrom] = useState(froms[0] ?? '');
  const tos = moves.filter((s) => s.id.split(':')[1] === from).sort((a, b) => a.deltaUsd - b.deltaUsd).map((s) => s.id.split(':')[2]!); // biggest saving first
  const [to, setTo] = useState(tos[0] ?? '');
  const [share, setShare] = useState(100);
  const [batchShare, setBatchShare] = useState(100);
  const move = moves.find((s) => s.id === `move:${from}:${to}`) ?? moves.find((s) => s.id.startsWith(`move:${from}:`));
  return (
    <>
      <h2 id="usage-instead">What it would cost instead</h2>
      <p class="usage-note">{r.periodNote} Every figure is at list prices; ranges appear where a conversion or price is uncertain.</p>
      {move && (
        <fieldset class="usage-move">
          <legend>Move traffic to another model</legend>
          <label>
            From{' '}
            <select value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
              {froms.map((f) => (
                <option key={f} value={f}>
                  {name(f)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            to{' '}
            <select value={move.id.split(':')[2]} onChange={(e) => setTo(e.currentTarget.value)}>
              {tos.map((t) => (
                <option key={t} value={t}>
                  {moves.find((s) => s.id === `move:${from}:${t}`)?.title.replace(/^.* to /, '') ?? t}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            share <input type="number" min={0} max={100} step={5} value={share} onInput={(e) => setShare(Math.min(100, Math.max(0, Number(e.currentTarget.value) || 0)))} />%
          </label>
          <p data-testid="usage-move-result">
            {move.title} ({share}%): {delta(move, share / 100)}.
          </p>
          <ul class="usage-assumptions">
            {move.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </fieldset>
      )}
      <ul class="usage-scenarios">
        {others.map((s) => (
          <li key={s.id}>
            {s.id === 'batch' ? (
              <>
                <strong>{s.title}</strong>{' '}
                <label class="usage-share">
                  (share <input type="number" min={0} max={100} step={5} value={batchShare} onInput={(e) => setBatchShare(Math.min(100, Math.max(0, Number(e.currentTarget.value) || 0)))} />% of it)
                </label>
                : <span data-testid="usage-batch-result">{delta(s, batchShare / 100)}</span>.
              </>
            ) : (
              <>
                <strong>{s.title}</strong>: {delta(s)}.
              </>
            )}
            <ul class="usage-assumptions">
              {s.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {r.calculatorQuery ? (
        <p>
          <a class="usage-calc" href={`/calculator/?${r.calculatorQuery}`}>
            Open in calculator
          </a>{' '}
          with these averages: {formatInt(r.requests ?? 0)} {r.requests === 1 ? 'request' : 'requests'} over {formatInt(r.days)} {r.days === 1 ? 'day' : 'days'}.
        </p>
      ) : (
        <p class="usage-note">The files do not count requests, so there are no per-request averages to carry to the calculator.</p>
      )}
    </>
  );
}
