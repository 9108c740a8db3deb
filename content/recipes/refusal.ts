// Refusals: on current models (Opus 5.5, Sonnet 5.5, Haiku 5.5, Fable 5.x, Opus 5) a safety
// classifier can decline a request with HTTP 200 and `stop_reason: "refusal"`, not an error.
// A recipe that returns such a message as "the answer", or caches it, serves an empty reply.
//
// Anthropic offers three fixes (platform.claude.com/docs/en/build-with-claude/refusals-and-fallback):
// server-side `fallbacks` (beta), the SDK's `betaRefusalFallbackMiddleware`, or a retry of your own
// on another model that echoes `stop_details.fallback_credit_token`, so the retry does not pay the
// cache writes again (fallback credit, beta header below; the token expires 5 minutes after the refusal).
import type Anthropic from '@anthropic-ai/sdk';

/** Send on every request that may be refused, so a refusal carries a credit token. */
export const FALLBACK_CREDIT_BETA = 'fallback-credit-2026-07-01';

export function isRefusal(message: Anthropic.Message): boolean {
  return message.stop_reason === 'refusal';
}

/** The credit token of a refusal, or null (older models, no beta header, or not eligible). */
export function fallbackCreditToken(message: Anthropic.Message): string | null {
  const token = (message.stop_details as { fallback_credit_token?: unknown } | null | undefined)?.fallback_credit_token;
  return typeof token === 'string' && token !== '' ? token : null;
}

/** Thrown where a recipe has no other model left to try after a refusal. */
export class RefusalError extends Error {
  constructor(
    readonly refused: Anthropic.Message,
    readonly model: string,
  ) {
    super(`${model} declined the request (category: ${refused.stop_details?.category ?? 'none given'})`);
  }
}

/** Safe to serve and to cache as a good answer: finished normally and says something. Not refused, not cut off at max_tokens. */
export function isCompleteAnswer(message: Anthropic.Message): boolean {
  const finished = message.stop_reason === 'end_turn' || message.stop_reason === 'stop_sequence' || message.stop_reason === 'tool_use';
  return finished && message.content.length > 0;
}

/** Request body for a retry after `refused`: the same body with the credit token (best effort: served even if it cannot be redeemed). */
export function withFallbackCredit<P extends object>(
  params: P,
  refused: Anthropic.Message | undefined,
): P & { fallback_credit_token?: { token: string; mode: 'best_effort' } } {
  const token = refused ? fallbackCreditToken(refused) : null;
  return token ? { ...params, fallback_credit_token: { token, mode: 'best_effort' } } : params;
}
