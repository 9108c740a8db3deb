/**
 * Reads one file, streamed in text chunks, and turns it into normalised rows. The format is detected from the content,
 * never the file name. Formats and where their field names come from (see also the notes in tests/fixtures/usage/):
 * - Console usage CSV and cost CSV: column names known only from third parties (public importers such as
 *   axigatelabs/axigate-finops, and posts of real exports); the page says so.
 * - Admin API `usage_report/messages` and `cost_report` pages: platform.claude.com/docs/en/api/admin/... (Anthropic).
 *   `amount` is in cents as a decimal string ("123.45" = $1.2345).
 * - Analytics API `/v1/organizations/analytics/usage` and `/cost` pages: @anthropic-ai/sdk 1.16 types (Anthropic).
 *   `amount` and `list_amount` are in fractional cents.
 * - Messages API responses (or `{model, usage}` objects, or Batch results) as JSON Lines: SDK `Usage` type.
 * - Claude Code session JSONL: assistant turns with `message.model` / `message.usage` (third parties: ccusage and
 *   similar readers), de-duplicated by message id + request id.
 * Pure: no DOM, no I/O. Papa Parse splits CSV records (quoted fields, embedded commas and newlines).
 */
import Papa from 'papaparse';
import { RecordSplitter } from './lines.ts';
import type { CostType, ServiceTier, Tokens, UsageRow } from './types.ts';

export type FormatId =
  | 'console-usage-csv'
  | 'console-cost-csv'
  | 'admin-usage-report'
  | 'admin-cost-report'
  | 'analytics-usage'
  | 'analytics-cost'
  | 'messages-jsonl'
  | 'batch-results-jsonl'
  | 'claude-code-jsonl';

export const FORMAT_LABEL: Record<FormatId, string> = {
  'console-usage-csv': 'Console usage CSV',
  'console-cost-csv': 'Console cost CSV',
  'admin-usage-report': 'Admin API usage report (usage_report/messages)',
  'admin-cost-report': 'Admin API cost report (cost_report)',
  'analytics-usage': 'Analytics API usage',
  'analytics-cost': 'Analytics API cost',
  'messages-jsonl': 'Messages API responses (JSON Lines)',
  'batch-results-jsonl': 'Message Batches results (JSON Lines)',
  'claude-code-jsonl': 'Claude Code session log (JSONL)',
};

export interface ParseSink {
  row(row: UsageRow): void;
  skip(reason: string, where: string): void;
  format(id: FormatId): void;
  warn(message: string): void;
  /** A record that is valid but carries no usage (a user turn in a Claude Code log, a page with no results). */
  ignored(): void;
  /** Claude Code repeats an assistant message on several lines: true the first time this key is seen. */
  firstSighting(key: string): boolean;
}

const USAGE_COLS = {
  input: 'usage_input_tokens_no_cache',
  write5m: 'usage_input_tokens_cache_write_5m',
  write1h: 'usage_input_tokens_cache_write_1h',
  read: 'usage_input_tokens_cache_read',
  output: 'usage_output_tokens',
} as const;
const USAGE_NUMBERS = [USAGE_COLS.input, USAGE_COLS.write5m, USAGE_COLS.write1h, USAGE_COLS.read, USAGE_COLS.output, 'web_search_count'] as const;
const USAGE_KNOWN = new Set([
  'usage_date_utc', 'model_version', 'model', 'api_key', 'api_key_id', 'api_key_status', 'workspace', 'workspace_id',
  'usage_type', 'context_window', 'web_search_count', 'inference_geo', 'speed', 'service_tier', ...Object.values(USAGE_COLS),
]);
const COST_KNOWN = new Set([
  'usage_date_utc', 'model', 'model_version', 'workspace', 'workspace_id', 'api_key', 'api_key_id', 'api_key_status',
  'usage_type', 'context_window', 'token_type', 'cost_usd', 'list_price_usd', 'cost_type', 'inference_geo', 'speed',
  'service_tier', 'description',
]);

/** A token_type as any of the formats writes it → our category. */
export function costTypeOf(tokenType: string | null | undefined): CostType {
  const t = (tokenType ?? '').toLowerCase();
  if (!t) return 'other'; // web search, code execution, or a row not grouped by token type
  if (t.includes('read')) return 'read';
  if (t.includes('1h')) return 'write1h';
  if (t.includes('write') || t.includes('creation')) return 'write5m';
  if (t.includes('output')) return 'output';
  if (t.includes('input')) return 'input';
  return 'other';
}

