// Circuit breaker, one per model or provider.
//
// closed:    calls go through; failures are counted over a sliding window.
// open:      after `failureThreshold` failures in `windowMs`, calls fail at once
//            without reaching the API, so a struggling model gets room to
//            recover and your callers can fall back straight away.
// half-open: after `cooldownMs`, one probe call is let through. Its success closes
//            the breaker; its failure opens it for another cooldown. Only the probe
//            can close it: a slow call admitted before the breaker opened that
//            succeeds afterwards is ignored.
import { isRetryable } from './retry.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold?: number;
  windowMs?: number;
  cooldownMs?: number;
  /** Which errors count. By default the ones that are the API's trouble (429, 5xx, 529, timeouts), not a 400 you sent. */
  isFailure?: (error: unknown) => boolean;
  now?: () => number;
}

export class CircuitOpenError extends Error {
  constructor(
    readonly key: string,
    readonly retryAt: number,
  ) {
    super(`circuit for ${key} is open until ${new Date(retryAt).toISOString()}`);
  }
}

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures: number[] = []; // times of recent failures
  #openedAt = 0;
  #probing = false;
  #generation = 0; // bumped each time the breaker opens
  readonly #threshold: number;
  readonly #windowMs: number;
  readonly #cooldownMs: number;
  readonly #isFailure: (error: unknown) => boolean;
  readonly #now: () => number;

  constructor(
    readonly key: string,
    { failureThreshold = 5, windowMs = 30_000, cooldownMs = 30_000, isFailure = isRetryable, now = Date.now }: BreakerOptions = {},
  ) {
    this.#threshold = failureThreshold;
    this.#windowMs = windowMs;
    this.#cooldownMs = cooldownMs;
    this.#isFailure = isFailure;
    this.#now = now;
  }

  get state(): BreakerState {
    return this.#state;
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    const now = this.#now();
    if (this.#state === 'open') {
      if (now - this.#openedAt < this.#cooldownMs) throw new CircuitOpenError(this.key, this.#openedAt + this.#cooldownMs);
      this.#state = 'half-open';
    }
    // Remember what each call was admitted as: a straggler admitted while closed must not
    // close (or re-open) a breaker that has opened since; only the half-open probe decides.
    let admitted: { probe: boolean; generation: number };
    if (this.#state === 'half-open') {
      // Only one probe at a time; everyone else keeps failing fast until it reports back.
      if (this.#probing) throw new CircuitOpenError(this.key, now);
      this.#probing = true;
      admitted = { probe: true, generation: this.#generation };
    } else {
      admitted = { probe: false, generation: this.#generation };
    }
    try {
      const result = await fn();
      this.#settle(admitted, false);
      return result;
    } catch (error) {
      // An error that is not the API's fault (a 400) still proves the API is answering.
      this.#settle(admitted, this.#isFailure(error));
      throw error;
    }
  }

  #settle(admitted: { probe: boolean; generation: number }, failed: boolean): void {
    if (admitted.generation !== this.#generation) return; // admitted before the breaker last opened: too late to count
    if (admitted.probe) {
      this.#probing = false;
      if (failed) this.#open();
      else {
        this.#failures = []; // the probe worked: start afresh
        this.#state = 'closed';
      }
      return;
    }
    if (!failed || this.#state !== 'closed') return;
    const now = this.#now();
    this.#failures = [...this.#failures.filter((t) => now - t < this.#windowMs), now];
    if (this.#failures.length >= this.#threshold) this.#open();
  }

  #open(): void {
    this.#state = 'open';
    this.#openedAt = this.#now();
    this.#generation++;
  }
}

/** One breaker per key, e.g. `breakers.get('anthropic:claude-opus-4-7')`. */
export class BreakerRegistry {
  #breakers = new Map<string, CircuitBreaker>();
  constructor(private readonly options: BreakerOptions = {}) {}
  get(key: string): CircuitBreaker {
    let breaker = this.#breakers.get(key);
    if (!breaker) this.#breakers.set(key, (breaker = new CircuitBreaker(key, this.options)));
    return breaker;
  }
}
