// A refusal is an HTTP 200 with stop_reason "refusal": nothing throws, so code that only catches errors
// returns it as an answer. Detect it, then let another model answer: server-side first, the SDK
// middleware where that is not available. The beta names are those of @anthropic-ai/sdk 1.16.
import Anthropic, { BetaFallbackState, betaRefusalFallbackMiddleware } from '@anthropic-ai/sdk';

export const SERVER_SIDE_FALLBACK_BETA = 'server-side-fallback-2026-07-01';

/** A refused response is never an answer, even when it carries partial text. */
export function isRefusal(message: { stop_reason: string | null }): boolean {
  return message.stop_reason === 'refusal';
}

/** Which model produced the answer: a fallback leaves a `fallback_message` entry in usage.iterations. */
export function servedBy(message: Anthropic.Beta.BetaMessage): string {
  const hop = message.usage.iterations?.find((i) => i.type === 'fallback_message');
  return hop && 'model' in hop ? hop.model : message.model;
}

// 1. Server-side (Claude API, and Claude on Google Cloud when Anthropic manages it): the API retries a
//    declined request on the model Anthropic recommends for the refusal category, in the same round trip,
//    and bills the retry with fallback credit. On a model without fallbacks the request simply runs alone.
export async function askWithServerFallback(
  client: Anthropic,
  params: Omit<Anthropic.Beta.MessageCreateParamsNonStreaming, 'betas' | 'fallbacks'>,
): Promise<{ message: Anthropic.Beta.BetaMessage; answeredBy: string }> {
  const message = await client.beta.messages.create({ ...params, betas: [SERVER_SIDE_FALLBACK_BETA], fallbacks: 'default' });
  if (isRefusal(message)) {
    // Every hop declined, or the fallback could not run (its pool exhausted or overloaded):
    // recommended_model then names a model to try yourself.
    const details = message.stop_details;
    const hint = details?.type === 'refusal' ? details.recommended_model : null;
    throw new Error(`refused (${details?.category ?? 'no category'})${hint ? `; retry on ${hint}` : ''}`);
  }
  return { message, answeredBy: servedBy(message) };
}

// 2. Client-side, for platforms without server-side fallbacks: the SDK middleware retries a refusal down your
//    own chain, passing the refusal's fallback credit token so the retry does not pay the cache writes again.
//    Tokens come only under the fallback-credit beta (the middleware sends fallback-credit-2026-07-01 unless
//    `betas` says otherwise), and a streamed refusal without a token is not retried: onError reports it.
export function clientWithRefusalFallback(
  fallbackModels: string[],
  onError: (why: string) => void = (why) => console.warn(`refusal not retried: ${why}`),
): Anthropic {
  return new Anthropic({
    middleware: [
      betaRefusalFallbackMiddleware(
        fallbackModels.map((model) => ({ model })),
        { onError: (e) => onError(`${e.kind}: ${e.message}`) },
      ),
    ],
  });
}

/** One state per conversation pins its later turns to the model that accepted, instead of refusing again. */
export async function askInConversation(
  client: Anthropic,
  state: BetaFallbackState,
  params: Anthropic.Beta.MessageCreateParamsNonStreaming,
): Promise<Anthropic.Beta.BetaMessage> {
  const message = await client.beta.messages.create(params, { fallbackState: state });
  if (isRefusal(message)) throw new Error('refused by every model in the chain');
  return message;
}

// Example: Sonnet 5.5 first; if it declines, Opus 5.5 answers in the same conversation.
export async function example(question: string): Promise<string> {
  const client = clientWithRefusalFallback(['claude-opus-5-5']);
  const state = new BetaFallbackState();
  const message = await askInConversation(client, state, {
    model: 'claude-sonnet-5-5',
    max_tokens: 2_048,
    messages: [{ role: 'user', content: question }],
  });
  return message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
}
