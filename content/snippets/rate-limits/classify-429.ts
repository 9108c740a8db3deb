// Tell apart the failures that look alike: your own rate limit, an acceleration (ramp) limit,
// the monthly spend cap (a 429 that no retry will fix), and 529 overload (not your quota at all).
import { APIError } from '@anthropic-ai/sdk';

export type Throttle =
  | { kind: 'spend-cap'; retry: false } // wait for the 1st of the month or move tier
  | { kind: 'acceleration'; retry: true; afterSeconds: number | null } // ramp traffic up more slowly
  | { kind: 'rate-limit'; retry: true; afterSeconds: number | null; window: string | null }
  | { kind: 'overloaded'; retry: true } // capacity across all users: back off or change model
  | { kind: 'not-a-throttle'; retry: false };

function errorCode(err: APIError): string | null {
  // SDK 1.x exposes error.details.error_code as `errorCode`; read the body for older clients.
  if (err.errorCode) return err.errorCode;
  const body = err.error as { error?: { details?: { error_code?: unknown } } } | undefined;
  const code = body?.error?.details?.error_code;
  return typeof code === 'string' ? code : null;
}

/** Which limit ran out: the first window whose remaining count is zero. */
function exhaustedWindow(headers: Headers): string | null {
  for (const family of ['requests', 'input-tokens', 'output-tokens', 'tokens']) {
    if (headers.get(`anthropic-ratelimit-${family}-remaining`) === '0') return family;
  }
  return null;
}

export function classifyThrottle(err: unknown): Throttle {
  if (!(err instanceof APIError)) return { kind: 'not-a-throttle', retry: false };
  if (err.status === 529 || err.type === 'overloaded_error') return { kind: 'overloaded', retry: true };
  if (err.status !== 429 || err.headers === undefined) return { kind: 'not-a-throttle', retry: false };

  const code = errorCode(err);
  const retryAfter = err.headers.get('retry-after');
  const afterSeconds = retryAfter === null ? null : Number(retryAfter);

  if (code === 'enforced_spend_limit_reached') return { kind: 'spend-cap', retry: false };
  if (code === 'ramp_limit_exceeded') return { kind: 'acceleration', retry: true, afterSeconds };
  if (retryAfter === null && code !== null) {
    // Any other coded 429 without retry-after (for example a contract spend limit) will not clear by itself.
    return { kind: 'spend-cap', retry: false };
  }
  return { kind: 'rate-limit', retry: true, afterSeconds, window: exhaustedWindow(err.headers) };
}
