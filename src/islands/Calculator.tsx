// The cost calculator on /calculator/. Thin: URL query → src/lib/calculator-state.ts → src/lib/calculator.ts → render.
// Every figure comes from the catalogue (a slim copy passed in by the page) through the pricing engine.
// A class component: it keeps the island free of preact/hooks, inside the page's 15 kB JavaScript budget.
import { Component } from 'preact';
import { closeMatches, createIndex, type ModelIndex, type PricingData } from '../lib/catalogue-index.ts';
import {
  DAYS_PER_MONTH,
  currentLineup,
  defaultRaw,
  parseQuery,
  parseRaw,
  rawFromValues,
  serializeQuery,
  type CalcValues,
  type Field,
  type RawState,
} from '../lib/calculator-state.ts';
import {
  cacheBreakEven,
  compareModels,
  comparisonCsv,
  headroomVerdict,
  mixVersusSingle,
  rateLimitHeadroom,
  routingMix,
  type ModelCost,
} from '../lib/calculator.ts';
import { formatInt, formatNumber, formatPercent, formatUsd, formatUsdPrecise } from '../lib/format.ts';
import './Calculator.css';

// Illustrative workloads (user inputs, not catalogue facts). Models are named by tier and resolved to the catalogue's
// current model of that tier, so the presets move with the lineup.
type PresetTier = 'opus' | 'sonnet' | 'haiku' | 'fable';
const PRESETS: [string, PresetTier[], Partial<CalcValues>][] = [
  ['Classification at volume', ['haiku', 'sonnet'], { input: 400, cached: 5000, output: 20, hit: 0.95, ttl: '5m', perDay: 500_000, batch: 0 }],
  ['RAG chat with a cached system prompt', ['sonnet', 'haiku', 'opus'], { input: 3000, cached: 6000, output: 400, hit: 0.9, ttl: '5m', perDay: 20_000, batch: 0 }],
  ['Agentic coding', ['opus', 'sonnet', 'fable'], { input: 4000, cached: 60_000, output: 2000, hit: 0.95, ttl: '1h', perDay: 3000, batch: 0 }],
  ['Nightly batch summarisation', ['haiku', 'sonnet'], { input: 12_000, cached: 0, output: 600, hit: 0, ttl: '5m', perDay: 50_000, batch: 1 }],
];

/** The catalogue's current model of each tier asked for (tiers without one are skipped). */
function currentOf(ix: ModelIndex, tiers: readonly PresetTier[]): string[] {
  return tiers.flatMap((t) => ix.models.filter((m) => m.tier === t && m.status.value === 'current').slice(0, 1).map((m) => m.id));
}

interface State {
  raw: RawState;
  ready: boolean;
  /** What the "Copy link" button last did, announced politely. */
  copied: string;
}

type Props = { data: string };

export default class Calculator extends Component<Props, State> {
  ix: ModelIndex;
  constructor(props: Props) {
    super(props);
    // "Did you mean" for a mistyped id; a long paste is not a model id, so it is not compared with every name.
    this.ix = createIndex(JSON.parse(props.data) as PricingData, (models, id, limit) => (id.length > 40 ? [] : closeMatches(models, id, limit)));
    this.state = { raw: defaultRaw(this.ix), ready: false, copied: '' };
  }

  load = () => this.setState({ raw: parseQuery(this.ix, location.search).raw, ready: true });

  override componentDidMount() {
    this.load();
    addEventListener('popstate', this.load);
  }

  override componentWillUnmount() {
    removeEventListener('popstate', this.load);
  }

  /** A finished change (blur, Enter, a click) becomes a history entry, so back and forward step through them. */
  commit = (raw = this.state.raw) => {
    const q = `?${serializeQuery(raw)}`;
    if (q !== location.search) history.pushState(null, '', q);
  };

  type = (f: Field, value: string) => this.setState((s) => ({ raw: { ...s.raw, [f]: value }, copied: '' }));

  copyLink = () => {
    this.commit();
    const done = (msg: string) => this.setState({ copied: msg });
    if (!navigator.clipboard) return done('Copying is not available here: copy the address bar.');
    navigator.clipboard.writeText(location.href).then(
      () => done('Link copied: it reproduces these results.'),
      () => done('Could not copy: copy the address bar.'),
    );
  };

  pick = (f: Field, value: string) => {
    const raw = { ...this.state.raw, [f]: value };
    this.setState({ raw });
    this.commit(raw);
  };

