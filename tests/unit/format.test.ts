import { describe, expect, test } from 'vitest';
import {
  formatCompact,
  formatInt,
  formatMultiplier,
  formatPercent,
  formatPrice,
  formatPricePerMTok,
  formatTokens,
  formatTokensShort,
  formatUsd,
  formatUsdPrecise,
} from '../../src/lib/format.ts';

describe('money', () => {
  test('to the cent from one cent up, separators, minus sign', () => {
    expect(formatUsd(1234.567)).toBe('$1,234.57');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(-5.5)).toBe('−$5.50');
  });
  test('sub-cent amounts keep three significant digits instead of reading $0.00', () => {
    expect(formatUsd(0.000125)).toBe('$0.000125');
    expect(formatUsd(0.0049999)).toBe('$0.005');
  });
  test('per-request costs under $1 keep three significant digits', () => {
    expect(formatUsdPrecise(0.020526)).toBe('$0.0205');
    expect(formatUsdPrecise(0.5)).toBe('$0.5');
    expect(formatUsdPrecise(12.345)).toBe('$12.35');
    expect(formatUsdPrecise(0)).toBe('$0.00');
  });
  test('never prints NaN or Infinity', () => {
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatUsdPrecise(Number.POSITIVE_INFINITY)).toBe('—');
  });
  test('list prices', () => {
    expect(formatPricePerMTok(5)).toBe('$5.00 / MTok');
    expect(formatPricePerMTok(0.025)).toBe('$0.025 / MTok');
    expect(formatPrice(0.125)).toBe('$0.125');
    expect(formatPrice(18.75)).toBe('$18.75');
  });
});

describe('tokens and ratios', () => {
  test('tokens', () => {
    expect(formatTokens(1_000_000)).toBe('1,000,000 tokens');
    expect(formatTokensShort(1_000_000)).toBe('1M');
    expect(formatTokensShort(128_000)).toBe('128K');
    expect(formatTokensShort(4096)).toBe('4,096');
    expect(formatInt(1234.6)).toBe('1,235');
  });
  test('compact counts for narrow tables: three significant figures, never NaN', () => {
    expect(formatCompact(2_000_000)).toBe('2M');
    expect(formatCompact(612_345)).toBe('612K');
    expect(formatCompact(1_234_567)).toBe('1.23M');
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(Number.NaN)).toBe('—');
  });
  test('multipliers and percentages', () => {
    expect(formatMultiplier(1.25)).toBe('1.25×');
    expect(formatPercent(0.3, 0)).toBe('30%');
    expect(formatPercent(0.255)).toBe('25.5%');
  });
});
