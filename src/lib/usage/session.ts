/**
 * A usage session: files are fed in as text chunks (FileParser), rows are summed into buckets — one per (day, model,
 * workspace, API key, service tier, geo, prompt band, speed) — so memory grows with buckets, not rows; `report()`
 * re-prices every bucket with the pricing engine and derives totals, ratios, spikes and scenarios. Pure.
 */
import type { CatalogueModel, Figure } from '../../schemas/catalogue.ts';
import { hasPriceRange, priceRange, priceRangeLabels, type ModelIndex, type PriceEnd } from '../catalogue-index.ts';
import type { CostBreakdown, Workload } from '../pricing.ts';
import { DAYS_PER_MONTH } from '../calculator-state.ts';
import { formatInt, formatNumber, formatPercent, formatPrice, formatPricePerMTok, formatUsd } from '../format.ts';
import { createResolver, type ModelResolver } from './models.ts';
import { FileParser, FORMAT_LABEL, type FormatId, type ParseSink } from './parse.ts';
import { findSpikes, sectionHref, SPIKE_RULE, type DayDims } from './spikes.ts';
import { TOKEN_TYPES, type CostType, type Ratios, type Scenario, type ServiceTier, type Tokens, type TokenType, type UsageReport, type UsageRow } from './types.ts';

export interface SessionOptions {
  index: ModelIndex;
  /**
   * The pricing engine (`rangedCostOf` over the catalogue, or over the island's copy of it). With `end`, every price
   * that has a range (`alt` in the catalogue) is taken at its lowest or highest value.
   */
  price: (modelId: string, workload: Workload, end?: PriceEnd) => CostBreakdown;
  /** serverTools.webSearchPer1000 from the catalogue. */
  webSearchUsdPer1000: number;
  /** Fast-mode rates by catalogue model id (src/lib/usage/index.ts `fastModeRates`); a fast row on a model without one is priced at standard. */
  fastRates?: FastRates;
}

/** USD per MTok of fast mode's input and output, by catalogue model id, and how sure the catalogue is of them. */
export type FastRates = Record<string, { input: number; output: number; confidence: string }>;

const COST_TYPES: CostType[] = [...TOKEN_TYPES, 'other'];
const LONG_CONTEXT = 200_000;
const TOKEN_LABEL: Record<TokenType, string> = {
  input: 'Uncached input',
  write5m: 'Cache writes (5 min)',
  write1h: 'Cache writes (1 h)',
  read: 'Cache reads',
  output: 'Output',
};

interface Bucket {
  day: string;
  model: string;
  workspace: string;
  apiKey: string;
  tier: ServiceTier;
  geo: 'global' | 'us';
  band: string;
  fast: boolean;
  rows: number;
  usageRows: number;
  tokens: Tokens;
  web: number;
  requests: number;
  requestsKnown: boolean;
  reported: number[]; // by COST_TYPES index
  reportedList: number;
  /** What was charged on the rows that also state a list price (so a discount compares like with like). */
  reportedOnListed: number;
  hasReported: boolean;
  hasReportedList: boolean;
  /** The formats whose usage rows fell in this bucket (two kinds of export of one day and model: the same traffic?). */
  usageFormats: Set<string>;
}

type Rates = Tokens; // USD per token by category

/** A priced bucket: list price at the central figures (`usd`) and with every ranged price at its low / high end. */
interface Priced {
  b: Bucket;
  m: CatalogueModel;
  prompt: number;
  usd: number;
  lo: number;
  hi: number;
}

/** The "why a range" line for one ranged price: the figure used, the other values, and the note that sources them. */
function rangeLine(m: CatalogueModel, label: string, f: Figure<number>): string {
  const others = (f.alt ?? []).map(formatPricePerMTok).join(', ');
  return `${m.name} ${label}: ${formatPricePerMTok(f.value)} used, ${others} also given (${f.confidence}${f.note ? `: ${f.note}` : ''}).`;
}

const emptyTokens = (): Tokens => ({ input: 0, write5m: 0, write1h: 0, read: 0, output: 0 });
const sumTokens = (t: Tokens) => t.input + t.write5m + t.write1h + t.read + t.output;
const add = (rec: Record<string, number>, k: string, v: number) => (rec[k] = (rec[k] ?? 0) + v);

/** One breakdown (by model, workspace, key or token type): sums at the central figures and at both ends of the price ranges. */
class RangedSums {
  readonly mid: Record<string, number> = {};
  private readonly low: Record<string, number> = {};
  private readonly high: Record<string, number> = {};

  add(k: string, mid: number, low: number, high: number): void {
    add(this.mid, k, mid);
    add(this.low, k, low);
    add(this.high, k, high);
  }

  /** The rows whose high end is above their low end (a ranged price moves them), with both ends. */
  ranges(): Record<string, { low: number; high: number }> {
    const out: Record<string, { low: number; high: number }> = {};
    for (const k of Object.keys(this.low)) if (this.high[k]! > this.low[k]!) out[k] = { low: this.low[k]!, high: this.high[k]! };
    return out;
  }
}

export class UsageSession {
  readonly resolve: ModelResolver;
  private buckets = new Map<string, Bucket>();
  private formats = new Set<FormatId>();
  private warnings: string[] = [];
  private warned = new Set<string>();
  private skips = new Map<string, { count: number; where: string[] }>();
  private seen = new Set<string>();
  rows = 0;
  ignored = 0;
  /** Claude Code lines repeating a message already counted (streaming writes one line per content block). */
  repeated = 0;

  /** Every prompt-size threshold in the catalogue (per-request rows are bucketed at each; see bandFor). */
  private readonly thresholds: number[];

  constructor(private readonly opts: SessionOptions) {
    this.resolve = createResolver(opts.index);
    this.thresholds = [...new Set(opts.index.models.flatMap((m) => (m.promptTiers ?? []).map((t) => t.above)))];
  }

  get skipped(): number {
    let n = 0;
    for (const s of this.skips.values()) n += s.count;
    return n;
  }

  warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push(message);
  }

  private fileKeys = new Map<string, string>();

  /**
   * Whether a file with this identity (its size and the hash of its start) was already read in this session: the same
   * file dropped twice, or saved twice under two names, would double every figure, so it is read once and the reader told.
   */
  sameFileAgain(name: string, key: string): boolean {
    const first = this.fileKeys.get(key);
    if (first === undefined) {
      this.fileKeys.set(key, name);
      return false;
    }
    this.warn(first === name ? `${name} was added twice: it is read once.` : `${name} has the same size and contents as ${first}: it is read once.`);
    return true;
  }

  /** A parser for one file; push text chunks into it, then call end(). */
  file(name: string): FileParser {
    const sink: ParseSink = {
      row: (r) => this.addRow(r),
      skip: (reason, where) => {
        const s = this.skips.get(reason) ?? { count: 0, where: [] };
        s.count++;
        if (s.where.length < 5) s.where.push(where);
        this.skips.set(reason, s);
      },
      format: (id) => {
        this.formats.add(id);
        this.currentFormat = id;
      },
      warn: (m) => this.warn(m),
      ignored: () => this.ignored++,
      firstSighting: (key) => {
        if (!this.seen.has(key)) return this.seen.add(key), true;
        this.repeated++;
        return false;
      },
    };
    return new FileParser(name, sink);
  }

  /** Per-request rows carry their prompt size in `band` ("req:<tokens>"): reduce it to the engine's tier. */
  private bandFor(row: UsageRow): string {
    if (!row.band.startsWith('req:')) return row.band;
    const prompt = Number(row.band.slice(4));
    // Split at every prompt-size threshold in the catalogue, not only the row's own model's: a move to a model with a
    // tier (Haiku 5.5 above 100K tokens) then prices the long prompts at its higher rate.
    let above = -1;
    for (const t of this.thresholds) if (prompt > t && t > above) above = t;
    return `req:${above}${prompt > LONG_CONTEXT ? ':lc' : ''}`;
  }

  /** The format of the rows now being added (set as the parser recognises it). */
  private currentFormat = '';

  private addRow(r: UsageRow): void {
    this.rows++;
    const band = this.bandFor(r);
    const key = `${r.day}\u0001${r.model}\u0001${r.workspace}\u0001${r.apiKey}\u0001${r.tier}\u0001${r.geo}\u0001${band}\u0001${r.fast ? 1 : 0}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = {
        day: r.day, model: r.model, workspace: r.workspace, apiKey: r.apiKey, tier: r.tier, geo: r.geo, band, fast: r.fast,
        rows: 0, usageRows: 0, tokens: emptyTokens(), web: 0, requests: 0, requestsKnown: true,
        reported: COST_TYPES.map(() => 0), reportedList: 0, reportedOnListed: 0, hasReported: false, hasReportedList: false,
        usageFormats: new Set(),
      };
      this.buckets.set(key, b);
    }
    b.rows++;
    if (r.tokens) {
      b.usageRows++;
      b.usageFormats.add(this.currentFormat);
      const t = r.tokens;
      b.tokens.input += t.input ?? 0;
      b.tokens.write5m += t.write5m ?? 0;
      b.tokens.write1h += t.write1h ?? 0;
      b.tokens.read += t.read ?? 0;
      b.tokens.output += t.output ?? 0;
      b.web += r.webSearches ?? 0;
      if (r.requests === undefined) b.requestsKnown = false;
      else b.requests += r.requests;
    }
    if (r.reportedUsd !== undefined) {
      b.hasReported = true;
      b.reported[COST_TYPES.indexOf(r.costType ?? 'other')]! += r.reportedUsd;
    }
    if (r.reportedListUsd !== undefined) {
      b.hasReportedList = true;
      b.reportedList += r.reportedListUsd;
      b.reportedOnListed += r.reportedUsd ?? 0;
    }
  }

  get bucketCount(): number {
    return this.buckets.size;
  }

  // ── Pricing ─────────────────────────────────────────────────────────────────────────────────────────────

  private rateCache = new Map<string, Rates>();

  /** USD per token for each category, from the engine, for a prompt of `prompt` tokens (which picks the tier). */
  private rates(m: CatalogueModel, prompt: number, batch: boolean, geo: 'global' | 'us', end?: PriceEnd, fast = false): Rates {
    // Models with no ranged price have one set of rates whatever the end.
    const e = end && this.ranged(m) ? end : undefined;
    const f = fast ? this.opts.fastRates?.[m.id] : undefined;
    const key = `${m.id}|${prompt}|${batch}|${geo}|${e ?? ''}|${f ? 'fast' : ''}`;
    const hit = this.rateCache.get(key);
    if (hit) return hit;
    const base: Workload = { requests: 1, inputTokens: 0, outputTokens: 0, batch, inferenceGeo: geo };
    const p = (w: Partial<Workload>) => this.opts.price(m.id, { ...base, ...w }, e);
    const r: Rates = {
      input: p({ inputTokens: prompt }).input / prompt,
      output: p({ inputTokens: prompt, outputTokens: 1 }).output,
      write5m: p({ cacheWriteTokens: prompt, cacheTtl: '5m' }).cacheWrite / prompt,
      write1h: p({ cacheWriteTokens: prompt, cacheTtl: '1h' }).cacheWrite / prompt,
      read: p({ cacheReadTokens: prompt }).cacheRead / prompt,
    };
    if (f) {
      // Fast mode replaces the base input and output rates; cache and US-only (data residency) multipliers stack on top
      // of it (Anthropic's pricing page: "Fast mode pricing stacks with other pricing modifiers"). Fast mode is not
      // offered through the Batch API, so a fast Batch row should not occur; if one does, the Batch discount is applied too.
      const fin = f.input / m.prices.input.value;
      const fout = f.output / m.prices.output.value;
      r.input *= fin;
      r.write5m *= fin;
      r.write1h *= fin;
      r.read *= fin;
      r.output *= fout;
    }
    this.rateCache.set(key, r);
    return r;
  }

  /** The prompt size that selects a bucket's tier, and (for exports that do not say) the highest tier it could be. */
  private promptFor(m: CatalogueModel, band: string): { prompt: number; highPrompt: number } {
    if (band.startsWith('req:')) {
      const above = Number(band.split(':')[1]);
      return { prompt: above + 1 || 1, highPrompt: above + 1 || 1 };
    }
    const ceiling = band === 'cw:hi' ? Infinity : LONG_CONTEXT;
    const floor = band === 'cw:hi' ? LONG_CONTEXT : 0;
    let high = floor + 1;
    for (const t of m.promptTiers ?? []) if (t.above < ceiling && t.above + 1 > high) high = t.above + 1;
    return { prompt: floor + 1, highPrompt: high };
  }

  private rangedCache = new Map<CatalogueModel, boolean>();

  /** Whether any of the model's prices has a range (then low and high ends are priced as well). */
  ranged(m: CatalogueModel): boolean {
    let r = this.rangedCache.get(m);
    if (r === undefined) this.rangedCache.set(m, (r = hasPriceRange(m)));
    return r;
  }

  /** The rates at the central figures and at both ends of the price ranges. */
  private rateEnds(m: CatalogueModel, prompt: number, batch: boolean, geo: 'global' | 'us', fast = false): { mid: Rates; low: Rates; high: Rates } {
    const mid = this.rates(m, prompt, batch, geo, undefined, fast);
    return { mid, low: this.rates(m, prompt, batch, geo, 'low', fast), high: this.rates(m, prompt, batch, geo, 'high', fast) };
  }

  /** Price tokens on a model; falls back (with a warning) when the model rejects US-only or has no Batch price. */
  private priceTokens(m: CatalogueModel, prompt: number, tier: ServiceTier, geo: 'global' | 'us', t: Tokens, web: number, end?: PriceEnd, fast = false): { usd: number; by: Tokens } {
    let batch = tier === 'batch';
    let g = geo;
    let r: Rates | undefined;
    for (let attempt = 0; attempt < 3 && !r; attempt++) {
      try {
        r = this.rates(m, prompt, batch, g, end, fast);
      } catch (e) {
        const msg = (e as Error).message;
        if (g === 'us' && /inference_geo/.test(msg)) {
          this.warn(`${m.name}: rows marked inference_geo "us", but the catalogue says ${m.name} does not accept it; priced at global routing.`);
          g = 'global';
        } else if (batch) {
          this.warn(`${m.name}: Batch rows, but the catalogue has no Batch price for it; priced at standard rates.`);
          batch = false;
        } else throw e;
      }
    }
    const by = emptyTokens();
    let usd = (web * this.opts.webSearchUsdPer1000) / 1000;
    for (const k of TOKEN_TYPES) {
      by[k] = t[k] * r![k];
      usd += by[k];
    }
    return { usd, by };
  }

  // ── Report ──────────────────────────────────────────────────────────────────────────────────────────────

  report(): UsageReport {
    const models = new RangedSums();
    const byModel = models.mid;
    const reportedByModel: Record<string, number> = {};
    const reportedByType: Record<string, number> = {};
    const reportedByDay: Record<string, number> = {};
    const workspaces = new RangedSums();
    const apiKeys = new RangedSums();
    const tokenTypes = new RangedSums();
    let webSearchUsd = 0;
    const tokens = emptyTokens();
    const unknown = new Map<string, { rows: number; tokens: number; reportedUsd: number }>();
    const dayMap = new Map<string, DayDims & { byModel: Record<string, number> }>();
    const modelNames: Record<string, string> = {};
    const uncertain = new Set<string>();
    // Ranged prices used (with tokens): one "why a range" line each; totals at the low and high ends.
    const rangeWhy = new Map<string, string>();
    let listLow = 0;
    let listHighEnd = 0;
    let list = 0;
    let listHigh = 0;
    let reported = 0;
    let reportedList = 0;
    let reportedOnListed = 0; // what was charged on the rows that also state a list price
    const reportedListByDay: Record<string, number> = {};
    let hasReported = false;
    let hasReportedList = false;
    let batchUsd = 0, usUsd = 0, lcUsd = 0, fastUsd = 0, outputUsd = 0;
    let priorityTokens = 0, fastTokens = 0, fastPricedTokens = 0, unknownReported = 0;
    const fastStandard = new Set<string>(); // models with fast rows but no fast rate in the catalogue
    let requests = 0;
    let requestsKnown = true;
    let usageBuckets = 0;
    const ambiguousTier = new Set<string>();
    const usageDays = new Set<string>();
    const costDays = new Set<string>();
    const cache = new Map<string, { m: CatalogueModel; ttl: '5m' | '1h'; written: number; read: number; extraUsd: number; savedUsd: number }>();
    const byBucketPriced: Priced[] = [];
    const formatsByDayModel = new Map<string, Set<string>>();

    const day = (d: string) => {
      let e = dayMap.get(d);
      if (!e) dayMap.set(d, (e = { day: d, usd: 0, parts: new Map(), byModel: {} }));
      return e;
    };
    const part = (e: DayDims, label: string, usd: number, href: string) => {
      const p = e.parts.get(label);
      if (p) p.usd += usd;
      else e.parts.set(label, { usd, href });
    };
    const noteUncertain = (m: CatalogueModel, prompt: number, t: Tokens) => {
      let prices = m.prices;
      for (const tier of m.promptTiers ?? []) if (prompt > tier.above) prices = tier.prices;
      const fields: [TokenType, Figure<number>, string][] = [
        ['input', prices.input, 'input'], ['output', prices.output, 'output'], ['write5m', prices.cacheWrite5m, '5-minute cache write'],
        ['write1h', prices.cacheWrite1h, '1-hour cache write'], ['read', prices.cacheRead, 'cache read'],
      ];
      for (const [k, f, label] of fields) {
        if (!(t[k] > 0) || !f.confidence || f.confidence === 'confirmed') continue;
        const range = priceRange(f);
        uncertain.add(`${m.name} ${label} price (${f.confidence}${range ? `, ${formatPrice(range.low)}–${formatPrice(range.high)}` : ', no range known'})`);
        if (range) rangeWhy.set(`${m.name} ${label}`, rangeLine(m, label, f));
      }
    };

    for (const b of this.buckets.values()) {
      if (b.hasReported) {
        const r = b.reported.reduce((a, x) => a + x, 0);
        reported += r;
        hasReported = true;
        costDays.add(b.day);
        const m = b.model ? this.resolve(b.model) : undefined;
        add(reportedByModel, m?.id ?? (b.model || '(not attributed to a model)'), r);
        COST_TYPES.forEach((t, i) => b.reported[i]! !== 0 && add(reportedByType, t === 'other' ? 'Other (web search, tools, fees)' : TOKEN_LABEL[t], b.reported[i]!));
        if (b.day !== 'unknown') add(reportedByDay, b.day, r);
        if (m) modelNames[m.id] = m.name;
        if (b.model && !m) unknownReported += r;
      }
      if (b.hasReportedList) {
        reportedList += b.reportedList;
        hasReportedList = true;
        reportedOnListed += b.reportedOnListed;
        add(reportedListByDay, b.day, b.reportedList);
      }
      if (b.usageRows === 0) continue;
      usageBuckets++;
      usageDays.add(b.day);
      if (!b.requestsKnown) requestsKnown = false;
      requests += b.requests;
      const m = this.resolve(b.model);
      const total = sumTokens(b.tokens);
      if (b.day !== 'unknown') {
        // Usage formats per day and model: two kinds of export for the same day and model are probably the same usage
        // (two Console CSVs of the same days are usually two workspaces, so only different formats are compared).
        const k = `${b.day}|${m?.id ?? b.model}`;
        const set = formatsByDayModel.get(k) ?? new Set<string>();
        for (const f of b.usageFormats) set.add(f);
        formatsByDayModel.set(k, set);
      }
      if (!m) {
        const u = unknown.get(b.model) ?? { rows: 0, tokens: 0, reportedUsd: 0 };
        u.rows += b.usageRows;
        u.tokens += total;
        unknown.set(b.model, u);
        continue;
      }
      modelNames[m.id] = m.name;
      const { prompt, highPrompt } = this.promptFor(m, b.band);
      const { usd, by } = this.priceTokens(m, prompt, b.tier, b.geo, b.tokens, b.web, undefined, b.fast);
      if (highPrompt !== prompt) {
        const hi = this.priceTokens(m, highPrompt, b.tier, b.geo, b.tokens, b.web, undefined, b.fast).usd;
        if (hi > usd) {
          listHigh += hi - usd;
          ambiguousTier.add(m.name);
        }
      }
      noteUncertain(m, prompt, b.tokens);
      const bm = m.batchMultiplier;
      if (b.tier === 'batch' && bm && bm.confidence && bm.confidence !== 'confirmed') uncertain.add(`${m.name} Batch multiplier (${bm.confidence}, no range known)`);
      const ranged = this.ranged(m);
      const low = ranged ? this.priceTokens(m, prompt, b.tier, b.geo, b.tokens, b.web, 'low', b.fast) : { usd, by };
      let high = ranged ? this.priceTokens(m, prompt, b.tier, b.geo, b.tokens, b.web, 'high', b.fast) : { usd, by };
      // An export that gives only a context band cannot say which prompt-size tier a row was in: the high end is the
      // higher tier (at the high end of any ranged price too).
      if (highPrompt !== prompt) {
        const tierHigh = this.priceTokens(m, highPrompt, b.tier, b.geo, b.tokens, b.web, ranged ? 'high' : undefined, b.fast);
        if (tierHigh.usd > high.usd) high = tierHigh;
      }
      const lo = low.usd;
      const hi = high.usd;
      byBucketPriced.push({ b, m, prompt, usd, lo, hi });
      list += usd;
      listLow += lo;
      listHighEnd += hi;
      models.add(m.id, usd, lo, hi);
      workspaces.add(b.workspace || '(none in file)', usd, lo, hi);
      apiKeys.add(b.apiKey || '(none in file)', usd, lo, hi);
      for (const k of TOKEN_TYPES) {
        tokenTypes.add(k, by[k], low.by[k], high.by[k]);
        tokens[k] += b.tokens[k];
      }
      const webUsd = (b.web * this.opts.webSearchUsdPer1000) / 1000;
      webSearchUsd += webUsd;
      outputUsd += by.output;
      if (b.tier === 'batch') batchUsd += usd;
      if (b.tier === 'priority') priorityTokens += total;
      if (b.geo === 'us') usUsd += usd;
      const lc = b.band === 'cw:hi' || b.band.endsWith(':lc');
      if (lc) lcUsd += usd;
      if (b.fast) {
        fastUsd += usd;
        fastTokens += total;
        const fr = this.opts.fastRates?.[m.id];
        if (fr) {
          fastPricedTokens += total;
          if (fr.confidence !== 'confirmed') uncertain.add(`${m.name} fast-mode rate (${fr.confidence}, no range known)`);
        } else fastStandard.add(m.name);
      }
      // Cache payback per model and TTL, at this bucket's rates.
      const rates = this.rates(m, prompt, b.tier === 'batch' && !!m.batchMultiplier, b.geo === 'us' && m.usGeo.value ? 'us' : 'global', undefined, b.fast);
      for (const ttl of ['5m', '1h'] as const) {
        const written = ttl === '5m' ? b.tokens.write5m : b.tokens.write1h;
        if (written === 0 && b.tokens.read === 0) continue;
        const k = `${m.id}|${ttl}`;
        const c = cache.get(k) ?? { m, ttl, written: 0, read: 0, extraUsd: 0, savedUsd: 0 };
        c.written += written;
        c.extraUsd += written * ((ttl === '5m' ? rates.write5m : rates.write1h) - rates.input);
        // Reads are shared between TTLs in the exports; attribute them to the TTL that wrote most.
        const share = b.tokens.write5m + b.tokens.write1h > 0 ? written / (b.tokens.write5m + b.tokens.write1h) : ttl === '5m' ? 1 : 0;
        c.read += b.tokens.read * share;
        c.savedUsd += b.tokens.read * share * (rates.input - rates.read);
        cache.set(k, c);
      }
      if (b.day !== 'unknown') {
        const e = day(b.day);
        e.usd += usd;
        add(e.byModel, m.id, usd);
        part(e, `Model: ${m.name}`, usd, sectionHref(m.tier === 'opus' ? 'opus' : 'general'));
        if (b.apiKey) part(e, `API key: ${b.apiKey}`, usd, sectionHref('general'));
        if (b.workspace) part(e, `Workspace: ${b.workspace}`, usd, sectionHref('general'));
        for (const k of TOKEN_TYPES) if (by[k] > 0) part(e, `Token type: ${TOKEN_LABEL[k]}`, by[k], sectionHref(k === 'output' ? 'output' : k === 'read' ? 'general' : 'cache'));
        if (webUsd > 0) part(e, 'Web search', webUsd, sectionHref('invoice'));
        if (lc) part(e, 'Long-context requests (prompt over 200K)', usd, sectionHref('general'));
      }
    }

    const warnings = [...this.warnings];
    if (ambiguousTier.size) {
      rangeWhy.set(
        'prompt-size tier',
        `${[...ambiguousTier].join(', ')}: the export gives a context band, not each request's prompt size, so rows are priced at the lower prompt-size tier; if every prompt was over the tier's threshold they would cost ${formatUsd(listHigh)} more, the top of the range.`,
      );
    }
    {
      // The same day and model in two files' usage rows: a Console CSV and an Admin API report of the same days, say.
      const overlap = new Map<string, number>();
      for (const formats of formatsByDayModel.values()) {
        if (formats.size < 2) continue;
        const k = [...formats].map((f) => FORMAT_LABEL[f as FormatId] ?? f).sort().join(' and ');
        overlap.set(k, (overlap.get(k) ?? 0) + 1);
      }
      for (const [formats, n] of overlap)
        warnings.push(`The ${formats} both hold usage for the same ${n === 1 ? 'day and model' : `${formatInt(n)} days and models`}: if they are two exports of the same traffic, it is counted twice; keep one of them.`);
    }
    if (this.repeated > 0) warnings.push(`Claude Code logs: ${formatInt(this.repeated)} ${this.repeated === 1 ? 'line repeats a message' : 'lines repeat messages'} already counted (same message and request id); each message is counted once.`);
    if (uncertain.size) warnings.push(`Prices marked uncertain or third-party in the catalogue were used: ${[...uncertain].join('; ')}.`);
    if (unknown.size)
      warnings.push(`Unknown models, counted but not priced: ${[...unknown.keys()].map((n) => `"${n}"`).join(', ')}. The catalogue may not list them yet.`);
    if (this.formats.size === 0 && this.rows === 0 && this.skipped === 0 && warnings.length === 0) warnings.push('No usage or cost rows were read.');

    const differences: string[] = [];
    if (hasReported && usageBuckets > 0) {
      const onlyUsage = [...usageDays].filter((d) => !costDays.has(d)).length;
      const onlyCost = [...costDays].filter((d) => !usageDays.has(d)).length;
      differences.push(
        onlyUsage || onlyCost
          ? `The files report ${formatUsd(reported)} charged; re-priced at list the usage comes to ${formatUsd(list)}, over different days (compared day for day below).`
          : `The files report ${formatUsd(reported)} charged; re-priced at list the usage comes to ${formatUsd(list)} (${reported >= list ? '+' : '−'}${formatUsd(Math.abs(reported - list))}).`,
      );
      if (onlyUsage || onlyCost) {
        // Compare like with like: the days both kinds of file cover.
        const common = [...usageDays].filter((d) => costDays.has(d) && d !== 'unknown');
        const charged = common.reduce((a, d) => a + (reportedByDay[d] ?? 0), 0);
        const atList = common.reduce((a, d) => a + (dayMap.get(d)?.usd ?? 0), 0);
        differences.push(
          common.length === 0
            ? `The usage and cost files share no day (${onlyUsage} ${onlyUsage === 1 ? 'day' : 'days'} only in usage, ${onlyCost} only in cost), so the charge and the re-priced usage cannot be compared.`
            : `The usage and cost files cover different days (${onlyUsage} only in usage, ${onlyCost} only in cost). On the ${common.length} ${common.length === 1 ? 'day' : 'days'} both cover, the files report ${formatUsd(charged)} charged and the usage re-prices to ${formatUsd(atList)} at list (${charged >= atList ? '+' : '−'}${formatUsd(Math.abs(charged - atList))}).`,
        );
      }
    }
    if (hasReportedList) {
      // Compare like with like: only the rows that state both a list price and a charge.
      const disc = reportedList - reportedOnListed;
      const some = reportedOnListed < reported - 0.005;
      differences.push(
        `${disc >= 0 ? 'Discounts and credits' : 'Charged above the stated list price'} in the files: ${formatUsd(Math.abs(disc))} (list ${formatUsd(reportedList)} as the files state it, ${disc >= 0 ? 'minus' : 'against'} ${formatUsd(reportedOnListed)} charged on the same rows${some ? `; ${formatUsd(reported - reportedOnListed)} more was charged on rows that state no list price` : ''}).`,
      );
      if (usageBuckets > 0) {
        // The file's list price against the re-pricing, on the days that have both.
        const days = Object.keys(reportedListByDay).filter((d) => usageDays.has(d) && d !== 'unknown');
        const fileList = days.reduce((a, d) => a + reportedListByDay[d]!, 0);
        const ours = days.reduce((a, d) => a + (dayMap.get(d)?.usd ?? 0), 0);
        const partial = days.length < usageDays.size || days.length < Object.keys(reportedListByDay).length;
        if (days.length > 0 && Math.abs(fileList - ours) >= 0.01)
          differences.push(
            `The files' own list price${partial ? ` on the ${days.length} ${days.length === 1 ? 'day that also has' : 'days that also have'} usage` : ''} (${formatUsd(fileList)}) differs from the catalogue re-pricing (${formatUsd(ours)}) by ${formatUsd(fileList - ours)}: prices changed during the period, the catalogue is out of date, the two files do not cover the same workspaces and keys, or the rows include fast mode or models the catalogue does not know.`,
          );
      }
    }
    if (priorityTokens > 0) differences.push(`Priority Tier: ${formatInt(priorityTokens)} tokens. Priority Tier is billed under its own contract and never appears in cost_report; it is re-priced here at standard list prices.`);
    if (fastPricedTokens > 0) differences.push(`Fast mode: ${formatInt(fastPricedTokens)} tokens were priced at the catalogue's fast-mode rates (cache and US-only multipliers on top).`);
    if (fastTokens > fastPricedTokens) differences.push(`Fast mode: ${formatInt(fastTokens - fastPricedTokens)} tokens on ${[...fastStandard].join(', ')} were re-priced at standard rates, as the catalogue has no fast-mode rate for ${fastStandard.size > 1 ? 'them' : 'it'}; fast mode is billed at a premium, so the real charge is higher.`);
    if (unknownReported > 0) differences.push(`Models the catalogue does not know account for ${formatUsd(unknownReported)} of the reported charge and none of the re-priced figure.`);

    const byDay = [...dayMap.values()].sort((a, b) => a.day.localeCompare(b.day)).map((d) => ({ day: d.day, usd: d.usd, byModel: d.byModel }));
    // A month is scaled from the calendar span the files cover (first to last day with usage), not from the number of
    // days that have rows: a log with requests on the 1st and the 7th covers a week, not two days.
    const spanDays = byDay.length > 1 ? Math.round((Date.parse(byDay[byDay.length - 1]!.day) - Date.parse(byDay[0]!.day)) / 86_400_000) + 1 : byDay.length;
    const knownDays = (Number.isFinite(spanDays) && spanDays >= byDay.length ? spanDays : byDay.length) || (usageBuckets > 0 ? 1 : 0);
    const promptTokens = tokens.input + tokens.write5m + tokens.write1h + tokens.read;
    const ratios: Ratios = {
      cacheHit: promptTokens > 0 ? tokens.read / promptTokens : 0,
      outputShare: list > 0 ? outputUsd / list : 0,
      batchShare: list > 0 ? batchUsd / list : 0,
      usShare: list > 0 ? usUsd / list : 0,
      longContextShare: list > 0 ? lcUsd / list : 0,
      fastShare: list > 0 ? fastUsd / list : 0,
      cacheWrites: [...cache.values()]
        .filter((c) => c.written > 0)
        .map((c) => ({ model: c.m.id, ttl: c.ttl, written: c.written, read: c.read, paidBack: c.savedUsd >= c.extraUsd, extraUsd: c.extraUsd - c.savedUsd })),
    };

    const report: UsageReport = {
      formats: [...this.formats].map((f) => FORMAT_LABEL[f]),
      rows: this.rows,
      skipped: this.skipped,
      skipReasons: [...this.skips.entries()].map(([reason, s]) => ({ reason, count: s.count, where: s.where })),
      listPriceUsd: list,
      byModel,
      reportedByModel,
      reportedByType,
      reportedByDay: Object.entries(reportedByDay).sort(([a], [b]) => a.localeCompare(b)).map(([day, usd]) => ({ day, usd })),
      differences,
      warnings,
      unknownModels: [...unknown.entries()].map(([name, u]) => ({ name, ...u })),
      byDay,
      byWorkspace: workspaces.mid,
      byApiKey: apiKeys.mid,
      byTokenType: { ...emptyTokens(), ...tokenTypes.mid, webSearch: webSearchUsd },
      tokens,
      days: knownDays,
      ratios,
      spikes: findSpikes([...dayMap.values()].sort((a, b) => a.day.localeCompare(b.day))),
      spikeRule: SPIKE_RULE,
      periodNote:
        byDay.length > 1
          ? `The files cover ${formatInt(knownDays)} ${knownDays === 1 ? 'day' : 'days'} (${byDay[0]!.day} to ${byDay[byDay.length - 1]!.day}${byDay.length < knownDays ? `, ${formatInt(byDay.length)} of them with usage` : ''}); monthly figures scale that span to ${DAYS_PER_MONTH} days.`
          : `The files cover ${knownDays === 1 ? 'one day' : 'no dated day'}; monthly figures scale ${knownDays === 1 ? 'it' : 'the total as one day'} to ${DAYS_PER_MONTH} days.`,
      scenarios: this.scenarios(byBucketPriced, list, knownDays),
      modelNames,
    };
    if (listHighEnd > listLow) {
      report.listPriceLowUsd = listLow;
      report.listPriceHighUsd = listHighEnd;
      report.byModelRange = models.ranges();
      report.byWorkspaceRange = workspaces.ranges();
      report.byApiKeyRange = apiKeys.ranges();
      report.byTokenTypeRange = tokenTypes.ranges();
      report.priceRanges = [...rangeWhy.values()];
    }
    if (hasReported) report.reportedUsd = reported;
    if (hasReported && usageBuckets > 0) {
      const u = [...usageDays].filter((d) => d !== 'unknown');
      const c = [...costDays].filter((d) => d !== 'unknown');
      if (u.length !== c.length || u.some((d) => !costDays.has(d))) report.coverage = { usageDays: u.length, costDays: c.length, commonDays: u.filter((d) => costDays.has(d)).length };
    }
    if (hasReportedList) report.reportedListUsd = reportedList;
    if (usageBuckets > 0 && requestsKnown && requests > 0) {
      report.requests = requests;
      report.calculatorQuery = this.calculatorQuery(byModel, tokens, requests, knownDays, byBucketPriced);
    }
    return report;
  }

  private calculatorQuery(byModel: Record<string, number>, t: Tokens, requests: number, days: number, priced: { b: Bucket }[]): string {
    const models = Object.entries(byModel).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id);
    const cached = t.write5m + t.write1h + t.read;
    let batchReq = 0, usReq = 0;
    for (const { b } of priced) {
      if (b.tier === 'batch') batchReq += b.requests;
      if (b.geo === 'us') usReq += b.requests;
    }
    const p = new URLSearchParams();
    p.set('models', models.join(','));
    p.set('input', String(Math.round(t.input / requests)));
    p.set('cached', String(Math.round(cached / requests)));
    p.set('output', String(Math.round(t.output / requests)));
    p.set('hit', formatNumber(cached > 0 ? t.read / cached : 0, 2));
    p.set('ttl', t.write1h > t.write5m ? '1h' : '5m');
    // Low volumes go as a monthly count, so rounding to whole requests a day does not move the month (3 over 2 days is 45 a month, not 60).
    const perDay = requests / Math.max(1, days);
    if (perDay >= 100) p.set('perDay', String(Math.round(perDay)));
    else p.set('perMonth', String(Math.max(1, Math.round(perDay * DAYS_PER_MONTH))));
    p.set('batch', formatNumber(batchReq / requests, 2));
    p.set('geo', usReq > requests / 2 ? 'us' : 'global');
    // The counts were measured with the tokenizer of the models that sent them: the calculator converts from the top model's.
    if (models[0]) p.set('ref', models[0]);
    return p.toString();
  }

  // ── Scenarios ───────────────────────────────────────────────────────────────────────────────────────────

  private scenarios(priced: Priced[], list: number, days: number): Scenario[] {
    if (priced.length === 0) return [];
    const perMonth = DAYS_PER_MONTH / Math.max(1, days);
    const out: Scenario[] = [];
    const push = (id: string, title: string, delta: number, low: number, high: number, assumptions: string[], scalable: boolean) => {
      const lo = Math.min(low, high, delta);
      const hi = Math.max(low, high, delta);
      out.push({ id, title, deltaUsd: delta, deltaLowUsd: lo, deltaHighUsd: hi, monthlyDeltaUsd: delta * perMonth, monthlyLowUsd: lo * perMonth, monthlyHighUsd: hi * perMonth, assumptions, scalable });
    };
    // Names the ranged prices behind a scenario whose range they widen.
    const rangeNote = (models: CatalogueModel[]) => {
      const lines = models.filter((m) => this.ranged(m)).flatMap((m) => this.rangedPrices(m));
      return `The range also covers these prices, which have more than one value in their sources: ${lines.join('; ')}.`;
    };
    const batchOf = (p: Priced) => p.b.tier === 'batch' && !!p.m.batchMultiplier;
    const geoOf = (p: Priced) => (p.b.geo === 'us' && p.m.usGeo.value ? 'us' : 'global');
    const involved = (ps: Priced[]) => [...new Set(ps.filter((p) => this.ranged(p.m)).map((p) => p.m))];
    const inflation = this.opts.index.tokenizerInflation;

    // 1. Move model X's traffic to model Y.
    const from = [...new Set(priced.map((p) => p.m))];
    const targets = this.opts.index.models.filter((m) => m.status.value !== 'retired-api');
    for (const x of from) {
      const mine = priced.filter((p) => p.m === x);
      const xUsd = mine.reduce((a, p) => a + p.usd, 0);
      const xLow = mine.reduce((a, p) => a + p.lo, 0);
      const xHigh = mine.reduce((a, p) => a + p.hi, 0);
      for (const y of targets) {
        if (y.id === x.id) continue;
        const factor = x.tokenizer.value === y.tokenizer.value ? 1 : y.tokenizer.value === '4.7' ? 1 + inflation : 1 / (1 + inflation);
        // Rows that give only a context band could fall in y's higher prompt-size tier (Haiku 5.5 above 100K tokens).
        const tiered = !!y.promptTiers?.length && mine.some((p) => {
          if (p.b.band.startsWith('req:')) return false;
          const { prompt, highPrompt } = this.promptFor(y, p.b.band);
          return highPrompt !== prompt;
        });
        const at = (f: number, end?: PriceEnd, highTier = false) => {
          let usd = 0;
          for (const p of mine) {
            const t = emptyTokens();
            for (const k of TOKEN_TYPES) t[k] = p.b.tokens[k] * f;
            const band = p.b.band.startsWith('req:') ? `req:-1` : p.b.band;
            const tiers = band.startsWith('req:') ? undefined : this.promptFor(y, band);
            const prompt = tiers ? (highTier ? tiers.highPrompt : tiers.prompt) : this.reqPrompt(p.b, f);
            usd += this.priceTokens(y, prompt, p.b.tier, p.b.geo, t, p.b.web, end, p.b.fast).usd;
          }
          return usd;
        };
        // The two models' ranged prices are separate figures: the saving is least with y high and x low, most the other way;
        // the tokenizer range runs from the full conversion (factor) to none (1).
        const fs = factor === 1 ? [1] : [factor, 1];
        const yRanged = this.ranged(y);
        // y's cost at each tokenizer factor and price end, priced once (fs[0] is the full conversion, `factor`).
        const ends = fs.map((f) => {
          if (yRanged) return { low: at(f, 'low'), high: at(f, 'high', tiered) };
          const central = at(f);
          return { low: central, high: tiered ? at(f, undefined, true) : central };
        });
        const mid = (yRanged ? at(factor) : ends[0]!.low) - xUsd;
        const low = Math.min(...ends.map((e) => e.low - xHigh));
        const high = Math.max(...ends.map((e) => e.high - xLow));
        const notes = [`Same requests, same cache hits, same service tier and routing, priced at ${y.name}'s list prices.`];
        if (factor !== 1) notes.push(`${x.name} and ${y.name} use different tokenizers: token counts ${factor > 1 ? 'multiplied' : 'divided'} by ${formatNumber(1 + inflation, 2)} (about ${formatPercent(inflation, 0)} more tokens on the newer one); the range runs from no change in counts to the full conversion.`);
        if (tiered) notes.push(`${y.name} charges more for prompts over ${formatInt(y.promptTiers![0]!.above)} tokens; the files give a context band, not each prompt's size, so the range runs up to every prompt at the higher rate.`);
        if (y.status.value === 'deprecated') notes.push(`${y.name} is deprecated.`);
        if (mine.some((p) => p.b.fast)) notes.push(this.opts.fastRates?.[y.id] ? `Fast-mode traffic stays in fast mode, at ${y.name}'s fast-mode rate.` : `${y.name} has no fast-mode rate in the catalogue: fast-mode traffic is priced at its standard rates (and would run at standard speed).`);
        if (y.tokenizer.confidence && y.tokenizer.confidence !== 'confirmed') notes.push(`${y.name}'s tokenizer is marked ${y.tokenizer.confidence} in the catalogue.`);
        const u = this.uncertainPrices(y);
        if (u.length) notes.push(`${y.name} prices marked uncertain or third-party: ${u.join(', ')}.`);
        const priceRanged = [...(this.ranged(x) && xHigh > xLow ? [x] : []), ...(yRanged && ends[0]!.high > ends[0]!.low ? [y] : [])];
        if (priceRanged.length) notes.push(rangeNote(priceRanged));
        notes.push('Quality is not priced: test the move on your own traffic first.');
        push(`move:${x.id}:${y.id}`, `Move ${x.name} traffic to ${y.name}`, mid, low, high, notes, true);
      }
    }

    // 2. Cache TTL.
    // A difference of two prices: least when the first is low and the second high, most the other way round.
    const span = (tokens: number, r: { mid: Rates; low: Rates; high: Rates }, plus: TokenType, minus: TokenType) =>
      [tokens * (r.mid[plus] - r.mid[minus]), tokens * (r.low[plus] - r.high[minus]), tokens * (r.high[plus] - r.low[minus])] as const;
    const sum3 = (a: number[], b: readonly number[]) => a.map((v, i) => v + b[i]!);
    let to5 = [0, 0, 0], to1 = [0, 0, 0], w1 = 0, w5 = 0;
    for (const p of priced) {
      const r = this.rateEnds(p.m, p.prompt, batchOf(p), geoOf(p), p.b.fast);
      to5 = sum3(to5, span(p.b.tokens.write1h, r, 'write5m', 'write1h'));
      to1 = sum3(to1, span(p.b.tokens.write5m, r, 'write1h', 'write5m'));
      w1 += p.b.tokens.write1h;
      w5 += p.b.tokens.write5m;
    }
    const sorted3 = (v: number[]) => [v[0]!, Math.min(v[1]!, v[2]!), Math.max(v[1]!, v[2]!)];
    const withRange = (note: string, v: number[], ps: Priced[]) => (v[2]! > v[1]! ? [note, rangeNote(involved(ps))] : [note]);
    if (w1 > 0) push('ttl:5m', 'Write 1-hour cache entries with the 5-minute TTL instead', to5[0]!, to5[1]!, to5[2]!, withRange('The same number of writes and reads. A 5-minute entry expires sooner: if requests sharing a prefix come more than 5 minutes apart, reads turn into writes and this saving shrinks or reverses.', to5, priced.filter((p) => p.b.tokens.write1h > 0)), false);
    if (w5 > 0) push('ttl:1h', 'Write 5-minute cache entries with the 1-hour TTL instead', to1[0]!, to1[1]!, to1[2]!, withRange('The same number of writes: this is the price difference only. A 1-hour entry pays off when it saves re-writes between requests more than 5 minutes apart, which the files cannot show.', to1, priced.filter((p) => p.b.tokens.write5m > 0)), false);

    // 3. Target cache hit rates.
    for (const h of [0.5, 0.8, 0.9]) {
      let delta = [0, 0, 0];
      const movers: Priced[] = [];
      for (const p of priced) {
        const t = p.b.tokens;
        const promptT = t.input + t.write5m + t.write1h + t.read;
        const moved = Math.min(t.input, Math.max(0, h * promptT - t.read));
        if (moved <= 0) continue;
        movers.push(p);
        delta = sum3(delta, span(moved, this.rateEnds(p.m, p.prompt, batchOf(p), geoOf(p), p.b.fast), 'read', 'input'));
      }
      if (delta[0]! < 0) push(`hit:${h}`, `Reach a cache hit rate of ${formatPercent(h, 0)}`, delta[0]!, delta[1]!, delta[2]!, withRange(`Uncached input becomes cache reads until reads are ${formatPercent(h, 0)} of prompt tokens; cache writes stay as they are (a stable prefix still has to be written once per TTL). Prefixes must be at least the model's minimum cacheable length.`, delta, movers), false);
    }

    // 4. Batch.
    // Batch and US-only scale every price by one multiplier, so each end of the range is the change at that end's prices.
    const repriced = (p: Priced, tier: ServiceTier, geo: 'global' | 'us') => {
      const at = (end?: PriceEnd) => this.priceTokens(p.m, p.prompt, tier, geo, p.b.tokens, p.b.web, end, p.b.fast).usd;
      const mid = at() - p.usd;
      return this.ranged(p.m) ? [mid, at('low') - p.lo, at('high') - p.hi] : [mid, mid, mid];
    };
    let batchDelta = [0, 0, 0];
    let batchable = 0;
    const batchers: Priced[] = [];
    for (const p of priced) {
      // Fast mode is not offered through the Message Batches API.
      if (p.b.tier !== 'standard' || !p.m.batchMultiplier || p.b.fast) continue;
      batchable += p.usd;
      batchers.push(p);
      batchDelta = sum3(batchDelta, repriced(p, 'batch', p.b.geo));
    }
    const ruleOnly = [...new Set(batchers.map((p) => p.m))].filter((m) => m.batchMultiplier!.confidence && m.batchMultiplier!.confidence !== 'confirmed');
    const batchNote = `Every category, cache included, at the Batch multiplier. Only work that can wait: most batches finish within an hour, some take up to 24 hours.${ruleOnly.length ? ` ${ruleOnly.map((m) => m.name).join(', ')}: the Batch multiplier is the pricing page's general rule, with no per-model source (no range known).` : ''}`;
    if (batchable > 0) push('batch', 'Send standard traffic through the Message Batches API', batchDelta[0]!, batchDelta[1]!, batchDelta[2]!, withRange(batchNote, sorted3(batchDelta), batchers), true);

    // 5. US-only inference on / off.
    let usOn = [0, 0, 0], usOff = [0, 0, 0], usOnSkipped = 0;
    const onUs: Priced[] = [], offUs: Priced[] = [];
    for (const p of priced) {
      if (p.b.geo === 'global') {
        if (!p.m.usGeo.value) {
          usOnSkipped += p.usd;
          continue;
        }
        onUs.push(p);
        usOn = sum3(usOn, repriced(p, p.b.tier, 'us'));
      } else {
        offUs.push(p);
        usOff = sum3(usOff, repriced(p, p.b.tier, 'global'));
      }
    }
    if (usOn[0]! > 0) push('us:on', 'Turn US-only inference on for global traffic', usOn[0]!, usOn[1]!, usOn[2]!, withRange(`inference_geo "us" on every request that can take it.${usOnSkipped > 0 ? ` ${formatUsd(usOnSkipped)} of traffic is on models that reject it and stays global.` : ''}`, sorted3(usOn), onUs), false);
    if (usOff[0]! < 0) push('us:off', 'Turn US-only inference off', usOff[0]!, usOff[1]!, usOff[2]!, withRange('Global routing for the requests now sent with inference_geo "us" (check your data-residency requirements first).', sorted3(usOff), offUs), false);
    void list;
    return out;
  }

  /** For a per-request bucket moved to model y: the prompt of one average request, for y's tiers. */
  private reqPrompt(b: Bucket, factor: number): number {
    const promptT = (b.tokens.input + b.tokens.write5m + b.tokens.write1h + b.tokens.read) * factor;
    return Math.max(1, Math.round(promptT / Math.max(1, b.requests)));
  }

  private rangedPrices(m: CatalogueModel): string[] {
    return priceRangeLabels(m).map((l) => `${m.name} ${l}`);
  }

  private uncertainPrices(m: CatalogueModel): string[] {
    const out: string[] = [];
    const p = m.prices;
    const f: [string, Figure<number>][] = [['input', p.input], ['output', p.output], ['cache write', p.cacheWrite5m], ['cache read', p.cacheRead]];
    for (const [label, fig] of f) if (fig.confidence && fig.confidence !== 'confirmed') out.push(`${label} (${fig.confidence})`);
    return out;
  }
}
