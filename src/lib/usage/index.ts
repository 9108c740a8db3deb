/**
 * Entry point of the usage tool's logic: `priceUsageFiles` reads whole files (text) and re-prices them at catalogue
 * list prices with the pricing engine (`costOf`, behind `estimateCost`). The page's Web Worker runs the same session over streamed
 * chunks (src/lib/usage/worker.ts). Pure.
 */
import { catalogueIndex, getFact } from '../catalogue.ts';
import { rangedCostOf } from '../pricing-core.ts';
import { UsageSession } from './session.ts';
import type { UsageReport } from './types.ts';

export type { UsageReport } from './types.ts';
export { UsageSession } from './session.ts';

export function webSearchUsdPer1000(): number {
  return Number(getFact('serverTools.webSearchPer1000').value);
}

/** A session over the full catalogue, priced by the same engine as `estimateCost` (plus the ends of ranged prices). */
export function createSession(): UsageSession {
  return new UsageSession({ index: catalogueIndex, price: rangedCostOf(catalogueIndex), webSearchUsdPer1000: webSearchUsdPer1000() });
}

export function priceUsageFiles(files: { name: string; text: string }[]): UsageReport {
  const session = createSession();
  for (const f of files) {
    const p = session.file(f.name);
    p.push(f.text);
    p.end();
  }
  return session.report();
}
