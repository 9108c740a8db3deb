/**
 * A usage session: files are fed in as text chunks (FileParser), rows are summed into buckets — one per (day, model,
 * workspace, API key, service tier, geo, prompt band, speed) — so memory grows with buckets, not rows; `report()`
 * re-prices every bucket with the pricing engine and derives totals, ratios, spikes and scenarios. Pure.
 */
import type { CatalogueModel, Figure } from '../../schemas/catalogue.ts';
import type { ModelIndex } from '../catalogue-index.ts';
import type { CostBreakdown, Workload } from '../pricing.ts';
import { DAYS_PER_MONTH } from '../calculator-state.ts';
import { formatInt, formatNumber, formatPercent, formatUsd } from '../format.ts';
import { createResolver, type ModelResolver } from './models.ts';
import { FileParser, FORMAT_LABEL, type FormatId, type ParseSink } from './parse.ts';
import { findSpikes, sectionHref, SPIKE_RULE, type DayDims } from './spikes.ts';
import { TOKEN_TYPES, type CostType, type Ratios, type Scenario, type ServiceTier, type Tokens, type TokenType, type UsageReport, type UsageRow } from './types.ts';

export interface SessionOptions {
  index: ModelIndex;
  /** The pricing engine (`estimateCost`, or `costOf` bound to the island's copy of the catalogue). */
  price: (modelId: string, workload: Workload) => CostBreakdown;
  /** serverTools.webSearchPer1000 from the catalogue. */
  webSearchUsdPer1000: number;
}

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
  hasReported: boolean;
  hasReportedList: boolean;
}

type Rates = Tokens; // USD per token by category