function tierOf(v: unknown): ServiceTier {
  const s = String(v ?? '').toLowerCase();
  if (!s || s === 'standard' || s === 'message' || s === 'messages') return 'standard';
  if (s.includes('batch')) return 'batch';
  if (s.includes('priority')) return 'priority';
  return 'other';
}

const geoOf = (v: unknown): 'global' | 'us' => (String(v ?? '').toLowerCase() === 'us' ? 'us' : 'global');

/** `context_window` as the exports write it ("0-200k", "200k-1M", "≤ 200k", "> 200k") → a band. */
function bandOf(v: unknown): string {
  const s = String(v ?? '').toLowerCase().trim();
  if (!s) return 'cw:?';
  if (s.startsWith('>') || s.startsWith('200k') || s.includes('1m')) return 'cw:hi';
  return 'cw:lo';
}

const dayOf = (v: unknown): string => {
  const s = typeof v === 'string' ? v : String(v ?? '').trim();
  return s.length >= 10 && s[4] === '-' && s[7] === '-' && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : 'unknown';
};

/** Memoises a normaliser of a column value: exports repeat the same few values on every row. */
function memo<T>(f: (v: string) => T): (v: string) => T {
  const m = new Map<string, T>();
  return (v) => {
    let r = m.get(v);
    if (r === undefined && !m.has(v)) {
      r = f(v);
      if (m.size < 10_000) m.set(v, r);
    }
    return r as T;
  };
}

/** Above this a count is not a real count (and sums of such could overflow to Infinity). */
const MAX_COUNT = 1e15;

/** A count or amount from a file: '' or null → 0; anything not a finite, non-negative number up to 1e15 → undefined. */
export function readNumber(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return 0;
  if (typeof v === 'string') {
    const fast = +v; // the common case, digits only; '1,234' and junk take the slow path
    if (fast >= 0 && fast <= MAX_COUNT) return fast;
  }
  // "1,234" and "$1.00" (a spreadsheet's currency format) read as numbers; anything else is a bad number.
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/^\$(?=[\d.])/, '').replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 && n <= MAX_COUNT ? n : undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

const MAX_JSON_DEPTH = 8;

export class FileParser {
  private mode: 'sniff' | 'csv' | 'jsonl' | 'json' = 'sniff';
  private splitter?: RecordSplitter;
  private buffer = '';
  private line = 0;
  private header?: string[];
  private csvKind?: 'usage' | 'cost';
  private col: Record<string, number> = {};
  private rejected = false;
  private reportedUnknownShape = false;

  constructor(
    private readonly name: string,
    private readonly sink: ParseSink,
  ) {}

  /** Where a record is, for skip reports: file:line, or in a pretty-printed document its place in the page. */
  private path = '';
  private get at(): string {
    if (!this.path) return `${this.name}:${this.line}`;
    return this.mode === 'json' ? `${this.name} ${this.path}` : `${this.name}:${this.line} ${this.path}`;
  }

  push(chunk: string): void {
    if (this.rejected || chunk === '') return;
    if (this.mode === 'sniff') this.sniff(chunk, false);
    else this.feed(chunk);
  }

  /** Decides the family (CSV, JSON Lines, one JSON document) from the first characters and the first line. */
  private sniff(chunk: string, final: boolean): void {
    {
      this.buffer += chunk;
      const start = this.buffer.replace(/^\uFEFF/, '').trimStart();
      if (start === '') return;
      // Binary data, or UTF-16 read as UTF-8 (a NUL between letters): say so rather than quote the bytes back.
      if (/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(start.slice(0, 4096))) {
        this.rejected = true;
        this.buffer = '';
        this.sink.skip('file not recognised', this.name);
        this.sink.warn(`${this.name} is not text this tool can read: it holds binary data or another encoding (UTF-16?). Export it again as CSV or JSON in UTF-8.`);
        return;
      }
      const first = start[0];
      if (first === '{' || first === '[') {
        const nl = start.indexOf('\n');
        if (nl < 0 && !final && this.buffer.length < 1 << 20) return; // wait for a whole first line
        const firstLine = nl < 0 ? start : start.slice(0, nl);
        let parsed = false;
        try {
          JSON.parse(firstLine);
          parsed = true;
        } catch {
          /* a pretty-printed document: read it whole */
        }
        this.mode = parsed ? 'jsonl' : 'json';
        if (parsed) this.splitter = new RecordSplitter(false);
      } else {
        this.mode = 'csv';
        this.splitter = new RecordSplitter(true);
      }
      const text = this.buffer.replace(/^\uFEFF/, '');
      this.buffer = '';
      this.feed(text);
    }
  }

