// The cost calculator on /calculator/. Thin: the URL query → src/lib/calculator-state.ts → src/lib/calculator.ts → render.
// Every figure comes from the catalogue through the pricing engine; nothing here knows a price.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { createIndex, type ModelIndex, type PricingData } from '../lib/catalogue-index.ts';
import {
  DAYS_PER_MONTH,
  DEFAULT_RAW,
  parseQuery,
  parseRaw,
  rawFromValues,
  serializeQuery,
  type CalcValues,
  type Field,
  type RawState,
} from '../lib/calculator-state.ts';
import { cacheBreakEven, compareModels, comparisonCsv, rateLimitHeadroom, routingMix, type ModelCost } from '../lib/calculator.ts';
import { formatInt, formatNumber, formatPercent, formatUsd } from '../lib/format.ts';
import './Calculator.css';

interface Preset {
  id: string;
  label: string;
  describe: string;
  values: Partial<CalcValues>;
}

// Illustrative workloads (user inputs, not catalogue facts).
const PRESETS: Preset[] = [
  {
    id: 'classification',
    label: 'Classification at volume',
    describe: 'short inputs, tiny outputs, long cached instructions, half a million requests a day',
    values: {
      models: ['haiku-4-5', 'haiku-5-5', 'sonnet-4-6'],
      input: 400,
      cached: 5000,
      output: 20,
      hit: 0.95,
      ttl: '5m',
      perDay: 500_000,
      period: 'day',
      batch: 0,
      mix: [],
    },
  },
  {
    id: 'rag',
    label: 'RAG chat with a cached system prompt',
    describe: 'retrieved passages uncached, system prompt and tools cached',
    values: {
      models: ['sonnet-4-6', 'haiku-4-5', 'opus-4-7'],
      input: 3000,
      cached: 6000,
      output: 400,
      hit: 0.9,
      ttl: '5m',
      perDay: 20_000,
      period: 'day',
      batch: 0,
      mix: [],
    },
  },
  {
    id: 'agentic',
    label: 'Agentic coding',
    describe: 'large cached repository context, long outputs, 1-hour cache',
    values: {
      models: ['opus-4-7', 'sonnet-4-6', 'opus-4-6'],
      input: 4000,
      cached: 60_000,
      output: 2000,
      hit: 0.95,
      ttl: '1h',
      perDay: 3000,
      period: 'day',
      batch: 0,
      mix: [],
    },
  },
  {
    id: 'nightly',
    label: 'Nightly batch summarisation',
    describe: 'documents summarised overnight, everything through the Batch API',
    values: {
      models: ['haiku-4-5', 'sonnet-4-6', 'haiku-5-5'],
      input: 12_000,
      cached: 0,
      output: 600,
      hit: 0,
      ttl: '5m',
      perDay: 50_000,
      period: 'day',
      batch: 1,
      mix: [],
    },
  },
];

const GROUPS: { title: string; statuses: string[] }[] = [
  { title: 'Current', statuses: ['current'] },
  { title: 'Legacy and deprecated (still available)', statuses: ['legacy', 'deprecated'] },
  { title: 'Retired on the Claude API (Bedrock / Google Cloud prices differ)', statuses: ['retired-api'] },
];

function currentQuery(): string {
  return typeof location === 'undefined' ? '' : location.search;
}

