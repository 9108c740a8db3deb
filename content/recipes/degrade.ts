// Graceful degradation: when every model call fails, answer with something smaller and say so.
//
// Order: the full answer; a reduced live answer (a faster model, fewer tokens);
// the last good answer for the same question; a fixed message. Anything but the
// first is flagged `degraded` so the UI can label it and metrics can count it.
// A spend cap is degraded (nothing live answers until it resets); a refusal or a
// max_tokens truncation is never served as the full answer nor cached as the last
// good one. A 400 is not degraded away: it is a bug in the request, and hiding it would
// keep it from being fixed.
import type Anthropic from '@anthropic-ai/sdk';
import { FALLBACK_CREDIT_BETA, RefusalError, isCompleteAnswer, isRefusal, withFallbackCredit } from './refusal.ts';
import { isRetryable, isSpendCap } from './retry.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

export interface AnswerCache {
  get(key: string): string | undefined;
  set(key: string, text: string): void;
}

export interface DegradeOptions {
  /** Key for the cache, e.g. a hash of the normalised question. */
  key: string;
  cache: AnswerCache;
  /** The cheaper request to try when the full one fails, e.g. Haiku with a small max_tokens. */
  reduced?: Partial<Params>;
  /** Last resort, e.g. "Summaries are unavailable right now; the full document is below." */
  fallbackText: string;
  /** Per live request; the default is 30 s, not the SDK's 10 minutes. */
  timeoutMs?: number;
}

export interface Answer {
  text: string;
  degraded: boolean;
  source: 'live' | 'reduced' | 'cache' | 'fallback';
  /** Why we degraded: the error of the full request. */
  reason?: unknown;
}

const textOf = (m: Anthropic.Message): string =>
  m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');

/** Degrade on the API's trouble and on spend caps (nothing live will answer until the cap resets); not on a 400. */
export function shouldDegrade(error: unknown): boolean {
  return isRetryable(error) || isSpendCap(error);
}

export async function answerOrDegrade(client: Anthropic, params: Params, opts: DegradeOptions): Promise<Answer> {
  // Degrading is for when waiting does not help: no SDK retries, and a deadline the caller can bear.
  const request = { timeout: opts.timeoutMs ?? 30_000, maxRetries: 0, headers: { 'anthropic-beta': FALLBACK_CREDIT_BETA } };
  let reason: unknown;
  let refused: Anthropic.Message | undefined;
  try {
    const message = await client.messages.create(params, request);
    if (isCompleteAnswer(message)) {
      const text = textOf(message);
      opts.cache.set(opts.key, text); // remember the last good answer: never a refusal or a truncation
      return { text, degraded: false, source: 'live' };
    }
    // A refusal or a max_tokens cut: not an answer to serve as if it were whole, nor to cache.
    if (isRefusal(message)) refused = message;
    reason = isRefusal(message) ? new RefusalError(message, params.model) : new Error(`incomplete answer: ${message.stop_reason}`);
  } catch (error) {
    if (!shouldDegrade(error)) throw error;
    reason = error;
  }

  if (opts.reduced) {
    try {
      const message = await client.messages.create(withFallbackCredit({ ...params, ...opts.reduced }, refused), request);
      if (isCompleteAnswer(message)) return { text: textOf(message), degraded: true, source: 'reduced', reason };
    } catch (error) {
      if (!shouldDegrade(error)) throw error;
    }
  }

  const cached = opts.cache.get(opts.key);
  if (cached !== undefined) return { text: cached, degraded: true, source: 'cache', reason };
  return { text: opts.fallbackText, degraded: true, source: 'fallback', reason };
}