  private feed(text: string): void {
    if (this.mode === 'json') {
      this.buffer += text;
      return;
    }
    const records = this.splitter!.push(text);
    if (records) this.consume(records, false);
  }

  end(): void {
    if (this.rejected) return;
    if (this.mode === 'sniff') this.sniff('', true);
    if (this.mode === 'sniff') {
      this.sink.warn(`${this.name} is empty: nothing to read.`);
      return;
    }
    if (this.mode === 'json') {
      let doc: unknown;
      try {
        doc = JSON.parse(this.buffer);
      } catch (e) {
        this.sink.skip('JSON that does not parse (truncated or not JSON)', `${this.name}`);
        this.sink.warn(`${this.name} is not valid JSON (${(e as Error).message}); if it was cut off, export it again.`);
        this.buffer = '';
        return;
      }
      this.buffer = '';
      this.line = 1;
      this.value(doc);
      return;
    }
    const { tail, openQuote } = this.splitter!.end();
    if (tail.trim() !== '') {
      if (openQuote) {
        this.line++;
        this.sink.skip('truncated final row (the file ends inside a quoted field)', this.at);
      } else this.consume(tail, true);
    }
    if (this.mode === 'csv' && this.header && this.line <= 1) this.sink.warn(`${this.name} has a header but no rows.`);
  }

  private consume(records: string, last: boolean): void {
    if (this.mode === 'jsonl') {
      for (const l of records.split('\n')) {
        this.line++;
        const t = l.trim();
        if (!t) continue;
        let v: unknown;
        try {
          v = JSON.parse(t);
        } catch {
          this.sink.skip(last ? 'truncated final line (not complete JSON)' : 'line is not valid JSON', this.at);
          continue;
        }
        this.path = '';
        this.value(v);
      }
      return;
    }
    const parsed = Papa.parse<string[]>(records, { skipEmptyLines: true });
    for (const rec of parsed.data) {
      this.line++;
      if (!this.header) {
        this.readHeader(rec);
        if (this.rejected) return;
        continue;
      }
      if (rec.length < this.header.length) {
        this.sink.skip(last ? 'truncated final row (fewer fields than the header)' : 'row with fewer fields than the header', this.at);
        continue;
      }
      if (this.csvKind === 'usage') this.usageCsvRow(rec);
      else this.costCsvRow(rec);
    }
  }

  private readHeader(rec: string[]): void {
    const header = rec.map((h) => h.trim().toLowerCase());
    this.header = header;
    header.forEach((h, i) => (this.col[h] = i));
    const has = (c: string) => c in this.col;
    const tokenCols = Object.values(USAGE_COLS).filter(has);
    if (has('usage_date_utc') && tokenCols.length > 0 && (has('model_version') || has('model'))) {
      this.csvKind = 'usage';
      this.sink.format('console-usage-csv');
      const missing = Object.values(USAGE_COLS).filter((c) => !has(c));
      if (missing.length) this.sink.warn(`${this.name}: no column ${missing.join(', ')} (an older export?); counted as 0.`);
      this.unknownColumns(header, USAGE_KNOWN);
    } else if (has('usage_date_utc') && has('cost_usd')) {
      this.csvKind = 'cost';
      this.sink.format('console-cost-csv');
      this.unknownColumns(header, COST_KNOWN);
    } else {
      this.rejected = true;
      this.sink.skip('file not recognised', this.name);
      this.sink.warn(
        `${this.name} is not a format this tool reads. It starts with the columns: ${rec.slice(0, 8).map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h)).join(', ') || '(none)'}. Expected a Console usage or cost CSV (with usage_date_utc and token or cost_usd columns), an Admin or Analytics API JSON page, or JSON Lines of Messages API responses or Claude Code sessions.`,
      );
    }
  }

