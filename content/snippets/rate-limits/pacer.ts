// Smooth bursts before they reach the API. The API enforces its per-minute limits as a token
// bucket that refills continuously, so 60 RPM can mean one request per second, not 60 at :00.
// This pacer spaces requests evenly and ramps a new workload up instead of switching it on.
export class Pacer {
  #nextSlot = 0;
  readonly #startedAt: number;

  constructor(
    private readonly targetPerMinute: number, // stay below your real limit (read it from the headers)
    private readonly rampMinutes = 10, // grow from 10% to 100% of the target over this time
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.#startedAt = now();
  }

  /** Current allowed rate: a linear ramp, so the acceleration limit never sees a step change. */
  ratePerMinute(): number {
    const elapsedMin = (this.now() - this.#startedAt) / 60_000;
    const share = Math.min(1, 0.1 + (0.9 * elapsedMin) / this.rampMinutes);
    return Math.max(1, this.targetPerMinute * share);
  }

  /** Resolves when the caller may send its next request. */
  async acquire(): Promise<void> {
    const interval = 60_000 / this.ratePerMinute();
    const t = this.now();
    const slot = Math.max(t, this.#nextSlot);
    this.#nextSlot = slot + interval;
    if (slot > t) await this.sleep(slot - t);
  }
}

/** Run jobs through the pacer with bounded concurrency. */
export async function paced<T>(pacer: Pacer, jobs: Array<() => Promise<T>>, concurrency = 8): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      if (!job) continue;
      await pacer.acquire();
      results[i] = await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}
