/**
 * Pareto-frontier analysis of eval results: quality (score, higher is better) against
 * cost and latency (both lower is better). Pure logic, no DOM: used by the Pareto tool
 * island on /guide/evaluation/ and unit-tested in tests/unit/pareto.test.ts.
 *
 * Input is CSV with one row per candidate: `model,score,cost,latency`. A header row is
 * optional; when present its columns may come in any order. Units are the caller's
 * (e.g. score in % pass, cost in USD per 1,000 tasks, latency as p95 seconds) as long as
 * each column uses one unit throughout.
 */

export interface ModelResult {
  model: string;
  score: number;
  cost: number;
  latency: number;
  /** 1-based line number in the pasted text, for messages. */
  line: number;
}

export interface ParseError {
  /** 1-based line number the error refers to. */
  line: number;
  message: string;
}

export interface ParseResult {
  rows: ModelResult[];
  errors: ParseError[];
}

export interface AnalysedResult extends ModelResult {
  /** True when no other row is at least as good on all three axes and better on one. */
  onFrontier: boolean;
  /** Names of the rows that dominate this one (empty on the frontier), in input order. */
  dominatedBy: string[];
}

export interface Analysis {
  all: AnalysedResult[];
  frontier: AnalysedResult[];
  dominated: AnalysedResult[];
}

export const COLUMNS = ['model', 'score', 'cost', 'latency'] as const;
type Column = (typeof COLUMNS)[number];

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Split one CSV line into fields. Supports double-quoted fields (with "" as an escaped
 * quote) so a model label may contain commas. Returns an error string for an unclosed quote.
 */
export function splitCsvLine(line: string): string[] | string {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i += 1;
      continue;
    }
    if (ch === ',') {
      fields.push(field.trim());
      field = '';
      i += 1;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (quoted) return 'a quoted value is missing its closing double quote';
  fields.push(field.trim());
  return fields;
}

function isHeader(fields: readonly string[]): boolean {
  return fields.some((f) => (COLUMNS as readonly string[]).includes(f.toLowerCase()));
}

function describeNumberProblem(column: Column, raw: string): string {
  if (raw === '') return `${column} is empty`;
  const stripped = raw.replace(/^\$/, '').replace(/(%|ms|s|usd)$/i, '').trim();
  if (stripped !== raw && NUMBER.test(stripped)) {
    return `${column} "${raw}" is not a plain number (write ${stripped}, without units or symbols)`;
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) {
    return `${column} "${raw}" has a thousands separator (write ${raw.replaceAll(',', '')})`;
  }
  return `${column} "${raw}" is not a number`;
}

/**
 * Parse eval results. Blank lines and lines starting with `#` are skipped. Every problem is
 * reported with its line number; valid rows are returned even when other lines have errors.
 */
export function parseResultsCsv(text: string): ParseResult {
  const rows: ModelResult[] = [];
  const errors: ParseError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let order: Column[] = [...COLUMNS];
  let sawContent = false;
  const seen = new Map<string, number>();

  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const split = splitCsvLine(trimmed);
    if (typeof split === 'string') {
      errors.push({ line, message: `Line ${line}: ${split}.` });
      sawContent = true;
      return;
    }
    const fields = split;

    if (!sawContent) {
      sawContent = true;
      if (isHeader(fields)) {
        const names = fields.map((f) => f.toLowerCase());
        const missing = COLUMNS.filter((c) => !names.includes(c));
        const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
        const dupes = names.filter((n, i) => names.indexOf(n) !== i);
        if (missing.length > 0 || unknown.length > 0 || dupes.length > 0) {
          const parts: string[] = [];
          if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
          if (unknown.length > 0) parts.push(`unknown ${unknown.map((u) => `"${u}"`).join(', ')}`);
          if (dupes.length > 0) parts.push(`repeated ${dupes.join(', ')}`);
          errors.push({
            line,
            message: `Line ${line}: the header must name the columns model, score, cost, latency (${parts.join('; ')}).`,
          });
          order = [];
        } else {
          order = names as Column[];
        }
        return;
      }
    }
    if (order.length === 0) return; // header was unusable; already reported

    if (fields.length !== order.length) {
      errors.push({
        line,
        message: `Line ${line}: expected ${order.length} values (${order.join(',')}), found ${fields.length}.`,
      });
      return;
    }

    const byColumn = new Map<Column, string>();
    order.forEach((c, i) => byColumn.set(c, fields[i] ?? ''));
    const model = byColumn.get('model') ?? '';
    const problems: string[] = [];
    if (model === '') problems.push('model name is empty');

    const nums: Partial<Record<Exclude<Column, 'model'>, number>> = {};
    for (const c of ['score', 'cost', 'latency'] as const) {
      const raw = byColumn.get(c) ?? '';
      if (!NUMBER.test(raw)) {
        problems.push(describeNumberProblem(c, raw));
        continue;
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        problems.push(`${c} "${raw}" is too large`);
        continue;
      }
      if ((c === 'cost' || c === 'latency') && value < 0) {
        problems.push(`${c} ${raw} is negative`);
        continue;
      }
      nums[c] = value;
    }

    if (model !== '' && problems.length === 0) {
      const first = seen.get(model.toLowerCase());
      if (first !== undefined) {
        problems.push(`model "${model}" already appears on line ${first} (give each row a distinct name)`);
      }
    }

    if (problems.length > 0) {
      errors.push({ line, message: `Line ${line}: ${problems.join('; ')}.` });
      return;
    }
    seen.set(model.toLowerCase(), line);
    rows.push({ model, score: nums.score ?? 0, cost: nums.cost ?? 0, latency: nums.latency ?? 0, line });
  });

  return { rows, errors };
}

/** `a` dominates `b`: at least as good on every axis and strictly better on at least one. */
export function dominates(a: ModelResult, b: ModelResult): boolean {
  const noWorse = a.score >= b.score && a.cost <= b.cost && a.latency <= b.latency;
  const better = a.score > b.score || a.cost < b.cost || a.latency < b.latency;
  return noWorse && better;
}

/** Mark each row as on the frontier or dominated, and name who dominates it. O(n²), fine for eval tables. */
export function analyse(rows: readonly ModelResult[]): Analysis {
  const all: AnalysedResult[] = rows.map((r) => {
    const dominatedBy = rows.filter((other) => other !== r && dominates(other, r)).map((o) => o.model);
    return { ...r, onFrontier: dominatedBy.length === 0, dominatedBy };
  });
  return {
    all,
    frontier: all.filter((r) => r.onFrontier),
    dominated: all.filter((r) => !r.onFrontier),
  };
}

/**
 * Round, human-friendly axis ticks covering [min, max] (at least two values). Ticks are exact
 * multiples of the step, so format them with formatNumber() for display.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo <= scale * 1e-9 || hi - lo < 1e-12) {
    const pad = scale < 1e-12 ? 1 : scale * 0.1;
    lo -= pad;
    hi += pad;
  }
  const rawStep = (hi - lo) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const residual = rawStep / magnitude;
  const step = (residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10) * magnitude;
  let kStart = Math.floor(lo / step);
  let kEnd = Math.ceil(hi / step);
  while (kStart * step > lo) kStart -= 1; // guards against underflow and rounding
  while (kEnd * step < hi) kEnd += 1;
  const ticks: number[] = [];
  for (let k = kStart; k <= kEnd; k++) ticks.push(k * step);
  return ticks;
}

/** Format a number for a table cell or tick label without float noise. */
export function formatNumber(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1000) return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (abs >= 1) return String(Number(n.toFixed(2)));
  return String(Number(n.toPrecision(3)));
}