  private unknownColumns(header: string[], known: Set<string>): void {
    const extra = header.filter((h) => h && !known.has(h));
    if (extra.length) this.sink.warn(`${this.name}: columns not used (unknown to this tool): ${extra.join(', ')}.`);
  }

  private get(rec: string[], name: string): string {
    const i = this.col[name];
    return i === undefined ? '' : (rec[i] ?? '').trim();
  }

  /** The numbers in `cols` (in order), or the message for the first bad one. */
  private numbers(rec: string[], cols: readonly string[]): number[] | string {
    const out: number[] = [];
    for (const c of cols) {
      const i = this.col[c];
      const n = i === undefined ? 0 : readNumber(rec[i]);
      if (n === undefined) return `bad number in ${c} ("${this.get(rec, c).slice(0, 20)}")`;
      out.push(n);
    }
    return out;
  }

  private tier = memo(tierOf);
  private geo = memo(geoOf);
  private band = memo(bandOf);
  private trim = memo((v: string) => v.trim());

  private base(rec: string[], model: string): Omit<UsageRow, 'tokens'> {
    const raw = (name: string) => {
      const i = this.col[name];
      return i === undefined ? '' : this.trim(rec[i] ?? '');
    };
    return {
      day: dayOf(raw('usage_date_utc')),
      model,
      workspace: raw('workspace') || raw('workspace_id'),
      apiKey: raw('api_key') || raw('api_key_id'),
      tier: this.tier(raw('service_tier') || raw('usage_type')),
      geo: this.geo(raw('inference_geo')),
      band: this.band(raw('context_window')),
      fast: raw('speed') === 'fast',
    };
  }

  private usageCsvRow(rec: string[]): void {
    const n = this.numbers(rec, USAGE_NUMBERS);
    if (typeof n === 'string') return this.sink.skip(n, this.at);
    const i = this.col.model_version ?? this.col.model;
    const model = i === undefined ? '' : this.trim(rec[i] ?? '');
    if (!model) return this.sink.skip('row with no model', this.at);
    const row = this.base(rec, model) as UsageRow;
    row.tokens = { input: n[0]!, write5m: n[1]!, write1h: n[2]!, read: n[3]!, output: n[4]! };
    row.webSearches = n[5]!;
    this.sink.row(row);
  }

  private costCsvRow(rec: string[]): void {
    const where = this.at;
    const raw = this.numbers(rec, ['cost_usd', 'list_price_usd']);
    if (typeof raw === 'string') return this.sink.skip(raw, where);
    const n = { cost: raw[0], list: raw[1] };
    const row: UsageRow = {
      ...this.base(rec, this.get(rec, 'model') || this.get(rec, 'model_version')),
      reportedUsd: n.cost!,
      costType: (/token/i.test(this.get(rec, 'cost_type')) || !this.get(rec, 'cost_type') ? costTypeOf(this.get(rec, 'token_type')) : 'other'),
    };
    if ('list_price_usd' in this.col && this.get(rec, 'list_price_usd') !== '') row.reportedListUsd = n.list!;
    this.sink.row(row);
  }

  // ── JSON ──────────────────────────────────────────────────────────────────────────────────────────────────

  private value(v: unknown, depth = 0): void {
    if (Array.isArray(v)) {
      // Exports nest a page or two deep; a file nested deeper is not one, and recursing into it would overflow the stack.
      if (depth > MAX_JSON_DEPTH) return this.sink.skip(`JSON nested more than ${MAX_JSON_DEPTH} arrays deep (not a usage export)`, this.at);
      for (const x of v) this.value(x, depth + 1);
      return;
    }
    if (!isObj(v)) return this.unknownShape();
    // Claude Code session files also hold summary and file-history lines: not usage, not an error.
    if (v.type === 'summary' || v.type === 'file-history-snapshot' || ('leafUuid' in v && !('usage' in v))) return this.sink.ignored();
    if (Array.isArray(v.data)) return this.page(v.data);
    // Claude Code session line.
    if (typeof v.type === 'string' && ('sessionId' in v || 'uuid' in v || 'parentUuid' in v)) return this.claudeCode(v);
    // Batch result line.
    if (isObj(v.result) && 'custom_id' in v) {
      const r = v.result;
      if (r.type !== 'succeeded' || !isObj(r.message)) return this.sink.ignored();
      this.sink.format('batch-results-jsonl');
      return this.message(r.message, v, 'batch');
    }
    // A Messages API response, or a log entry wrapping one.
    for (const m of [v, v.response, v.body, v.message]) {
      if (isObj(m) && isObj(m.usage) && typeof m.model === 'string') {
        this.sink.format('messages-jsonl');
        return this.message(m, v, undefined);
      }
    }
    if (isObj(v.usage) || 'model' in v) {
      return this.sink.skip('record with usage but no model (or model but no usage)', this.at);
    }
    this.unknownShape();
  }

