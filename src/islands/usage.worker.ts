/// <reference lib="webworker" />
/**
 * The usage tool's worker: streams each File (File.stream() → TextDecoderStream → the session's record splitter),
 * sums rows into buckets and posts progress, then the report. The page cancels by terminating the worker.
 */
import { closeMatches, createIndex, type PricingData } from '../lib/catalogue-index.ts';
import { rangedCostOf } from '../lib/pricing-core.ts';
import { UsageSession, type FastRates } from '../lib/usage/session.ts';

export type WorkerIn = { data: PricingData; webSearchUsdPer1000: number; fastRates: FastRates; files: File[]; pasted?: string };
export type WorkerOut =
  | { type: 'progress'; rows: number; bytes: number; totalBytes: number; file: string }
  | { type: 'done'; report: import('../lib/usage/types.ts').UsageReport; ms: number }
  | { type: 'error'; message: string };

const post = (m: WorkerOut) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkerIn>) => {
  const t0 = performance.now();
  try {
    const { data, webSearchUsdPer1000, fastRates, files, pasted } = e.data;
    const index = createIndex(data, closeMatches);
    const session = new UsageSession({ index, price: rangedCostOf(index), webSearchUsdPer1000, fastRates });
    const totalBytes = files.reduce((a, f) => a + f.size, 0) + (pasted?.length ?? 0);
    let bytes = 0;
    let last = 0;
    if (pasted !== undefined) {
      const p = session.file('pasted text');
      p.push(pasted);
      p.end();
      bytes += pasted.length;
    }
    for (const f of files) {
      const p = session.file(f.name);
      const reader = f.stream().pipeThrough(new TextDecoderStream()).getReader();
      let fileBytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        p.push(value);
        fileBytes += value.length;
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          post({ type: 'progress', rows: session.rows + session.skipped, bytes: bytes + Math.min(fileBytes, f.size), totalBytes, file: f.name });
        }
      }
      p.end();
      bytes += f.size;
    }
    post({ type: 'progress', rows: session.rows + session.skipped, bytes: totalBytes, totalBytes, file: '' });
    post({ type: 'done', report: session.report(), ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message || String(err) });
  }
};
