// What to do with a failed Claude call: retry the same model, fall back, or stop.
//
// The rule: fall back only on errors about the API's capacity or health (429 from
// a rate limit, 529, 5xx, timeouts). An error about your request (400, 404, 413)
// fails the same way on every model and every cloud, so falling back only adds
// latency and cost. A spend cap (error_code enforced_spend_limit_reached or
// contract_spend_limit_reached) is a 429 that no model billed to the same
// organisation can serve; only a provider billed separately can. Classify by the
// SDK's typed errors and error codes, never by a missing retry-after header.
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { isConnectionDrop, isSpendCap, retryAfterMs } from '../../recipes/retry.ts';

export type Action =
  /** Transient: the same model will probably answer after a short wait. */
  | { kind: 'retry-same'; afterMs: number; reason: string }
  /** This model (or this whole provider) cannot answer now; the next route might. */
  | { kind: 'fall-back'; scope: 'model' | 'provider'; reason: string; alert: boolean }
  /** Every route would fail the same way: surface the error. */
  | { kind: 'stop'; reason: string; alert: boolean };

export interface Context {
  /** 0 for the first failure on this route, 1 for the second… */
  attempt: number;
  /** Time left before the caller's deadline. */
  remainingMs: number;
  /** The longest `retry-after` worth waiting for on the same model. */
  maxSameModelWaitMs?: number;
}

export function decide(err: unknown, { attempt, remainingMs, maxSameModelWaitMs = 2_000 }: Context): Action {
  if (err instanceof Anthropic.APIUserAbortError) return { kind: 'stop', reason: 'cancelled by the caller', alert: false };
  if (err instanceof Anthropic.APIConnectionTimeoutError) {
    // The model did not answer in time; waiting the same time again rarely helps.
    return { kind: 'fall-back', scope: 'model', reason: 'timeout', alert: false };
  }
  if (err instanceof Anthropic.APIConnectionError || isConnectionDrop(err)) {
    return attempt === 0
      ? { kind: 'retry-same', afterMs: 250, reason: 'connection error' }
      : { kind: 'fall-back', scope: 'provider', reason: 'repeated connection errors', alert: true };
  }
  if (!(err instanceof APIError)) return { kind: 'stop', reason: 'not an API error (a bug in our code?)', alert: true };

  if (err.status === undefined || err.status === 200) {
    // An `error` event inside a stream, after the HTTP 200: error.type decides.
    if (err.type === 'overloaded_error') return { kind: 'fall-back', scope: 'model', reason: 'overloaded mid-stream', alert: false };
    if (err.type === 'api_error' && attempt === 0) return { kind: 'retry-same', afterMs: 500, reason: 'api_error mid-stream' };
    return { kind: 'stop', reason: `stream error ${err.type ?? 'unknown'}`, alert: true };
  }

  switch (err.status) {
    case 429: {
      if (isSpendCap(err)) {
        // enforced_spend_limit_reached / contract_spend_limit_reached: every model billed to this
        // organisation fails until the cap resets or is raised; only a separately billed provider can serve.
        return { kind: 'fall-back', scope: 'provider', reason: `spend cap reached (${err.errorCode})`, alert: true };
      }
      // A rate limit, a ramp limit (ramp_limit_exceeded) or a cloud quota (Bedrock ThrottlingException,
      // Vertex RESOURCE_EXHAUSTED, which carry no retry-after): a throttle of this model's pool, never the cap.
      const wait = retryAfterMs(err);
      if (attempt === 0 && wait !== undefined && wait <= Math.min(maxSameModelWaitMs, remainingMs)) {
        return { kind: 'retry-same', afterMs: wait, reason: `${err.errorCode ?? 'rate limited'}, short retry-after` };
      }
      // Rate limits are per model pool: another model's pool is probably not empty.
      return { kind: 'fall-back', scope: 'model', reason: err.errorCode ?? 'rate limited', alert: false };
    }
    case 503:
      if (err.errorCode === 'storage_not_ready') {
        // The workspace is still being connected to its storage: every model in it fails the same way for a few minutes.
        return attempt === 0 && remainingMs > 5_000
          ? { kind: 'retry-same', afterMs: 5_000, reason: 'storage_not_ready' }
          : { kind: 'fall-back', scope: 'provider', reason: 'storage_not_ready', alert: false };
      }
      return { kind: 'fall-back', scope: 'model', reason: 'HTTP 503', alert: false };
    case 529:
      return { kind: 'fall-back', scope: 'model', reason: 'overloaded', alert: false };
    case 500:
    case 408:
    case 409:
      return attempt === 0
        ? { kind: 'retry-same', afterMs: 500, reason: `HTTP ${err.status}` }
        : { kind: 'fall-back', scope: 'model', reason: `repeated HTTP ${err.status}`, alert: false };
    case 401:
    case 403:
      return { kind: 'stop', reason: 'credentials or permissions: fix the key, do not mask it', alert: true };
    case 402:
      return { kind: 'fall-back', scope: 'provider', reason: 'billing problem on this provider', alert: true };
    case 404:
      // A wrong or retired model id is a config bug; falling back would hide it until the bill arrives.
      return { kind: 'stop', reason: 'model or path not found', alert: true };
    default:
      if (err.status >= 500) return { kind: 'fall-back', scope: 'model', reason: `HTTP ${err.status}`, alert: false };
      // 400, 413 and every other 4xx: the request itself is wrong and fails everywhere.
      return { kind: 'stop', reason: `HTTP ${err.status}: the request is invalid on every model`, alert: false };
  }
}