  private unknownShape(): void {
    this.sink.skip('JSON record of an unknown shape', this.at);
    if (!this.reportedUnknownShape) {
      this.reportedUnknownShape = true;
      this.sink.warn(`${this.name}: some JSON records are not usage or cost data this tool knows (see skipped rows).`);
    }
  }

  private page(data: unknown[]): void {
    if (data.length === 0) return this.sink.ignored();
    for (const [i, item] of data.entries()) {
      this.path = `data[${i}]`;
      if (!isObj(item)) {
        this.unknownShape();
        continue;
      }
      const day = dayOf(item.starting_at);
      if (Array.isArray(item.results)) {
        if (item.results.length === 0) this.sink.ignored();
        for (const [j, r] of item.results.entries()) {
          this.path = `data[${i}].results[${j}]`;
          if (!isObj(r)) this.unknownShape();
          else if ('amount' in r) this.adminCost(r, day);
          else if ('uncached_input_tokens' in r || 'output_tokens' in r) this.usageObject(r, r, day, 'admin-usage-report');
          else this.unknownShape();
        }
      } else if (isObj(item.group) && isObj(item.usage)) {
        this.usageObject(item.usage, item.group, day, 'analytics-usage');
      } else if (isObj(item.group) && isObj(item.cost)) {
        this.analyticsCost(item.cost, item.group, day);
      } else this.unknownShape();
    }
  }

  private dims(g: Obj, day: string): Omit<UsageRow, 'tokens' | 'model'> {
    return {
      day,
      workspace: str(g.workspace_id) || (g.workspace_id === null ? 'Default workspace' : ''),
      apiKey: str(g.api_key_id),
      tier: tierOf(g.service_tier),
      geo: geoOf(g.inference_geo),
      band: bandOf(g.context_window),
      fast: str(g.speed) === 'fast',
    };
  }

  private usageObject(u: Obj, g: Obj, day: string, format: FormatId): void {
    const where = this.at;
    const cc = isObj(u.cache_creation) ? u.cache_creation : {};
    const st = isObj(u.server_tool_use) ? u.server_tool_use : {};
    const vals = [u.uncached_input_tokens, cc.ephemeral_5m_input_tokens, cc.ephemeral_1h_input_tokens, u.cache_read_input_tokens, u.output_tokens, st.web_search_requests].map(readNumber);
    const badAt = vals.findIndex((x) => x === undefined);
    if (badAt >= 0) {
      const names = ['uncached_input_tokens', 'cache_creation.ephemeral_5m_input_tokens', 'cache_creation.ephemeral_1h_input_tokens', 'cache_read_input_tokens', 'output_tokens', 'server_tool_use.web_search_requests'];
      return this.sink.skip(`bad number in ${names[badAt]}`, where);
    }
    const [input, write5m, write1h, read, output, web] = vals as number[];
    this.sink.format(format);
    const row: UsageRow = {
      ...this.dims(g, day),
      model: str(g.model),
      tokens: { input: input!, write5m: write5m!, write1h: write1h!, read: read!, output: output! },
      webSearches: web!,
    };
    const requests = readNumber(u.requests);
    if (typeof u.requests === 'number' && requests !== undefined) row.requests = requests;
    if (!row.model) return this.sink.skip('usage not grouped by model (export with group_by[]=model)', where);
    this.sink.row(row);
  }

