// The Pareto tool on /guide/evaluation/: paste or upload eval results as CSV
// (model,score,cost,latency) and see which candidates are on the quality/cost/latency
// frontier and which are dominated, and by whom. All logic lives in src/lib/pareto.ts;
// this island only renders it. No chart library: the scatter plot is inline SVG.
import { useId, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { analyse, formatNumber, niceTicks, parseResultsCsv, type AnalysedResult } from '../lib/pareto.ts';
import './ParetoTool.css';

const EXAMPLE = `# Illustrative numbers, not measurements: replace with your own eval results.
# score = share of test cases passed, cost = USD per 1,000 tasks, latency = p95 seconds
model,score,cost,latency
large-high-effort,0.94,41,9.8
large-low-effort,0.91,22.5,4.1
large-previous,0.9,41,10.5
medium,0.89,9.6,3.2
medium-prompt-v2,0.86,9.9,3.4
small-few-shot,0.83,3.6,1.4
small,0.78,3.1,1.2
`;

const W = 640;
const H = 380;
const M = { top: 16, right: 24, bottom: 52, left: 60 };

function Chart({ rows, titleId, descId }: { rows: AnalysedResult[]; titleId: string; descId: string }) {
  const costs = rows.map((r) => r.cost);
  const scores = rows.map((r) => r.score);
  const xTicks = niceTicks(Math.min(0, ...costs), Math.max(...costs), 5);
  const yTicks = niceTicks(Math.min(...scores), Math.max(...scores), 5);
  const x0 = xTicks[0] ?? 0;
  const x1 = xTicks.at(-1) ?? 1;
  const y0 = yTicks[0] ?? 0;
  const y1 = yTicks.at(-1) ?? 1;
  const px = (v: number) => M.left + ((v - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const frontierNames = rows.filter((r) => r.onFrontier).map((r) => r.model);

  return (
    <svg
      class="pareto__chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
    >
      <title id={titleId}>Score against cost for {rows.length} models</title>
      <desc id={descId}>
        Frontier: {frontierNames.join(', ')}. The table below lists every value and who dominates each other model.
      </desc>
      <g class="pareto__grid" aria-hidden="true">
        {xTicks.map((t) => (
          <g key={`x${t}`}>
            <line x1={px(t)} x2={px(t)} y1={M.top} y2={H - M.bottom} />
            <text x={px(t)} y={H - M.bottom + 18} text-anchor="middle">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={M.left} x2={W - M.right} y1={py(t)} y2={py(t)} />
            <text x={M.left - 8} y={py(t) + 4} text-anchor="end">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        <text class="pareto__axis-label" x={(M.left + W - M.right) / 2} y={H - 10} text-anchor="middle">
          Cost (lower is better) →
        </text>
        <text
          class="pareto__axis-label"
          transform={`translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
          text-anchor="middle"
        >
          Score (higher is better) →
        </text>
      </g>
      <g aria-hidden="true">
        {rows.map((r) => {
          const cx = px(r.cost);
          const cy = py(r.score);
          const labelRight = cx < W - M.right - 120;
          return (
            <g key={r.model} class={r.onFrontier ? 'pareto__pt pareto__pt--frontier' : 'pareto__pt pareto__pt--dominated'}>
              {r.onFrontier ? <circle cx={cx} cy={cy} r={6} /> : <rect x={cx - 5} y={cy - 5} width={10} height={10} />}
              <text x={labelRight ? cx + 10 : cx - 10} y={cy + 4} text-anchor={labelRight ? 'start' : 'end'}>
                {r.model}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

export default function ParetoTool({ initial = '' }: { initial?: string }) {
  const [text, setText] = useState(initial);
  const [fileError, setFileError] = useState('');
  const id = useId();
  const parsed = useMemo(() => parseResultsCsv(text), [text]);
  const analysis = useMemo(() => analyse(parsed.rows), [parsed]);
  const ordered = useMemo(
    () =>
      [...analysis.all].sort(
        (a, b) => Number(b.onFrontier) - Number(a.onFrontier) || b.score - a.score || a.cost - b.cost,
      ),
    [analysis],
  );

  const onFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > 1_000_000) {
      setFileError(`${file.name} is larger than 1 MB; an eval summary has one line per model.`);
      return;
    }
    setFileError('');
    setText(await file.text());
  };

  const { rows, errors } = parsed;
  const hasInput = text.trim() !== '';

  return (
    <div class="pareto">
      <div class="pareto__input">
        <label for={`${id}-csv`} class="pareto__label">
          Eval results as CSV: <code>model,score,cost,latency</code>
        </label>
        <p id={`${id}-hint`} class="pareto__hint">
          One line per model or configuration. Score: higher is better. Cost and latency: lower is better, in any unit
          you like as long as each column uses one. A header line is optional; lines starting with <code>#</code> are
          ignored. Nothing leaves your browser.
        </p>
        <textarea
          id={`${id}-csv`}
          class="pareto__textarea"
          rows={9}
          spellcheck={false}
          autocomplete="off"
          aria-describedby={`${id}-hint`}
          placeholder={'model,score,cost,latency\nmodel-a,0.91,22.5,4.1\nmodel-b,0.83,3.6,1.4'}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <div class="pareto__actions">
          <label class="pareto__file">
            <span>Upload a CSV file</span>
            <input type="file" accept=".csv,text/csv,text/plain" onChange={onFile} />
          </label>
          <button type="button" class="button" onClick={() => setText(EXAMPLE)}>
            Load example
          </button>
          <button type="button" class="button" onClick={() => setText('')} disabled={!hasInput}>
            Clear
          </button>
        </div>
      </div>

      <div class="pareto__status" role="status" aria-live="polite">
        {rows.length > 0 && (
          <p class="pareto__summary">
            {analysis.frontier.length} of {rows.length} on the frontier
            {analysis.dominated.length > 0
              ? `; ${analysis.dominated.length} dominated (another model is at least as good on score, cost and latency, and better on one).`
              : '; none dominated.'}
          </p>
        )}
        {hasInput && rows.length === 0 && errors.length === 0 && (
          <p class="pareto__summary">No data lines yet: add one line per model.</p>
        )}
        {fileError && <p class="pareto__error-summary">{fileError}</p>}
        {errors.length > 0 && (
          <p class="pareto__error-summary">
            {errors.length === 1 ? '1 line could not be read' : `${errors.length} lines could not be read`}
            {rows.length > 0 ? ` and ${errors.length === 1 ? 'is' : 'are'} left out of the analysis:` : ':'}
          </p>
        )}
      </div>
      {errors.length > 0 && (
        <ul class="pareto__errors">
          {errors.map((e) => (
            <li key={e.line}>{e.message}</li>
          ))}
        </ul>
      )}

      {rows.length > 0 && (
        <>
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
            <table class="pareto__table">
              <caption id={`${id}-caption`}>Frontier and dominated models</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col" class="num">
                    Score ↑
                  </th>
                  <th scope="col" class="num">
                    Cost ↓
                  </th>
                  <th scope="col" class="num">
                    Latency ↓
                  </th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {ordered.map((r) => (
                  <tr key={r.model} data-frontier={r.onFrontier ? 'true' : 'false'}>
                    <th scope="row">{r.model}</th>
                    <td class="num">{formatNumber(r.score)}</td>
                    <td class="num">{formatNumber(r.cost)}</td>
                    <td class="num">{formatNumber(r.latency)}</td>
                    <td>
                      {r.onFrontier ? (
                        <span class="pareto__badge pareto__badge--frontier">Frontier</span>
                      ) : (
                        <>
                          <span class="pareto__badge pareto__badge--dominated">Dominated</span> by{' '}
                          {r.dominatedBy.join(', ')}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <figure class="pareto__figure">
            <div class="pareto__chart-scroll" tabIndex={0} role="region" aria-label="Scatter plot of score against cost">
              <Chart rows={analysis.all} titleId={`${id}-title`} descId={`${id}-desc`} />
            </div>
            <figcaption>
              <span class="pareto__key pareto__key--frontier" aria-hidden="true" /> frontier
              <span class="pareto__key pareto__key--dominated" aria-hidden="true" /> dominated. Latency is the third
              axis: a model can look dominated on this chart and still be on the frontier because it is faster.
            </figcaption>
          </figure>
        </>
      )}
    </div>
  );
}
