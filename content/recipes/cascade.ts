// Model cascade: when a model is overloaded, slow, out of rate limit, or declines the request, ask the next one.
//
// Rate limits are per model pool, and overload is often per model, so the next
// model can answer while the first cannot. A refusal (HTTP 200, `stop_reason:
// "refusal"`) goes to the next model too, with the refusal's fallback credit so the
// retry does not pay the cache writes twice. A 400 is different: the request is
// wrong and every model would reject it, so the cascade fails fast. So does a
// spend cap, which covers the whole organisation.
import Anthropic from '@anthropic-ai/sdk';
import { FALLBACK_CREDIT_BETA, RefusalError, isRefusal, withFallbackCredit } from './refusal.ts';
import { isRetryable } from './retry.ts';
import { modelId } from './routing.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

/** One model in the cascade, with what must change for it (e.g. a lower max_tokens, no effort). */
export type Step = { model: string } & Partial<Omit<Params, 'model' | 'messages'>>;

// Strongest first, today's models.
export const opusSonnetHaiku: Step[] = [{ model: modelId('opus-5-5') }, { model: modelId('sonnet-5-5') }, { model: modelId('haiku-5-5') }];

export interface Failure {
  model: string;
  /** The error, or a RefusalError when the model declined. */
  error: unknown;
}

export interface CascadeResult {
  message: Anthropic.Message;
  /** The model that answered: log it, and show it when the answer is not from your first choice. */
  model: string;
  failures: Failure[];
}

export class CascadeExhaustedError extends Error {
  constructor(readonly failures: Failure[]) {
    super(`every model failed: ${failures.map((f) => `${f.model} (${String(f.error)})`).join('; ')}`);
  }
}

export async function cascade(
  client: Anthropic,
  steps: readonly Step[],
  params: Omit<Params, 'model'>,
  // Per step. A non-streaming call must hold the whole answer, so size this to your longest legitimate
  // output (or stream); a timeout that is too short cascades good answers to a smaller model and pays twice.
  { timeoutMs = 120_000 }: { timeoutMs?: number } = {},
): Promise<CascadeResult> {
  const failures: Failure[] = [];
  let refused: Anthropic.Message | undefined;
  for (const step of steps) {
    try {
      const body = withFallbackCredit({ ...params, ...step }, refused);
      const message = await client.messages.create(body, {
        timeout: timeoutMs,
        maxRetries: 0,
        headers: { 'anthropic-beta': FALLBACK_CREDIT_BETA },
      });
      if (isRefusal(message)) {
        refused = message;
        failures.push({ model: step.model, error: new RefusalError(message, step.model) });
        continue;
      }
      return { message, model: step.model, failures };
    } catch (error) {
      if (!isRetryable(error)) throw error; // 400, 404, spend cap…: the next model would fail the same way
      failures.push({ model: step.model, error });
    }
  }
  throw new CascadeExhaustedError(failures);
}