  private currencyOk(c: unknown, where: string): boolean {
    const cur = str(c || 'USD').toUpperCase();
    if (cur === 'USD') return true;
    this.sink.skip(`amount in a second currency (${cur}), not added to the USD totals`, where);
    return false;
  }

  private adminCost(r: Obj, day: string): void {
    const where = this.at;
    if (!this.currencyOk(r.currency, where)) return;
    const cents = readNumber(r.amount);
    if (cents === undefined) return this.sink.skip(`bad amount ("${str(r.amount).slice(0, 20)}")`, where);
    this.sink.format('admin-cost-report');
    this.sink.row({
      ...this.dims(r, day),
      model: str(r.model),
      reportedUsd: cents / 100, // cents as a decimal string: "123.45" = $1.2345
      costType: r.cost_type && r.cost_type !== 'tokens' ? 'other' : costTypeOf(str(r.token_type)),
    });
  }

  private analyticsCost(c: Obj, g: Obj, day: string): void {
    const where = this.at;
    if (!this.currencyOk(c.currency, where)) return;
    const cents = readNumber(c.amount);
    const list = readNumber(c.list_amount);
    if (cents === undefined || list === undefined) return this.sink.skip('bad amount or list_amount', where);
    this.sink.format('analytics-cost');
    const row: UsageRow = {
      ...this.dims(g, day),
      model: str(g.model),
      reportedUsd: cents / 100,
      costType: g.cost_type && g.cost_type !== 'tokens' ? 'other' : costTypeOf(str(g.token_type)),
    };
    if (c.list_amount !== undefined && c.list_amount !== null) row.reportedListUsd = list / 100;
    this.sink.row(row);
  }

  private claudeCode(v: Obj): void {
    const m = v.message;
    if (v.type !== 'assistant' || !isObj(m) || !isObj(m.usage)) return this.sink.ignored();
    if (m.model === '<synthetic>') return this.sink.ignored(); // written by Claude Code itself, not billed
    const key = `${str(m.id)}:${str(v.requestId)}`;
    if (key !== ':' && !this.sink.firstSighting(key)) return this.sink.ignored();
    this.sink.format('claude-code-jsonl');
    this.message(m, v, undefined, 'Claude Code');
  }

  /** One Messages API response's `usage` → a row for one request. */
  private message(m: Obj, envelope: Obj, tier: ServiceTier | undefined, workspace = ''): void {
    const where = this.at;
    const u = m.usage as Obj;
    const cc = isObj(u.cache_creation) ? u.cache_creation : undefined;
    const vals = [u.input_tokens, u.cache_creation_input_tokens, cc?.ephemeral_5m_input_tokens, cc?.ephemeral_1h_input_tokens, u.cache_read_input_tokens, u.output_tokens].map(readNumber);
    const badAt = vals.findIndex((x) => x === undefined);
    if (badAt >= 0) {
      const names = ['input_tokens', 'cache_creation_input_tokens', 'cache_creation.ephemeral_5m_input_tokens', 'cache_creation.ephemeral_1h_input_tokens', 'cache_read_input_tokens', 'output_tokens'];
      return this.sink.skip(`bad number in usage.${names[badAt]}`, where);
    }
    const [input, writeAll, w5, w1, read, output] = vals as number[];
    // The split by TTL when present; otherwise every write is a 5-minute write (the default TTL).
    const write1h = cc ? w1! : 0;
    const write5m = cc ? (w5! + w1! > 0 ? w5! : writeAll!) : writeAll!;
    const st = isObj(u.server_tool_use) ? u.server_tool_use : {};
    const web = readNumber(st.web_search_requests) ?? 0;
    const ts = envelope.timestamp ?? envelope.created_at ?? envelope.time ?? envelope.ts ?? m.created_at;
    const tokens: Tokens = { input: input!, write5m, write1h, read: read!, output: output! };
    this.sink.row({
      day: dayOf(ts),
      model: str(m.model),
      workspace: workspace || str(envelope.workspace ?? envelope.workspace_id),
      apiKey: str(envelope.api_key ?? envelope.api_key_id),
      tier: tier ?? tierOf(u.service_tier),
      geo: geoOf(u.inference_geo),
      band: `req:${input! + write5m + write1h + read!}`,
      fast: str(u.speed) === 'fast',
      tokens,
      webSearches: web,
      requests: 1,
    });
  }
}
