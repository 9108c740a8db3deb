// Retry with `retry-after`, jittered backoff and a retry budget.
//
// Build the client with `maxRetries: 0` when you use this: the SDK's own retry
// (on by default) cannot share a budget across calls. Errors are classified by
// the SDK's typed errors and `error.details.error_code`, never by a missing header.
import Anthropic, { APIError } from '@anthropic-ai/sdk';

/** Seconds in the `retry-after` header, as milliseconds; undefined when absent. */
export function retryAfterMs(err: APIError): number | undefined {
  const value = err.headers?.get('retry-after');
  if (value == null || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Spend caps: the tier's monthly cap (`enforced_spend_limit_reached`) and a
 * contract's (`contract_spend_limit_reached`). Both are 429s that no retry fixes
 * until the cap resets or is raised, so they are never retried. The SDK raises
 * them as typed errors; the code is checked too, for clients built without them.
 * A 429 without `retry-after` is NOT a spend cap: Bedrock's ThrottlingException
 * and Vertex's RESOURCE_EXHAUSTED reach the SDK exactly like that.
 */
export const SPEND_CAP_CODES: ReadonlySet<string> = new Set(['enforced_spend_limit_reached', 'contract_spend_limit_reached']);

export function isSpendCap(err: unknown): boolean {
  if (err instanceof Anthropic.EnforcedSpendLimitReachedError || err instanceof Anthropic.ContractSpendLimitReachedError) return true;
  return err instanceof APIError && err.status === 429 && err.errorCode !== null && SPEND_CAP_CODES.has(err.errorCode);
}

/**
 * A connection dropped while the body was being read. The SDK has already returned the response,
 * so this is not an APIConnectionError: Node's fetch throws `TypeError: terminated` with the socket
 * error (`UND_ERR_SOCKET`, `ECONNRESET`) as its cause.
 */
export function isConnectionDrop(err: unknown): boolean {
  const code = err instanceof TypeError ? (err.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && (code.startsWith('UND_ERR_') || code === 'ECONNRESET' || code === 'EPIPE');
}

/** True for failures that another attempt can fix; false for the caller's own mistakes and for spend caps. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof Anthropic.APIUserAbortError) return false; // we cancelled it ourselves
  if (err instanceof Anthropic.APIConnectionError || isConnectionDrop(err)) return true; // network error, reset mid-body, or timeout
  if (!(err instanceof APIError)) return false;
  if (err.status === undefined || err.status === 200) {
    // An `error` event inside a stream, after the HTTP 200: the body's error.type decides.
    return err.type === 'overloaded_error' || err.type === 'api_error' || err.type === 'rate_limit_error';
  }
  // Any other 429 is a throttle: a rate limit, a ramp limit (`ramp_limit_exceeded`, with retry-after),
  // or a cloud quota (Bedrock ThrottlingException, Vertex RESOURCE_EXHAUSTED, often without retry-after).
  if (err.status === 429) return !isSpendCap(err);
  // 408 and 5xx (500 api_error, 503 storage_not_ready, 504 timeout_error, 529 overloaded_error) are transient.
  // Every other 4xx (400, 401, 403, 404, 413…) fails the same way every time.
  return err.status === 408 || err.status >= 500;
}

/**
 * A retry budget shared by all calls: every call earns `ratio` of a retry and
 * every retry spends one, up to `cap` saved. During an outage this keeps
 * retries to about `ratio` of your traffic instead of multiplying it.
 */
export class RetryBudget {
  #balance: number;
  constructor(
    readonly ratio = 0.1,
    readonly cap = 10,
  ) {
    this.#balance = cap;
  }
  get balance(): number {
    return this.#balance;
  }
  earn(): void {
    this.#balance = Math.min(this.cap, this.#balance + this.ratio);
  }
  trySpend(): boolean {
    if (this.#balance < 1) return false;
    this.#balance -= 1;
    return true;
  }
}

export interface RetryOptions {
  /** Attempts per call, the first one included. */
  maxAttempts?: number;
  /** Backoff without `retry-after`: full jitter over base·2^n, capped (same start and cap as the SDK). */
  baseDelayMs?: number;
  maxBackoffMs?: number;
  /** If the API asks for a longer wait than this, fail now so the caller can fall back instead. */
  maxWaitMs?: number;
  budget?: RetryBudget;
  /** Injected for tests; defaults to real time and Math.random. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How long to wait before attempt `attempt + 1`, or undefined to give up. */
export function retryDelayMs(err: unknown, attempt: number, opts: RetryOptions = {}): number | undefined {
  const { baseDelayMs = 500, maxBackoffMs = 8_000, maxWaitMs = 60_000, random = Math.random } = opts;
  const asked = err instanceof APIError ? retryAfterMs(err) : undefined;
  if (asked !== undefined) {
    if (asked > maxWaitMs) return undefined;
    // Never earlier than asked; the jitter spreads out clients that were told the same time.
    return asked + random() * baseDelayMs;
  }
  return random() * Math.min(maxBackoffMs, baseDelayMs * 2 ** attempt);
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const { maxAttempts = 4, budget, sleep = realSleep } = opts;
  budget?.earn();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt + 1 >= maxAttempts) throw error;
      const delayMs = retryDelayMs(error, attempt, opts);
      if (delayMs === undefined) throw error;
      if (budget && !budget.trySpend()) throw error;
      opts.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** `messages.create` with the policy above. */
export function createWithRetry(
  client: Anthropic,
  params: Anthropic.MessageCreateParamsNonStreaming,
  opts: RetryOptions = {},
): Promise<Anthropic.Message> {
  return withRetry(() => client.messages.create(params), opts);
}
