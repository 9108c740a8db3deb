/// <reference lib="webworker" />
/**
 * The usage tool's worker: streams each File (File.stream() → TextDecoderStream → the session's record splitter),
 * sums rows into buckets and posts progress, then the report.
 *
 * The page starts this worker as soon as it has loaded and keeps it for every analysis, so reading a file fetches
 * nothing (and works offline). A run stops when the page sends `cancel`, or a newer `run`, at its next chunk.
 */
import { closeMatches, createIndex, type PricingData } from '../lib/catalogue-index.ts';
import { rangedCostOf } from '../lib/pricing-core.ts';
import { UsageSession, type FastRates } from '../lib/usage/session.ts';

export type WorkerIn =
  | { type: 'run'; id: number; data: PricingData; webSearchUsdPer1000: number; fastRates: FastRates; files: File[]; pasted?: string }
  | { type: 'cancel'; id: number };
export type WorkerOut =
  | { type: 'progress'; id: number; rows: number; bytes: number; totalBytes: number; file: string }
  | { type: 'done'; id: number; report: import('../lib/usage/types.ts').UsageReport; ms: number }
  | { type: 'error'; id: number; message: string };

const post = (m: WorkerOut) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

let active = 0;

/** One file's failure is reported against that file; the others still count. */
function fileFailed(session: UsageSession, name: string, err: unknown): void {
  const why = err instanceof RangeError ? 'it is nested or repeated beyond what a usage export holds' : (err as Error)?.message || String(err);
  session.warn(`${name}: reading stopped (${why}). Rows read from it before that point are counted; the other files are not affected.`);
}

async function run(m: Extract<WorkerIn, { type: 'run' }>): Promise<void> {
  const t0 = performance.now();
  const { id, data, webSearchUsdPer1000, fastRates, files, pasted } = m;
  const index = createIndex(data, closeMatches);
  const session = new UsageSession({ index, price: rangedCostOf(index), webSearchUsdPer1000, fastRates });
  const totalBytes = files.reduce((a, f) => a + f.size, 0) + (pasted?.length ?? 0);
  let bytes = 0;
  let last = 0;
  if (pasted !== undefined) {
    try {
      const p = session.file('pasted text');
      p.push(pasted);
      p.end();
    } catch (err) {
      fileFailed(session, 'The pasted text', err);
    }
    bytes += pasted.length;
  }
  for (const f of files) {
    // A copy of a file already read (dropped twice, or saved twice under two names): its size and its first 64 kB.
    if (session.sameFileAgain(f.name, `${f.size}|${await f.slice(0, 65_536).text()}`)) {
      bytes += f.size;
      continue;
    }
    const reader = f.stream().pipeThrough(new TextDecoderStream()).getReader();
    try {
      const p = session.file(f.name);
      let fileBytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        // Cancelled, or replaced by a newer run: the page has already moved on, so nothing is posted.
        if (active !== id) {
          await reader.cancel();
          return;
        }
        if (done) break;
        p.push(value);
        fileBytes += value.length;
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          post({ type: 'progress', id, rows: session.rows + session.skipped, bytes: bytes + Math.min(fileBytes, f.size), totalBytes, file: f.name });
        }
      }
      p.end();
    } catch (err) {
      fileFailed(session, f.name, err);
      await reader.cancel().catch(() => undefined);
    }
    bytes += f.size;
  }
  post({ type: 'progress', id, rows: session.rows + session.skipped, bytes: totalBytes, totalBytes, file: '' });
  post({ type: 'done', id, report: session.report(), ms: performance.now() - t0 });
}

self.onmessage = (e: MessageEvent<WorkerIn>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    if (active === m.id) active = 0;
    return;
  }
  active = m.id;
  run(m).catch((err) => post({ type: 'error', id: m.id, message: (err as Error)?.message || String(err) }));
};
