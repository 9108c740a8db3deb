/** Days whose cost stands out, by a robust rule, and what drove each. Pure. */
import type { Spike } from './types.ts';

/** Sections of the cost-spikes chapter a driver links to (tests/unit/usage.test.ts checks each slug is a heading). */
export const SPIKE_SECTIONS = {
  general: 'the-bill-doubled-and-you-do-not-know-why',
  opus: 'opus-is-answering-trivial-requests',
  cache: 'the-prompt-cache-never-hits',
  output: 'oversized-max_tokens-and-runaway-output',
  invoice: 'spend-you-only-see-on-the-invoice',
} as const;
/** Link text for each section: what the reader should check. */
export const SECTION_LABEL: Record<keyof typeof SPIKE_SECTIONS, string> = {
  general: 'why a bill doubles',
  opus: 'Opus on trivial requests',
  cache: 'a cache that never hits',
  output: 'runaway output',
  invoice: 'spend you only see on the invoice',
};
export const CHAPTER = '/guide/cost-spikes/';
export const sectionHref = (k: keyof typeof SPIKE_SECTIONS) => `${CHAPTER}#${SPIKE_SECTIONS[k]}`;

/** k in "median + k × 1.4826 × MAD": 1.4826 × MAD estimates the standard deviation of normal data. */
export const SPIKE_K = 3;
export const MIN_DAYS_FOR_SPIKES = 7;
export const SPIKE_RULE = `A day is a spike when its list-price cost is above the median day by more than ${SPIKE_K} × 1.4826 × MAD (the median absolute deviation from the median, scaled to read like a standard deviation; robust to the spikes themselves). When more than half the days cost the same (MAD = 0), a day is a spike when it costs over 1.5 × the median. Needs at least ${MIN_DAYS_FOR_SPIKES} days.`;

const sectionOfHref = (href: string): string => {
  const k = (Object.keys(SPIKE_SECTIONS) as (keyof typeof SPIKE_SECTIONS)[]).find((x) => href.endsWith(`#${SPIKE_SECTIONS[x]}`));
  return k ? SECTION_LABEL[k] : 'the cost-spikes chapter';
};

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface DayDims {
  day: string;
  usd: number;
  /** dimension label → { usd, href } for that day, e.g. "Model: Claude Opus 4.8". */
  parts: Map<string, { usd: number; href: string }>;
}

export function findSpikes(days: readonly DayDims[]): Spike[] {
  if (days.length < MIN_DAYS_FOR_SPIKES) return [];
  const totals = days.map((d) => d.usd);
  const med = median(totals);
  const mad = median(totals.map((x) => Math.abs(x - med)));
  const threshold = mad > 0 ? med + SPIKE_K * 1.4826 * mad : med * 1.5;
  const labels = new Set<string>();
  for (const d of days) for (const k of d.parts.keys()) labels.add(k);
  const medianOf = new Map<string, number>();
  for (const l of labels) medianOf.set(l, median(days.map((d) => d.parts.get(l)?.usd ?? 0)));
  return days
    .filter((d) => d.usd > threshold && d.usd > med)
    .map((d) => ({
      day: d.day,
      usd: d.usd,
      median: med,
      threshold,
      drivers: [...d.parts.entries()]
        .map(([label, p]) => ({ label, deltaUsd: p.usd - (medianOf.get(label) ?? 0), href: p.href, section: sectionOfHref(p.href) }))
        .filter((x) => x.deltaUsd > 0)
        .sort((a, b) => b.deltaUsd - a.deltaUsd)
        .slice(0, 6),
    }));
}