const emptyTokens = (): Tokens => ({ input: 0, write5m: 0, write1h: 0, read: 0, output: 0 });
const sumTokens = (t: Tokens) => t.input + t.write5m + t.write1h + t.read + t.output;
const add = (rec: Record<string, number>, k: string, v: number) => (rec[k] = (rec[k] ?? 0) + v);

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

  constructor(private readonly opts: SessionOptions) {
    this.resolve = createResolver(opts.index);
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
      format: (id) => this.formats.add(id),
      warn: (m) => this.warn(m),
      ignored: () => this.ignored++,
      firstSighting: (key) => (this.seen.has(key) ? false : (this.seen.add(key), true)),
    };
    return new FileParser(name, sink);
  }

  /** Per-request rows carry their prompt size in `band` ("req:<tokens>"): reduce it to the engine's tier. */
  private bandFor(row: UsageRow): string {
    if (!row.band.startsWith('req:')) return row.band;
    const prompt = Number(row.band.slice(4));
    const m = this.resolve(row.model);
    let above = -1;
    for (const t of m?.promptTiers ?? []) if (prompt > t.above && t.above > above) above = t.above;
    return `req:${above}${prompt > LONG_CONTEXT ? ':lc' : ''}`;
  }

  private addRow(r: UsageRow): void {
    this.rows++;
    const band = this.bandFor(r);
    const key = `${r.day}\u0001${r.model}\u0001${r.workspace}\u0001${r.apiKey}\u0001${r.tier}\u0001${r.geo}\u0001${band}\u0001${r.fast ? 1 : 0}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = {
        day: r.day, model: r.model, workspace: r.workspace, apiKey: r.apiKey, tier: r.tier, geo: r.geo, band, fast: r.fast,
        rows: 0, usageRows: 0, tokens: emptyTokens(), web: 0, requests: 0, requestsKnown: true,
        reported: COST_TYPES.map(() => 0), reportedList: 0, hasReported: false, hasReportedList: false,
      };
      this.buckets.set(key, b);
    }
    b.rows++;
    if (r.tokens) {
      b.usageRows++;
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
    }
  }

  get bucketCount(): number {
    return this.buckets.size;
  }

  // ── Pricing ─────────────────────────────────────────────────────────────────────────────────────────────

  private rateCache = new Map<string, Rates>();

  /** USD per token for each category, from the engine, for a prompt of `prompt` tokens (which picks the tier). */
  private rates(m: CatalogueModel, prompt: number, batch: boolean, geo: 'global' | 'us'): Rates {
    const key = `${m.id}|${prompt}|${batch}|${geo}`;
    const hit = this.rateCache.get(key);
    if (hit) return hit;
    const base: Workload = { requests: 1, inputTokens: 0, outputTokens: 0, batch, inferenceGeo: geo };
    const p = (w: Partial<Workload>) => this.opts.price(m.id, { ...base, ...w });
    const r: Rates = {
      input: p({ inputTokens: prompt }).input / prompt,
      output: p({ inputTokens: prompt, outputTokens: 1 }).output,
      write5m: p({ cacheWriteTokens: prompt, cacheTtl: '5m' }).cacheWrite / prompt,
      write1h: p({ cacheWriteTokens: prompt, cacheTtl: '1h' }).cacheWrite / prompt,
      read: p({ cacheReadTokens: prompt }).cacheRead / prompt,
    };
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

  /** Price tokens on a model; falls back (with a warning) when the model rejects US-only or has no Batch price. */
  private priceTokens(m: CatalogueModel, prompt: number, tier: ServiceTier, geo: 'global' | 'us', t: Tokens, web: number): { usd: number; by: Tokens } {
    let batch = tier === 'batch';
    let g = geo;
    let r: Rates | undefined;
    for (let attempt = 0; attempt < 3 && !r; attempt++) {
      try {
        r = this.rates(m, prompt, batch, g);
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
    const byModel: Record<string, number> = {};
    const reportedByModel: Record<string, number> = {};
    const byWorkspace: Record<string, number> = {};
    const byApiKey: Record<string, number> = {};
    const byTokenType: Record<TokenType | 'webSearch', number> = { ...emptyTokens(), webSearch: 0 };
    const tokens = emptyTokens();
    const unknown = new Map<string, { rows: number; tokens: number; reportedUsd: number }>();
    const dayMap = new Map<string, DayDims & { byModel: Record<string, number> }>();
    const modelNames: Record<string, string> = {};
    const uncertain = new Set<string>();
    let list = 0;
    let listHigh = 0;
    let reported = 0;
    let reportedList = 0;
    let hasReported = false;
    let hasReportedList = false;
    let batchUsd = 0, usUsd = 0, lcUsd = 0, fastUsd = 0, outputUsd = 0;
    let priorityTokens = 0, fastTokens = 0, unknownReported = 0;
    let requests = 0;
    let requestsKnown = true;
    let usageBuckets = 0;
    const ambiguousTier = new Set<string>();
    const usageDays = new Set<string>();
    const costDays = new Set<string>();
    const cache = new Map<string, { m: CatalogueModel; ttl: '5m' | '1h'; written: number; read: number; extraUsd: number; savedUsd: number }>();
    const byBucketPriced: { b: Bucket; m: CatalogueModel; prompt: number; usd: number }[] = [];

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
      for (const [k, f, label] of fields) if (t[k] > 0 && f.confidence && f.confidence !== 'confirmed') uncertain.add(`${m.name} ${label} price (${f.confidence})`);
    };

    for (const b of this.buckets.values()) {
      if (b.hasReported) {
        const r = b.reported.reduce((a, x) => a + x, 0);
        reported += r;
        hasReported = true;
        costDays.add(b.day);
        const m = b.model ? this.resolve(b.model) : undefined;
        add(reportedByModel, m?.id ?? (b.model || '(not attributed to a model)'), r);
        if (m) modelNames[m.id] = m.name;
        if (b.model && !m) unknownReported += r;
      }
      if (b.hasReportedList) {
        reportedList += b.reportedList;
        hasReportedList = true;
      }
      if (b.usageRows === 0) continue;
      usageBuckets++;
      usageDays.add(b.day);
      if (!b.requestsKnown) requestsKnown = false;
      requests += b.requests;
      const m = this.resolve(b.model);
      const total = sumTokens(b.tokens);
      if (!m) {
        const u = unknown.get(b.model) ?? { rows: 0, tokens: 0, reportedUsd: 0 };
        u.rows += b.usageRows;
        u.tokens += total;
        unknown.set(b.model, u);
        continue;
      }
      modelNames[m.id] = m.name;
      const { prompt, highPrompt } = this.promptFor(m, b.band);
      const { usd, by } = this.priceTokens(m, prompt, b.tier, b.geo, b.tokens, b.web);
      if (highPrompt !== prompt) {
        const hi = this.priceTokens(m, highPrompt, b.tier, b.geo, b.tokens, b.web).usd;
        if (hi > usd) {
          listHigh += hi - usd;
          ambiguousTier.add(m.name);
        }
      }
      noteUncertain(m, prompt, b.tokens);
      byBucketPriced.push({ b, m, prompt, usd });
      list += usd;
      add(byModel, m.id, usd);
      add(byWorkspace, b.workspace || '(none in file)', usd);
      add(byApiKey, b.apiKey || '(none in file)', usd);
      for (const k of TOKEN_TYPES) {
        byTokenType[k] += by[k];
        tokens[k] += b.tokens[k];
      }
      const webUsd = (b.web * this.opts.webSearchUsdPer1000) / 1000;
      byTokenType.webSearch += webUsd;
      outputUsd += by.output;
      if (b.tier === 'batch') batchUsd += usd;
      if (b.tier === 'priority') priorityTokens += total;
      if (b.geo === 'us') usUsd += usd;
      const lc = b.band === 'cw:hi' || b.band.endsWith(':lc');
      if (lc) lcUsd += usd;
      if (b.fast) {
        fastUsd += usd;
        fastTokens += total;
      }
      // Cache payback per model and TTL, at this bucket's rates.
      const rates = this.rates(m, prompt, b.tier === 'batch' && !!m.batchMultiplier, b.geo === 'us' && m.usGeo.value ? 'us' : 'global');
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
      warnings.push(
        `${[...ambiguousTier].join(', ')}: the export does not give each request's prompt size, so rows were priced at the lower prompt-size tier; if every prompt was over the tier's threshold the list price would be ${formatUsd(list + listHigh)} (range ${formatUsd(list)}–${formatUsd(list + listHigh)}).`,
      );
    }
    if (uncertain.size) warnings.push(`Prices marked uncertain or third-party in the catalogue were used: ${[...uncertain].join('; ')}.`);
    if (unknown.size)
      warnings.push(`Unknown models, counted but not priced: ${[...unknown.keys()].map((n) => `"${n}"`).join(', ')}. The catalogue may not list them yet.`);
    if (this.formats.size === 0 && this.rows === 0 && this.skipped === 0 && warnings.length === 0) warnings.push('No usage or cost rows were read.');

    const differences: string[] = [];
    if (hasReported && usageBuckets > 0) {
      differences.push(`The files report ${formatUsd(reported)} charged; re-priced at list the usage comes to ${formatUsd(list)} (${reported >= list ? '+' : '−'}${formatUsd(Math.abs(reported - list))}).`);
      const onlyUsage = [...usageDays].filter((d) => !costDays.has(d)).length;
      const onlyCost = [...costDays].filter((d) => !usageDays.has(d)).length;
      if (onlyUsage || onlyCost) differences.push(`The usage and cost files cover different days (${onlyUsage} day(s) only in usage, ${onlyCost} only in cost): compare like with like.`);
    }
    if (hasReportedList) {
      const disc = reportedList - reported;
      differences.push(`Discounts and credits in the files: ${formatUsd(disc)} (list ${formatUsd(reportedList)} as the file states it, minus ${formatUsd(reported)} charged).`);
      if (usageBuckets > 0 && Math.abs(reportedList - list) >= 0.01)
        differences.push(`The file's own list price differs from the catalogue re-pricing by ${formatUsd(reportedList - list)}: prices changed during the period, the catalogue is out of date, or the rows include fast mode or models the catalogue does not know.`);
    }
    if (priorityTokens > 0) differences.push(`Priority Tier: ${formatInt(priorityTokens)} tokens. Priority Tier is billed under its own contract and never appears in cost_report; it is re-priced here at standard list prices.`);
    if (fastTokens > 0) differences.push(`Fast mode: ${formatInt(fastTokens)} tokens were re-priced at standard rates (${formatUsd(fastUsd)}); fast mode is billed at a premium, so the real charge is higher.`);
    if (unknownReported > 0) differences.push(`Models the catalogue does not know account for ${formatUsd(unknownReported)} of the reported charge and none of the re-priced figure.`);

    const byDay = [...dayMap.values()].sort((a, b) => a.day.localeCompare(b.day)).map((d) => ({ day: d.day, usd: d.usd, byModel: d.byModel }));
    const knownDays = byDay.length || (usageBuckets > 0 ? 1 : 0);
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
      differences,
      warnings,
      unknownModels: [...unknown.entries()].map(([name, u]) => ({ name, ...u })),
      byDay,
      byWorkspace,
      byApiKey,
      byTokenType,
      tokens,
      days: knownDays,
      ratios,
      spikes: findSpikes([...dayMap.values()].sort((a, b) => a.day.localeCompare(b.day))),
      spikeRule: SPIKE_RULE,
      periodNote: `The files cover ${knownDays} day(s); monthly figures scale that to ${DAYS_PER_MONTH} days.`,
      scenarios: this.scenarios(byBucketPriced, list, knownDays),
      modelNames,
    };
    if (hasReported) report.reportedUsd = reported;
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
    p.set('perDay', String(Math.max(1, Math.round(requests / Math.max(1, days)))));
    p.set('batch', formatNumber(batchReq / requests, 2));
    p.set('geo', usReq > requests / 2 ? 'us' : 'global');
    return p.toString();
  }

  // ── Scenarios ───────────────────────────────────────────────────────────────────────────────────────────

  private scenarios(priced: { b: Bucket; m: CatalogueModel; prompt: number; usd: number }[], list: number, days: number): Scenario[] {
    if (priced.length === 0) return [];
    const perMonth = DAYS_PER_MONTH / Math.max(1, days);
    const out: Scenario[] = [];
    const push = (id: string, title: string, delta: number, low: number, high: number, assumptions: string[], scalable: boolean) =>
      out.push({ id, title, deltaUsd: delta, deltaLowUsd: Math.min(low, high), deltaHighUsd: Math.max(low, high), monthlyDeltaUsd: delta * perMonth, assumptions, scalable });
    const inflation = this.opts.index.tokenizerInflation;

    // 1. Move model X's traffic to model Y.
    const from = [...new Set(priced.map((p) => p.m))];
    const targets = this.opts.index.models.filter((m) => m.status.value !== 'retired-api');
    for (const x of from) {
      const mine = priced.filter((p) => p.m === x);
      const xUsd = mine.reduce((a, p) => a + p.usd, 0);
      for (const y of targets) {
        if (y.id === x.id) continue;
        const factor = x.tokenizer.value === y.tokenizer.value ? 1 : y.tokenizer.value === '4.7' ? 1 + inflation : 1 / (1 + inflation);
        const at = (f: number) => {
          let usd = 0;
          for (const p of mine) {
            const t = emptyTokens();
            for (const k of TOKEN_TYPES) t[k] = p.b.tokens[k] * f;
            const band = p.b.band.startsWith('req:') ? `req:-1` : p.b.band;
            const prompt = band.startsWith('req:') ? this.reqPrompt(p.b, f) : this.promptFor(y, band).prompt;
            usd += this.priceTokens(y, prompt, p.b.tier, p.b.geo, t, p.b.web).usd;
          }
          return usd;
        };
        const mid = at(factor) - xUsd;
        const alt = factor === 1 ? mid : at(1) - xUsd;
        const notes = [`Same requests, same cache hits, same service tier and routing, priced at ${y.name}'s list prices.`];
        if (factor !== 1) notes.push(`${x.name} and ${y.name} use different tokenizers: token counts ${factor > 1 ? 'multiplied' : 'divided'} by ${formatNumber(1 + inflation, 2)} (about ${formatPercent(inflation, 0)} more tokens on the newer one); the range runs from no change in counts to the full conversion.`);
        if (y.status.value === 'deprecated') notes.push(`${y.name} is deprecated.`);
        if (y.tokenizer.confidence && y.tokenizer.confidence !== 'confirmed') notes.push(`${y.name}'s tokenizer is marked ${y.tokenizer.confidence} in the catalogue.`);
        const u = this.uncertainPrices(y);
        if (u.length) notes.push(`${y.name} prices marked uncertain or third-party: ${u.join(', ')}.`);
        notes.push('Quality is not priced: test the move on your own traffic first.');
        push(`move:${x.id}:${y.id}`, `Move ${x.name} traffic to ${y.name}`, mid, mid, alt, notes, true);
      }
    }

    // 2. Cache TTL.
    let to5 = 0, to1 = 0, w1 = 0, w5 = 0;
    for (const p of priced) {
      const r = this.rates(p.m, p.prompt, p.b.tier === 'batch' && !!p.m.batchMultiplier, p.b.geo === 'us' && p.m.usGeo.value ? 'us' : 'global');
      to5 += p.b.tokens.write1h * (r.write5m - r.write1h);
      to1 += p.b.tokens.write5m * (r.write1h - r.write5m);
      w1 += p.b.tokens.write1h;
      w5 += p.b.tokens.write5m;
    }
    if (w1 > 0) push('ttl:5m', 'Write 1-hour cache entries with the 5-minute TTL instead', to5, to5, to5, ['The same number of writes and reads. A 5-minute entry expires sooner: if requests sharing a prefix come more than 5 minutes apart, reads turn into writes and this saving shrinks or reverses.'], false);
    if (w5 > 0) push('ttl:1h', 'Write 5-minute cache entries with the 1-hour TTL instead', to1, to1, to1, ['The same number of writes: this is the price difference only. A 1-hour entry pays off when it saves re-writes between requests more than 5 minutes apart, which the files cannot show.'], false);

    // 3. Target cache hit rates.
    for (const h of [0.5, 0.8, 0.9]) {
      let delta = 0;
      for (const p of priced) {
        const t = p.b.tokens;
        const promptT = t.input + t.write5m + t.write1h + t.read;
        const moved = Math.min(t.input, Math.max(0, h * promptT - t.read));
        if (moved <= 0) continue;
        const r = this.rates(p.m, p.prompt, p.b.tier === 'batch' && !!p.m.batchMultiplier, p.b.geo === 'us' && p.m.usGeo.value ? 'us' : 'global');
        delta += moved * (r.read - r.input);
      }
      if (delta < 0) push(`hit:${h}`, `Reach a ${formatPercent(h, 0)} cache hit rate`, delta, delta, delta, [`Uncached input becomes cache reads until reads are ${formatPercent(h, 0)} of prompt tokens; cache writes stay as they are (a stable prefix still has to be written once per TTL). Prefixes must be at least the model's minimum cacheable length.`], false);
    }

    // 4. Batch.
    let batchDelta = 0;
    let batchable = 0;
    for (const p of priced) {
      if (p.b.tier !== 'standard' || !p.m.batchMultiplier) continue;
      batchable += p.usd;
      batchDelta += this.priceTokens(p.m, p.prompt, 'batch', p.b.geo, p.b.tokens, p.b.web).usd - p.usd;
    }
    if (batchable > 0) push('batch', 'Send standard traffic through the Message Batches API', batchDelta, batchDelta, batchDelta, ['Every category, cache included, at the Batch multiplier. Only work that can wait: most batches finish within an hour, some take up to 24 hours.'], true);

    // 5. US-only inference on / off.
    let usOn = 0, usOff = 0, usOnSkipped = 0;
    for (const p of priced) {
      if (p.b.geo === 'global') {
        if (!p.m.usGeo.value) {
          usOnSkipped += p.usd;
          continue;
        }
        usOn += this.priceTokens(p.m, p.prompt, p.b.tier, 'us', p.b.tokens, p.b.web).usd - p.usd;
      } else usOff += this.priceTokens(p.m, p.prompt, p.b.tier, 'global', p.b.tokens, p.b.web).usd - p.usd;
    }
    if (usOn > 0) push('us:on', 'Turn US-only inference on for global traffic', usOn, usOn, usOn, [`inference_geo "us" on every request that can take it.${usOnSkipped > 0 ? ` ${formatUsd(usOnSkipped)} of traffic is on models that reject it and stays global.` : ''}`], false);
    if (usOff < 0) push('us:off', 'Turn US-only inference off', usOff, usOff, usOff, ['Global routing for the requests now sent with inference_geo "us" (check your data-residency requirements first).'], false);
    void list;
    return out;
  }

  /** For a per-request bucket moved to model y: the prompt of one average request, for y's tiers. */
  private reqPrompt(b: Bucket, factor: number): number {
    const promptT = (b.tokens.input + b.tokens.write5m + b.tokens.write1h + b.tokens.read) * factor;
    return Math.max(1, Math.round(promptT / Math.max(1, b.requests)));
  }

  private uncertainPrices(m: CatalogueModel): string[] {
    const out: string[] = [];
    const p = m.prices;
    const f: [string, Figure<number>][] = [['input', p.input], ['output', p.output], ['cache write', p.cacheWrite5m], ['cache read', p.cacheRead]];
    for (const [label, fig] of f) if (fig.confidence && fig.confidence !== 'confirmed') out.push(`${label} (${fig.confidence})`);
    return out;
  }
}
