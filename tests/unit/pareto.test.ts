import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  analyse,
  dominates,
  formatNumber,
  niceTicks,
  parseResultsCsv,
  splitCsvLine,
  type ModelResult,
} from '../../src/lib/pareto.ts';

const row = (model: string, score: number, cost: number, latency: number, line = 1): ModelResult => ({
  model,
  score,
  cost,
  latency,
  line,
});

describe('splitCsvLine', () => {
  it('splits plain fields and trims them', () => {
    expect(splitCsvLine(' a , 1,2 ,3')).toEqual(['a', '1', '2', '3']);
  });
  it('keeps commas and escaped quotes inside quoted fields', () => {
    expect(splitCsvLine('"opus, effort ""high""",0.9,1,2')).toEqual(['opus, effort "high"', '0.9', '1', '2']);
  });
  it('reports an unclosed quote', () => {
    expect(splitCsvLine('"opus,0.9,1,2')).toMatch(/closing double quote/);
  });
});

describe('parseResultsCsv', () => {
  it('parses rows without a header', () => {
    const { rows, errors } = parseResultsCsv('a,0.9,2,1.5\nb,0.8,1,0.7\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([row('a', 0.9, 2, 1.5, 1), row('b', 0.8, 1, 0.7, 2)]);
  });

  it('accepts a header in any column order, CRLF endings, a BOM, blank and comment lines', () => {
    const text = '\uFEFFlatency,Model,cost,score\r\n# comment\r\n\r\n1.5,a,2,0.9\r\n';
    const { rows, errors } = parseResultsCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([row('a', 0.9, 2, 1.5, 4)]);
  });

  it('names the line and the column for a non-number', () => {
    const { rows, errors } = parseResultsCsv('model,score,cost,latency\na,0.9,2,1\nb,high,1,1');
    expect(rows.map((r) => r.model)).toEqual(['a']);
    expect(errors).toEqual([{ line: 3, message: 'Line 3: score "high" is not a number.' }]);
  });

  it('suggests the plain number when a unit or symbol is attached', () => {
    const { errors } = parseResultsCsv('a,92%,$0.40,1200ms');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('score "92%" is not a plain number (write 92');
    expect(errors[0]?.message).toContain('cost "$0.40" is not a plain number (write 0.40');
    expect(errors[0]?.message).toContain('latency "1200ms" is not a plain number (write 1200');
  });

  it('reports a wrong number of values', () => {
    const { errors } = parseResultsCsv('a,0.9,2');
    expect(errors).toEqual([{ line: 1, message: 'Line 1: expected 4 values (model,score,cost,latency), found 3.' }]);
  });

  it('treats an unquoted thousands separator as extra columns', () => {
    const { errors } = parseResultsCsv('a,0.9,1,200,1');
    expect(errors[0]?.message).toMatch(/^Line 1: expected 4 values/);
  });

  it('explains a quoted thousands separator', () => {
    const { errors } = parseResultsCsv('a,0.9,"1,200",1');
    expect(errors[0]?.message).toBe('Line 1: cost "1,200" has a thousands separator (write 1200).');
  });

  it('rejects negative cost and latency, empty names and duplicates', () => {
    const { rows, errors } = parseResultsCsv('a,0.9,-1,1\n,0.5,1,1\nb,0.5,1,-2\nc,0.5,1,1\nC,0.6,1,1');
    expect(rows.map((r) => r.model)).toEqual(['c']);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 5]);
    expect(errors[0]?.message).toContain('cost -1 is negative');
    expect(errors[1]?.message).toContain('model name is empty');
    expect(errors[2]?.message).toContain('latency -2 is negative');
    expect(errors[3]?.message).toContain('already appears on line 4');
  });

  it('reports a header that does not name the four columns and stops there', () => {
    const { rows, errors } = parseResultsCsv('model,quality,cost,latency\na,0.9,1,1');
    expect(rows).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(1);
    expect(errors[0]?.message).toContain('missing score');
    expect(errors[0]?.message).toContain('unknown "quality"');
  });

  it('returns nothing for empty input', () => {
    expect(parseResultsCsv('  \n\n')).toEqual({ rows: [], errors: [] });
  });
});

describe('dominates', () => {
  it('needs no-worse on all axes and better on one', () => {
    expect(dominates(row('a', 0.9, 1, 1), row('b', 0.8, 1, 1))).toBe(true);
    expect(dominates(row('a', 0.9, 1, 1), row('b', 0.9, 2, 1))).toBe(true);
    expect(dominates(row('a', 0.9, 1, 1), row('b', 0.9, 1, 2))).toBe(true);
    expect(dominates(row('a', 0.9, 1, 1), row('b', 0.9, 1, 1))).toBe(false);
    expect(dominates(row('a', 0.9, 2, 1), row('b', 0.8, 1, 1))).toBe(false);
    expect(dominates(row('a', 0.9, 1, 2), row('b', 0.8, 1, 1))).toBe(false);
  });
});

describe('analyse', () => {
  it('marks the frontier and names who dominates each other row', () => {
    const rows = [
      row('big', 0.95, 10, 4),
      row('mid', 0.9, 3, 2),
      row('small', 0.7, 1, 1),
      row('mid-old', 0.85, 3, 2.5),
      row('bad', 0.6, 12, 5),
    ];
    const result = analyse(rows);
    expect(result.frontier.map((r) => r.model)).toEqual(['big', 'mid', 'small']);
    expect(result.dominated.map((r) => [r.model, r.dominatedBy])).toEqual([
      ['mid-old', ['mid']],
      ['bad', ['big', 'mid', 'small', 'mid-old']],
    ]);
  });

  it('keeps exact ties on the frontier together', () => {
    const result = analyse([row('a', 0.9, 1, 1), row('b', 0.9, 1, 1)]);
    expect(result.frontier).toHaveLength(2);
  });

  const arbRow = fc.record({
    score: fc.integer({ min: 0, max: 20 }),
    cost: fc.integer({ min: 0, max: 20 }),
    latency: fc.integer({ min: 0, max: 20 }),
  });

  it('property: the frontier is never empty, and every dominated row is dominated by a frontier row', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 25 }), (raw) => {
        const rows = raw.map((r, i) => row(`m${i}`, r.score, r.cost, r.latency, i + 1));
        const { frontier, dominated, all } = analyse(rows);
        expect(frontier.length).toBeGreaterThan(0);
        expect(frontier.length + dominated.length).toBe(all.length);
        for (const d of dominated) {
          expect(frontier.some((f) => dominates(f, d))).toBe(true);
          for (const name of d.dominatedBy) {
            const other = all.find((r) => r.model === name);
            expect(other && dominates(other, d)).toBe(true);
          }
        }
        for (const f of frontier) {
          expect(all.some((o) => dominates(o, f))).toBe(false);
        }
      }),
    );
  });
});

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    const ticks = niceTicks(0.12, 0.93, 5);
    expect(ticks[0]).toBeLessThanOrEqual(0.12);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(0.93);
    expect(ticks.map(formatNumber)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });
  it('widens a zero-width range', () => {
    const ticks = niceTicks(5, 5);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks[0]).toBeLessThan(5);
    expect(ticks.at(-1)).toBeGreaterThan(5);
  });
  it('property: ticks are increasing and cover the range', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (a, b) => {
        const ticks = niceTicks(a, b);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(12);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
        expect(ticks[0]!).toBeLessThanOrEqual(Math.min(a, b));
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(Math.max(a, b));
      }),
    );
  });
});

describe('formatNumber', () => {
  it('drops float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(0.000123456)).toBe('0.000123');
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(0)).toBe('0');
  });
});
