// Graceful degradation: when every model call fails, answer with something smaller and say so.
//
// Order: the full answer; a reduced live answer (a faster model, fewer tokens);
// the last good answer for the same question; a fixed message. Anything but the
// first is flagged `degraded` so the UI can label it and metrics can count it.
// A 400 is not degraded away: it is a bug in the request, and hiding it would
// keep it from being fixed.
import type Anthropic from '@anthropic-ai/sdk';
import { isRetryable } from './retry.ts';

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

export async function answerOrDegrade(client: Anthropic, params: Params, opts: DegradeOptions): Promise<Answer> {
  let reason: unknown;
  try {
    const text = textOf(await client.messages.create(params));
    opts.cache.set(opts.key, text); // remember the last good answer
    return { text, degraded: false, source: 'live' };
  } catch (error) {
    if (!isRetryable(error)) throw error;
    reason = error;
  }

  if (opts.reduced) {
    try {
      const text = textOf(await client.messages.create({ ...params, ...opts.reduced }));
      return { text, degraded: true, source: 'reduced', reason };
    } catch (error) {
      if (!isRetryable(error)) throw error;
    }
  }

  const cached = opts.cache.get(opts.key);
  if (cached !== undefined) return { text: cached, degraded: true, source: 'cache', reason };
  return { text: opts.fallbackText, degraded: true, source: 'fallback', reason };
}
