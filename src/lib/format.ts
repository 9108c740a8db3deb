/** Formatting of money, token counts and catalogue figures. Pure; locale fixed to en-US so builds are reproducible. */

// Made on first use, not on import: the first Intl formatter a page creates loads locale data, and an island
// that shows no number yet (the diagnostic's first step) should not pay for it while hydrating.
let grouped: Intl.NumberFormat | undefined;

/** A whole number with thousands separators: 1000000 → "1,000,000". */
export function formatInt(n: number): string {
  grouped ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return grouped.format(Math.round(n));
}

/** A number with up to `digits` decimals and separators: 1234.5 → "1,234.5". */
export function formatNumber(n: number, digits = 2): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
}

/**
 * US dollars. Amounts of a cent or more are shown to the cent ("$1,234.57"); smaller non-zero amounts keep three
 * significant digits so a per-request cost never reads as "$0.00" ("$0.000125").
 */
export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs !== 0 && abs < 0.01) {
    const s = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(abs);
    return `${n < 0 ? '−' : ''}$${s}`;
  }
  const s = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(abs);
  return `${n < 0 ? '−' : ''}$${s}`;
}

/** A cost per request: under $1 keeps three significant digits ("$0.0205"), otherwise cents. */
export function formatUsdPrecise(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (n === 0 || Math.abs(n) >= 1) return formatUsd(n);
  return `${n < 0 ? '−' : ''}$${new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(Math.abs(n))}`;
}

/** A price per million tokens: 5 → "$5.00 / MTok", 0.025 → "$0.025 / MTok", 0.125 → "$0.125 / MTok". */
export function formatPricePerMTok(n: number): string {
  return `${formatPrice(n)} / MTok`;
}

/** A list price without unit, at least two decimals, up to four: 0.125 → "$0.125". */
export function formatPrice(n: number): string {
  return `$${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n)}`;
}

/** "1,000,000 tokens". */
export function formatTokens(n: number): string {
  return `${formatInt(n)} tokens`;
}

/** A compact token count for tables: 1000000 → "1M", 128000 → "128K", 4096 → "4,096". */
export function formatTokensShort(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}K`;
  return formatInt(n);
}

let compactFormat: Intl.NumberFormat | undefined;
/** A count in three significant figures: 2000000 → "2M", 612345 → "612K", 1234567 → "1.23M". */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  compactFormat ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });
  return compactFormat.format(n);
}

/** A multiplier: 1.25 → "1.25×". */
export function formatMultiplier(n: number): string {
  return `${formatNumber(n, 3)}×`;
}

/** A share 0–1 as a percentage: 0.3 → "30%". */
export function formatPercent(n: number, digits = 1): string {
  return `${formatNumber(n * 100, digits)}%`;
}
