// Tell apart the failures that look alike: your own rate limit, a ramp (acceleration) limit, a
// cloud quota, a spend cap (a 429 that no retry will fix), and 529 overload (not your quota at all).
// It decides with the same rules as the retry recipe (isSpendCap), by error code, never by a missing header.
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { isSpendCap } from '../../recipes/retry.ts';

export type Throttle =
  | { kind: 'spend-cap'; retry: false; code: string } // wait for the reset (1st of the month) or raise the limit
  | { kind: 'acceleration'; retry: true; afterSeconds: number | null } // ramp traffic up more slowly
  | { kind: 'rate-limit'; retry: true; afterSeconds: number | null; window: string | null }
  | { kind: 'cloud-quota'; retry: true; cloud: 'bedrock' | 'vertex' } // Bedrock ThrottlingException, Vertex RESOURCE_EXHAUSTED
  | { kind: 'overloaded'; retry: true } // capacity across all users: back off or change model
  | { kind: 'not-a-throttle'; retry: false };

/** Which limit ran out: the first window whose remaining count is zero. */
function exhaustedWindow(headers: Headers): string | null {
  for (const family of ['requests', 'input-tokens', 'output-tokens', 'tokens']) {
    if (headers.get(`anthropic-ratelimit-${family}-remaining`) === '0') return family;
  }
  return null;
}

/** Bedrock names the exception in a header; Vertex puts a Google status in the body. */
function cloudQuota(err: APIError): 'bedrock' | 'vertex' | null {
  if (err.headers?.get('x-amzn-errortype')?.startsWith('ThrottlingException')) return 'bedrock';
  const body = err.error as { error?: { status?: unknown } } | undefined;
  return body?.error?.status === 'RESOURCE_EXHAUSTED' ? 'vertex' : null;
}

export function classifyThrottle(err: unknown): Throttle {
  if (!(err instanceof APIError)) return { kind: 'not-a-throttle', retry: false };
  if (err.status === 529 || err.type === 'overloaded_error') return { kind: 'overloaded', retry: true };
  if (err.status !== 429 || err.headers === undefined) return { kind: 'not-a-throttle', retry: false };

  if (isSpendCap(err)) return { kind: 'spend-cap', retry: false, code: err.errorCode ?? 'spend limit' };
  const retryAfter = err.headers.get('retry-after');
  const afterSeconds = retryAfter === null || !Number.isFinite(Number(retryAfter)) ? null : Number(retryAfter);
  if (err instanceof Anthropic.RampLimitExceededError || err.errorCode === 'ramp_limit_exceeded') {
    return { kind: 'acceleration', retry: true, afterSeconds };
  }
  const cloud = cloudQuota(err);
  if (cloud) return { kind: 'cloud-quota', retry: true, cloud };
  return { kind: 'rate-limit', retry: true, afterSeconds, window: exhaustedWindow(err.headers) };
}
