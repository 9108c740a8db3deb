/**
 * Entry point of the usage tool's logic: `priceUsageFiles` reads whole files (text) and re-prices them at catalogue
 * list prices with the pricing engine (`costOf`, behind `estimateCost`). The page's Web Worker runs the same session over streamed
 * chunks (src/lib/usage/worker.ts). Pure.
 */
import { catalogueIndex, getFact } from '../catalogue.ts';
import { rangedCostOf } from '../pricing-core.ts';
import { UsageSession, type FastRates } from './session.ts';
import type { UsageReport } from './types.ts';

export type { UsageReport } from './types.ts';
export { UsageSession } from './session.ts';

export function webSearchUsdPer1000(): number {
  return Number(getFact('serverTools.webSearchPer1000').value);
}

/**
 * Which catalogue fact holds each model's fast-mode rate (the facts' notes name the model). Opus 4.8 had Opus 5's
 * rate until its fast mode was removed, so rows from before then are priced at it.
 */
const FAST_FACTS: Record<string, [input: string, output: string]> = {
  'opus-5': ['fastMode.input', 'fastMode.output'],
  'opus-4-8': ['fastMode.input', 'fastMode.output'],
  'opus-5-5': ['fastMode.opus55Input', 'fastMode.opus55Output'],
  'fable-5-2': ['fastMode.fable52Input', 'fastMode.fable52Output'],
};

/** Fast-mode rates by model, from the catalogue; the worker gets them with the page. */
export function fastModeRates(): FastRates {
  const out: FastRates = {};
  for (const [model, [i, o]] of Object.entries(FAST_FACTS)) {
    const input = getFact(i);
    const output = getFact(o);
    // The pair is as sure as its less sure half.
    const confidence = [input.confidence, output.confidence].find((c) => c !== 'confirmed') ?? 'confirmed';
    out[model] = { input: Number(input.value), output: Number(output.value), confidence };
  }
  return out;
}

/** A session over the full catalogue, priced by the same engine as `estimateCost` (plus the ends of ranged prices). */
export function createSession(): UsageSession {
  return new UsageSession({ index: catalogueIndex, price: rangedCostOf(catalogueIndex), webSearchUsdPer1000: webSearchUsdPer1000(), fastRates: fastModeRates() });
}

export function priceUsageFiles(files: { name: string; text: string }[]): UsageReport {
  const session = createSession();
  for (const f of files) {
    if (session.sameFileAgain(f.name, `${f.text.length}|${f.text.slice(0, 65536)}`)) continue;
    const p = session.file(f.name);
    p.push(f.text);
    p.end();
  }
  return session.report();
}