function NumField({
  id,
  label,
  hint,
  value,
  error,
  onInput,
  onCommit,
}: {
  id: Field;
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  onInput: (f: Field, v: string) => void;
  onCommit: () => void;
}) {
  const hintId = hint ? `calc-${id}-hint` : '';
  const errId = error ? `calc-${id}-error` : '';
  return (
    <div class={`calc-field${error ? ' calc-field--bad' : ''}`}>
      <label for={`calc-${id}`}>{label}</label>
      <input
        id={`calc-${id}`}
        name={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[errId, hintId].filter(Boolean).join(' ') || undefined}
        onInput={(e) => onInput(id, e.currentTarget.value)}
        onChange={onCommit}
      />
      {error && (
        <p id={errId} class="calc-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} class="calc-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function Radios({
  name,
  legend,
  value,
  options,
  onPick,
}: {
  name: Field;
  legend: string;
  value: string;
  options: [string, string][];
  onPick: (f: Field, v: string) => void;
}) {
  return (
    <fieldset class="calc-radios">
      <legend>{legend}</legend>
      {options.map(([v, text]) => (
        <label key={v}>
          <input type="radio" name={`calc-${name}`} value={v} checked={value === v} onChange={() => onPick(name, v)} /> {text}
        </label>
      ))}
    </fieldset>
  );
}

function BarChart({ rows }: { rows: ModelCost[] }) {
  const ok = rows.filter((r) => !r.error);
  if (!ok.length) return null;
  const max = Math.max(...ok.map((r) => r.month.total), 1e-9);
  const rowH = 30;
  const labelW = 150;
  const W = 640;
  const barMax = W - labelW - 110;
  return (
    <svg class="calc-chart" viewBox={`0 0 ${W} ${ok.length * rowH + 8}`} role="img" aria-labelledby="calc-chart-title">
      <title id="calc-chart-title">
        Cost per month by model, cheapest first: {ok.map((r) => `${r.name} ${formatUsd(r.month.total)}`).join('; ')}
      </title>
      {ok.map((r, i) => {
        const w = Math.max(1, (r.month.total / max) * barMax);
        const y = i * rowH + 4;
        return (
          <g key={r.id}>
            <text x={labelW - 8} y={y + 17} text-anchor="end" class="calc-chart__label">
              {r.name.replace('Claude ', '')}
            </text>
            <rect x={labelW} y={y + 3} width={w} height={rowH - 10} rx="3" class="calc-chart__bar" />
            <text x={labelW + w + 6} y={y + 17} class="calc-chart__value">
              {formatUsd(r.month.total)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function downloadCsv(rows: ModelCost[]) {
  const blob = new Blob([comparisonCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'claude-cost-comparison.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `data`: JSON of `slimPricingData()` from src/lib/catalogue.ts (passed by the page so the catalogue is not in this bundle). */
export default function Calculator({ data }: { data: string }) {
  const ix = useMemo<ModelIndex>(() => createIndex(JSON.parse(data) as PricingData), [data]);
  const [raw, setRaw] = useState<RawState>(DEFAULT_RAW);
  const [ready, setReady] = useState(false);
  const [showRetired, setShowRetired] = useState(false);

  useEffect(() => {
    const load = () => setRaw(parseQuery(ix, currentQuery()).raw);
    load();
    setReady(true);
    addEventListener('popstate', load);
    return () => removeEventListener('popstate', load);
  }, []);

  const parsed = useMemo(() => parseRaw(ix, raw), [ix, raw]);
  const { values: v, errors } = parsed;
  const rows = useMemo(() => compareModels(ix, v.models, v), [ix, v]);
  const mix = useMemo(() => (v.mix.length ? routingMix(ix, v.mix, v) : undefined), [ix, v]);
  const errorCount = Object.keys(errors).length;
  const retiredSelected = v.models.some((id) => ix.find(id)?.status.value === 'retired-api');

  const commit = (next: RawState = raw) => {
    const q = `?${serializeQuery(next)}`;
    if (q !== currentQuery()) history.pushState(null, '', q);
  };
  const onInput = (f: Field, value: string) => setRaw((r) => ({ ...r, [f]: value }));
  const pick = (f: Field, value: string) => {
    const next = { ...raw, [f]: value };
    setRaw(next);
    commit(next);
  };
  const toggleModel = (id: string, on: boolean) => {
    const list = v.models.filter((m) => m !== id);
    if (on) list.push(id);
    pick('models', list.join(','));
  };
  const applyPreset = (p: Preset) => {
    const next = rawFromValues({ ...v, ...p.values, ref: v.ref, geo: v.geo });
    setRaw(next);
    commit(next);
  };

  const cheapest = rows.find((r) => !r.error);
  const inflation = ix.tokenizerInflation;
  const perMonth = v.perDay * DAYS_PER_MONTH;

  return (
    <div class="calc" data-ready={ready ? 'true' : 'false'}>
      <section class="calc-presets" aria-labelledby="calc-presets-h">
        <h2 id="calc-presets-h">Start from a preset</h2>
        <ul>
          {PRESETS.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                class="button"
                disabled={!ready}
                onClick={() => applyPreset(p)}
                aria-describedby={`calc-preset-${p.id}`}
              >
                {p.label}
              </button>{' '}
              <span id={`calc-preset-${p.id}`} class="calc-hint">
                {p.describe}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <form
        class="calc-form"
        onSubmit={(e: JSX.TargetedEvent<HTMLFormElement>) => {
          e.preventDefault();
          commit();
        }}
        noValidate
      >
        <fieldset class="calc-models" disabled={!ready} aria-describedby={errors.models ? 'calc-models-error' : undefined}>
          <legend>Models to compare</legend>
          {GROUPS.map((g) => {
            const retired = g.statuses.includes('retired-api');
            if (retired && !showRetired && !retiredSelected) return null;
            return (
              <div key={g.title} class="calc-model-group">
                <p class="calc-group-title">{g.title}</p>
                {ix.models
                  .filter((m) => g.statuses.includes(m.status.value))
                  .map((m) => (
                    <label key={m.id} class="calc-check">
                      <input
                        type="checkbox"
                        name="models"
                        value={m.id}
                        checked={v.models.includes(m.id)}
                        onChange={(e) => toggleModel(m.id, e.currentTarget.checked)}
                      />{' '}
                      {m.name}
                      {m.status.value === 'deprecated' && <span class="calc-tag"> deprecated</span>}
                    </label>
                  ))}
              </div>
            );
          })}
          {!retiredSelected && (
            <label class="calc-check calc-check--small">
              <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} /> Show models retired
              on the Claude API
            </label>
          )}
          {errors.models && (
            <p id="calc-models-error" class="calc-error">
              {errors.models}
            </p>
          )}
        </fieldset>

        <fieldset class="calc-grid" disabled={!ready}>
          <legend>Tokens per request</legend>
          <NumField
            id="input"
            label="Uncached input tokens"
            value={raw.input}
            error={errors.input}
            onInput={onInput}
            onCommit={() => commit()}
            hint="The part of the prompt that changes every request."
          />
          <NumField
            id="cached"
            label="Cacheable prefix tokens"
            value={raw.cached}
            error={errors.cached}
            onInput={onInput}
            onCommit={() => commit()}
            hint="System prompt, tools, documents that repeat. 0 = no caching."
          />
          <NumField
            id="output"
            label="Output tokens"
            value={raw.output}
            error={errors.output}
            onInput={onInput}
            onCommit={() => commit()}
            hint="Thinking tokens included."
          />
          <div class="calc-field">
            <label for="calc-ref">Token counts measured with</label>
            <select id="calc-ref" value={raw.ref} onChange={(e) => pick('ref', e.currentTarget.value)} aria-describedby="calc-ref-hint">
              <option value="">each model's own tokenizer (no conversion)</option>
              {ix.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {errors.ref && <p class="calc-error">{errors.ref}</p>}
            <p id="calc-ref-hint" class="calc-hint">
              Claude 4.7 and later count about {formatPercent(inflation, 0)} more tokens for the same text. Pick the model you measured with
              and counts are converted for the other generation.
            </p>
          </div>
        </fieldset>

        <fieldset class="calc-grid" disabled={!ready}>
          <legend>Caching, volume and routing</legend>
          <NumField
            id="hit"
            label="Cache hit rate (0–1)"
            value={raw.hit}
            error={errors.hit}
            onInput={onInput}
            onCommit={() => commit()}
            hint="Share of requests that read the prefix; the rest write it."
          />
          <Radios
            name="ttl"
            legend="Cache lifetime"
            value={raw.ttl}
            options={[
              ['5m', '5 minutes'],
              ['1h', '1 hour'],
            ]}
            onPick={pick}
          />
          <div class="calc-field">
            <NumField
              id="volume"
              label={`Requests per ${v.period}`}
              value={raw.volume}
              error={errors.volume}
              onInput={onInput}
              onCommit={() => commit()}
            />
            <label class="calc-inline">
              <span>Per</span>{' '}
              <select
                value={raw.period}
                onChange={(e) => pick('period', e.currentTarget.value)}
                aria-label="Requests counted per day or per month"
              >
                <option value="day">day</option>
                <option value="month">month (30 days)</option>
              </select>
            </label>
          </div>
          <NumField
            id="batch"
            label="Share through the Batch API (0–1)"
            value={raw.batch}
            error={errors.batch}
            onInput={onInput}
            onCommit={() => commit()}
            hint="1 = everything through the Message Batches API, at its discount."
          />
          <Radios
            name="geo"
            legend="Inference location"
            value={raw.geo}
            options={[
              ['global', 'Global'],
              ['us', `US only (${formatNumber(ix.usGeoMultiplier, 2)}×)`],
            ]}
            onPick={pick}
          />
          <NumField
            id="mix"
            label="Routing mix (optional)"
            value={raw.mix}
            error={errors.mix}
            onInput={onInput}
            onCommit={() => commit()}
            hint="model:share pairs adding up to 1, e.g. haiku-4-5:0.7,sonnet-4-6:0.25,opus-4-7:0.05"
          />
        </fieldset>
      </form>

      <section class="calc-results" aria-labelledby="calc-results-h">
        <h2 id="calc-results-h">Results</h2>
        <p class="calc-summary" aria-live="polite" aria-atomic="true">
          {errorCount > 0 && (
            <strong class="calc-error">
              {errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} fixing; until then the results use the default value for
              it.{' '}
            </strong>
          )}
          {cheapest
            ? `${formatInt(perMonth)} requests a month. Cheapest: ${cheapest.name} at ${formatUsd(cheapest.month.total)} a month (${formatUsd(cheapest.perRequest)} a request).`
            : 'None of the chosen models can run this workload as set.'}
        </p>

        <BarChart rows={rows} />

        <div class="table-scroll" tabindex={0} role="region" aria-label="Cost per model">
          <table class="calc-table">
            <caption>Cost per model for {formatInt(perMonth)} requests a month (30 days), cheapest first, USD</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" class="num">
                  Per request
                </th>
                <th scope="col" class="num">
                  Per month
                </th>
                <th scope="col" class="num">
                  Input
                </th>
                <th scope="col" class="num">
                  Cache writes
                </th>
                <th scope="col" class="num">
                  Cache reads
                </th>
                <th scope="col" class="num">
                  Output
                </th>
                <th scope="col" class="num">
                  Without caching or Batch
                </th>
                <th scope="col" class="num">
                  Saved by caching
                </th>
                <th scope="col" class="num">
                  Saved by Batch
                </th>
                <th scope="col" class="num">
                  Break-even reads (5m / 1h)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                if (r.error) {
                  return (
                    <tr key={r.id} data-model={r.id}>
                      <th scope="row">{r.name}</th>
                      <td colSpan={10} class="calc-error">
                        {r.error}
                      </td>
                    </tr>
                  );
                }
                const prompt = r.tokens.input + r.tokens.cached;
                const b5 = cacheBreakEven(ix, r.id, '5m', prompt);
                const b1 = cacheBreakEven(ix, r.id, '1h', prompt);
                return (
                  <tr key={r.id} data-model={r.id}>
                    <th scope="row">{r.name}</th>
                    <td class="num" data-cell="per-request">
                      {formatUsd(r.perRequest)}
                    </td>
                    <td class="num" data-cell="per-month">
                      <strong>{formatUsd(r.month.total)}</strong>
                    </td>
                    <td class="num">{formatUsd(r.month.input)}</td>
                    <td class="num">{formatUsd(r.month.cacheWrite)}</td>
                    <td class="num">{formatUsd(r.month.cacheRead)}</td>
                    <td class="num">{formatUsd(r.month.output)}</td>
                    <td class="num">{formatUsd(r.plainMonth)}</td>
                    <td class="num" data-cell="saved-caching">
                      {formatUsd(r.savingsFromCaching)}
                    </td>
                    <td class="num" data-cell="saved-batch">
                      {formatUsd(r.savingsFromBatch)}
                    </td>
                    <td class="num" title={`ratios ${formatNumber(b5.ratio, 3)} / ${formatNumber(b1.ratio, 3)}`}>
                      {b5.reads} / {b1.reads}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p>
          <button type="button" class="button" disabled={!ready} onClick={() => downloadCsv(rows)}>
            Download the comparison as CSV
          </button>
        </p>

        {rows.some((r) => r.warnings.length || r.tokens.factor !== 1) && (
          <ul class="calc-warnings">
            {rows.map((r) => [
              r.tokens.factor !== 1 && (
                <li key={`${r.id}-tok`}>
                  {r.name}: token counts ×{formatNumber(r.tokens.factor, 3)} for its tokenizer ({formatInt(r.tokens.input)} input,{' '}
                  {formatInt(r.tokens.cached)} cached, {formatInt(r.tokens.output)} output per request).
                </li>
              ),
              ...r.warnings.map((w, i) => <li key={`${r.id}-${i}`}>{w}</li>),
            ])}
          </ul>
        )}

        {mix && (
          <section aria-labelledby="calc-mix-h">
            <h3 id="calc-mix-h">Routing mix against one model</h3>
            {mix.error ? (
              <p class="calc-error">{mix.error}</p>
            ) : (
              <>
                <p data-cell="mix-total">
                  {mix.parts.map((p) => `${formatPercent(p.share, 1)} ${p.cost.name}`).join(', ')}: <strong>{formatUsd(mix.total)}</strong>{' '}
                  a month.
                </p>
                <ul>
                  {mix.singles.map((s) => (
                    <li key={s.id}>
                      Everything on {s.name}:{' '}
                      {s.error
                        ? s.error
                        : `${formatUsd(s.month.total)} a month (${s.month.total >= mix.total ? 'the mix saves' : 'the mix costs'} ${formatUsd(Math.abs(s.month.total - mix.total))})`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        <section aria-labelledby="calc-rl-h">
          <h3 id="calc-rl-h">Rate-limit headroom</h3>
          <p class="calc-hint">
            Average load of the non-Batch traffic against the <strong>last published old-scheme limits</strong> (Tier 1–4). Since{' '}
            {ix.newTiersSince}
            the tiers are Start / Build / Scale and their per-model limits were not published; check your own limits in the Console. Peaks
            are higher than averages, and output tokens per minute are estimated from <code>max_tokens</code> when a request starts.
          </p>
          <HeadroomTables ix={ix} v={v} />
        </section>
      </section>
    </div>
  );
}

function HeadroomTables({ ix, v }: { ix: ModelIndex; v: CalcValues }) {
  const items = v.models.map((id) => rateLimitHeadroom(ix, id, v)).filter((h) => h !== undefined);
  const seen = new Set<string>();
  const pools = items.filter((h) => (seen.has(h.pool) ? false : (seen.add(h.pool), true)));
  const missing = v.models.filter((id) => !rateLimitHeadroom(ix, id, v)).map((id) => ix.find(id)?.name ?? id);
  return (
    <>
      {pools.map((h) => (
        <div key={h.pool} class="table-scroll" tabindex={0} role="region" aria-label={`Headroom, ${h.poolName}`}>
          <table>
            <caption>
              {h.poolName}: {formatNumber(h.need.rpm, 1)} requests, {formatInt(h.need.itpm)} input tokens and {formatInt(h.need.otpm)}{' '}
              output tokens a minute. {h.lowestFit ? `Lowest tier that fits: ${h.lowestFit}.` : 'Above every published tier.'} Limits as of{' '}
              {h.asOf}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col" class="num">
                  RPM
                </th>
                <th scope="col" class="num">
                  ITPM
                </th>
                <th scope="col" class="num">
                  OTPM
                </th>
                <th scope="col" class="num">
                  Load
                </th>
              </tr>
            </thead>
            <tbody>
              {h.tiers.map((t) => (
                <tr key={t.tier}>
                  <th scope="row">{t.name}</th>
                  <td class="num">{formatInt(t.limits.rpm)}</td>
                  <td class="num">{formatInt(t.limits.itpm)}</td>
                  <td class="num">{formatInt(t.limits.otpm)}</td>
                  <td class={`num ${t.fits ? 'calc-ok' : 'calc-error'}`}>{formatPercent(t.utilisation, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {missing.length > 0 && <p class="calc-hint">No published limits in the catalogue for: {missing.join(', ')}.</p>}
    </>
  );
}