  num(id: Field, label: string, errors: Partial<Record<Field, string>>, hint?: string) {
    const err = errors[id];
    const desc = [err && `c-${id}-e`, hint && `c-${id}-h`].filter(Boolean).join(' ');
    return (
      <div class={err ? 'calc-field calc-field--bad' : 'calc-field'}>
        <label for={`c-${id}`}>{label}</label>
        <input
          id={`c-${id}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={this.state.raw[id]}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={desc || undefined}
          onInput={(e) => this.type(id, e.currentTarget.value)}
          onChange={() => this.commit()}
        />
        {err && (
          <p id={`c-${id}-e`} class="calc-error">
            {err}
          </p>
        )}
        {hint && (
          <p id={`c-${id}-h`} class="calc-hint">
            {hint}
          </p>
        )}
      </div>
    );
  }

  radios(id: Field, legend: string, options: [string, string][]) {
    return (
      <fieldset class="calc-radios">
        <legend>{legend}</legend>
        {options.map(([v, text]) => (
          <label key={v}>
            <input type="radio" name={`c-${id}`} value={v} checked={this.state.raw[id] === v} onChange={() => this.pick(id, v)} /> {text}
          </label>
        ))}
      </fieldset>
    );
  }

  render() {
    const ix = this.ix;
    const { raw, ready, copied } = this.state;
    const { values: v, errors } = parseRaw(ix, raw);
    const nErrors = Object.keys(errors).length;
    // A figure shown is a figure computed from what the reader typed: nothing is priced while a field is invalid.
    const valid = nErrors === 0;
    const rows = valid ? compareModels(ix, v.models, v) : [];
    const mix = valid && v.mix.length ? routingMix(ix, v.mix, v) : undefined;
    const best = rows.find((r) => !r.error);
    const perMonth = v.perDay * DAYS_PER_MONTH;
    const lineup = currentLineup(ix);
    const mixExample = lineup.length === 3 ? `e.g. ${lineup[2]}:0.7,${lineup[1]}:0.25,${lineup[0]}:0.05` : 'e.g. model:0.7,other:0.3';
    const box = (id: string) => (
      <input
        type="checkbox"
        checked={v.models.includes(id)}
        onChange={(e) => this.pick('models', [...v.models.filter((m) => m !== id), ...(e.currentTarget.checked ? [id] : [])].join(','))}
      />
    );
    const group = (statuses: string[]) =>
      ix.models
        .filter((m) => statuses.includes(m.status.value))
        .map((m) => (
          <label key={m.id} class="calc-check">
            {box(m.id)} {m.name}
            {m.status.value === 'deprecated' && <span class="calc-tag"> (deprecated)</span>}
          </label>
        ));

    return (
      <div class="calc" data-ready={String(ready)}>
        <h2 id="calc-presets-h">Start from a preset</h2>
        <p class="calc-presets">
          {PRESETS.map(([label, tiers, values]) => (
            <button
              key={label}
              type="button"
              class="button"
              disabled={!ready}
              onClick={() => {
                const next = rawFromValues({ ...v, period: 'day', mix: [], ref: '', geo: 'global', ...values, models: currentOf(ix, tiers) });
                this.setState({ raw: next });
                this.commit(next);
              }}
            >
              {label}
            </button>
          ))}
        </p>

        <form
          class="calc-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            this.commit();
          }}
        >
          <fieldset disabled={!ready} aria-describedby={errors.models ? 'c-models-e' : undefined}>
            <legend>Models to compare</legend>
            <p class="calc-group">Current lineup</p>
            {group(['current'])}
            <p class="calc-group">Legacy and deprecated, still available</p>
            {group(['legacy', 'deprecated'])}
            <details open={v.models.some((id) => ix.find(id)?.status.value === 'retired-api')}>
              <summary>Retired on the Claude API</summary>
              {group(['retired-api'])}
            </details>
            {errors.models && (
              <p id="c-models-e" class="calc-error">
                {errors.models}
              </p>
            )}
          </fieldset>

          <fieldset class="calc-grid" disabled={!ready}>
            <legend>Tokens per request</legend>
            {this.num('input', 'Uncached input tokens', errors, 'The part of the prompt that changes.')}
            {this.num('cached', 'Cacheable prefix tokens', errors, 'Repeated system prompt, tools, documents.')}
            {this.num('output', 'Output tokens', errors, 'Thinking tokens included.')}
            <div class="calc-field">
              <label for="c-ref">Token counts measured with</label>
              <select id="c-ref" value={raw.ref} onChange={(e) => this.pick('ref', e.currentTarget.value)} aria-describedby="c-ref-h">
                <option value="">each model's own tokenizer</option>
                {ix.models.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
              {errors.ref && <p class="calc-error">{errors.ref}</p>}
              <p id="c-ref-h" class="calc-hint">
                Claude 4.7 and later count about {formatPercent(ix.tokenizerInflation, 0)} more tokens for the same text; counts are converted
                between the two tokenizers.
              </p>
            </div>
          </fieldset>

          <fieldset class="calc-grid" disabled={!ready}>
            <legend>Caching, volume and routing</legend>
            {this.num('hit', 'Cache hit rate (0–1)', errors, 'Requests that read the prefix; the rest write it.')}
            {this.radios('ttl', 'Cache lifetime', [
              ['5m', '5 minutes'],
              ['1h', '1 hour'],
            ])}
            <div>
              {this.num('volume', `Requests per ${v.period}`, errors)}
              <label class="calc-inline">
                Counted per{' '}
                <select value={raw.period} onChange={(e) => this.pick('period', e.currentTarget.value)}>
                  <option value="day">day</option>
                  <option value="month">month (30 days)</option>
                </select>
              </label>
            </div>
            {this.num('batch', 'Share through the Batch API (0–1)', errors, '1 = everything through Message Batches.')}
            {this.radios('geo', 'Inference location', [
              ['global', 'Global'],
              ['us', `US only (${formatNumber(ix.usGeoMultiplier, 2)}×)`],
            ])}
            {this.num('mix', 'Routing mix (optional)', errors, mixExample)}
          </fieldset>
        </form>

        <h2 id="calc-results-h">Results</h2>
        <p class="calc-summary" aria-live="polite" aria-atomic="true" data-computed={String(valid)}>
          {!valid ? (
            <strong class="calc-error">
              Not computed: fix the marked {nErrors === 1 ? 'field' : `${nErrors} fields`} above. No figure is shown until every field is
              valid.
            </strong>
          ) : !best ? (
            `No price: none of the chosen models can run this workload as set. ${rows.map((r) => `${r.name}: ${r.error ?? ''}`).join(' ')}`
          ) : perMonth === 0 || rows.every((r) => r.error || r.month.total === 0) ? (
            'Nothing to price: the workload has no requests or no tokens.'
          ) : (
            `${formatInt(perMonth)} requests a month. Cheapest: ${best.name} at ${best.monthRange ? `${rangeText(best.monthRange)} (central ${formatUsd(best.month.total)})` : formatUsd(best.month.total)} a month (${formatUsdPrecise(best.perRequest)} a request).`
          )}
        </p>
        {valid && (
          <>
            <Bars rows={rows} />
            <div class="table-scroll calc-table-wrap" tabindex={0} role="region" aria-labelledby="c-table-cap">
            <table class="calc-table">
              <caption id="c-table-cap">Cost per model, cheapest first, USD per month unless stated</caption>
              <thead>
                <tr>
                  {COLUMNS.map((h, i) => (
                    <th key={h} scope="col" class={i ? 'num' : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-model={r.id}>
                    <th scope="row">{r.name}</th>
                    {r.error ? (
                      <td colSpan={COLUMNS.length - 1} class="calc-error" data-unpriced={r.unpriced?.kind}>
                        {r.error}
                        {r.unpriced?.kind === 'retired' && (
                          <>
                            {' '}
                            <a href={`/models/${r.id}/`}>{r.name} on the models page</a>
                            {r.unpriced.replacement && (
                              <>
                                {', '}
                                <a href={`/models/${r.unpriced.replacement.id}/`}>{r.unpriced.replacement.name}</a>
                              </>
                            )}
                            .
                          </>
                        )}
                      </td>
                    ) : (
                      [
                        r.perRequest,
                        r.month.total,
                        r.month.input,
                        r.month.cacheWrite,
                        r.month.cacheRead,
                        r.month.output,
                        r.plainMonth,
                        r.savingsFromCaching,
                        r.savingsFromBatch,
                      ]
                        .map((n, i) => (
                          <td key={i} class="num" data-label={COLUMNS[i + 1]}>
                            {i === 1 ? <MonthCell r={r} /> : i ? formatUsd(n) : formatUsdPrecise(n)}
                          </td>
                        ))
                        .concat(
                          <td key="be" class="num" data-label={COLUMNS[10]}>
                            {cacheBreakEven(ix, r.id, '5m', r.tokens.input + r.tokens.cached).reads} /{' '}
                            {cacheBreakEven(ix, r.id, '1h', r.tokens.input + r.tokens.cached).reads}
                          </td>,
                        )
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </>
        )}
        <p class="calc-actions">
          <button type="button" class="button" disabled={!ready || !valid} onClick={() => download(rows, v, location.href)}>
            Download the comparison as CSV
          </button>
          <button type="button" class="button" disabled={!ready} onClick={this.copyLink}>
            Copy link
          </button>
          <span class="calc-hint" role="status">
            {copied}
          </span>
        </p>
        <ul class="calc-warnings">
          {rows
            .flatMap((r) => [
              ...(r.tokens.factor === 1
                ? []
                : [
                    `${r.name}: token counts ×${formatNumber(r.tokens.factor, 3)} for its tokenizer (${formatInt(r.tokens.input)} input, ${formatInt(r.tokens.cached)} cached, ${formatInt(r.tokens.output)} output).`,
                  ]),
              ...r.warnings,
            ])
            .map((w) => (
              <li key={w}>{w}</li>
            ))}
        </ul>

        {mix && (
          <>
            <h3>Routing mix against one model</h3>
            {mix.error ? (
              <p class="calc-error">{mix.error}</p>
            ) : (
              <ul data-cell="mix">
                <li>
                  {mix.parts.map((p) => `${formatPercent(p.share)} ${p.cost.name}`).join(', ')}: <strong>{formatUsd(mix.total)}</strong> a month
                </li>
                {mix.singles.map((s) => (
                  <li key={s.id}>{mixVersusSingle(s, mix.total)}</li>
                ))}
              </ul>
            )}
          </>
        )}

        <h3>Rate-limit headroom</h3>
        <p class="calc-hint">
          Average non-Batch load against the limits in the catalogue: the old Tier 1–4 tables for the 4.x pools, the Start and Scale
          figures for Fable 5.x (third-party copy). Per-model limits for the tiers used since {ix.newTiersSince} are not in our sources for
          the other current models. Peaks run higher than the average. Read your own limits with the Rate Limits API (
          <code>GET /v1/organizations/rate_limits</code>) or the <code>anthropic-ratelimit-*</code> response headers.
        </p>
        {valid && (
          <ul data-cell="headroom">
            {v.models.map((id) => {
              const h = rateLimitHeadroom(ix, id, v);
              const name = ix.find(id)?.name ?? id;
              if (!h) return <li key={id}>{name}: no published per-model limits in our sources; read yours with the Rate Limits API.</li>;
              return (
                <li key={id}>
                  {name}: {formatNumber(h.need.rpm, 1)} requests, {formatInt(h.need.itpm)} input and {formatInt(h.need.otpm)} output tokens a
                  minute; load {h.tiers.map((t) => `${t.name} ${formatPercent(t.utilisation, 0)}`).join(', ')} (
                  {h.scheme === 'old' ? 'old Tier 1–4 tables' : 'Start / Scale'}, as of {h.asOf}
                  {h.confidence ? `, ${h.confidence}` : ''}). <strong>{headroomVerdict(h)}</strong>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    );
  }
}

const COLUMNS = [
  'Model',
  'Per request',
  'Per month',
  'Input',
  'Cache writes',
  'Cache reads',
  'Output',
  'No caching or Batch',
  'Saved by caching',
  'Saved by Batch',
  'Break-even reads, 5m / 1h',
];

const rangeText = (m: { low: number; high: number }) => `${formatUsd(m.low)}–${formatUsd(m.high)}`;

/** A month's cost; where a price used has other values in its sources, the range first and the central figure under it. */
function MonthCell({ r }: { r: ModelCost }) {
  const ifCacheable = r.ifCacheable !== undefined && (
    <>
      {' '}
      <span class="calc-central">if cacheable {formatUsd(r.ifCacheable)}</span>
    </>
  );
  if (!r.monthRange)
    return (
      <>
        <strong>{formatUsd(r.month.total)}</strong>
        {ifCacheable}
      </>
    );
  return (
    <>
      <strong class="calc-range">{rangeText(r.monthRange)}</strong>{' '}
      <span class="calc-central">central {formatUsd(r.month.total)}</span>
      {ifCacheable}
    </>
  );
}

/** One bar per model: HTML labels (readable at any width) and an SVG bar sized by an attribute (no inline style, for the CSP). */
function Bars({ rows }: { rows: ModelCost[] }) {
  const ok = rows.filter((r) => !r.error);
  const max = Math.max(...ok.map((r) => r.month.total), 1e-9);
  return (
    <ul class="calc-bars" aria-label="Cost per month by model, cheapest first; the table below has the figures">
      {ok.map((r) => (
        <li key={r.id}>
          <span class="calc-bar-name">{r.name.replace('Claude ', '')}</span>
          <svg class="calc-bar" aria-hidden="true" focusable="false">
            <rect width={`${Math.max(0.5, (r.month.total / max) * 100).toFixed(2)}%`} height="100%" rx="3" />
          </svg>
          <span class="calc-bar-value">{r.monthRange ? rangeText(r.monthRange) : formatUsd(r.month.total)}</span>
        </li>
      ))}
    </ul>
  );
}

function download(rows: ModelCost[], v: CalcValues, link: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([comparisonCsv(rows, v, link)], { type: 'text/csv' }));
  a.download = 'claude-cost-comparison.csv';
  document.body.append(a);
  a.click();
  a.remove();
}
