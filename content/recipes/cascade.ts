// Model cascade: when a model is overloaded, slow or out of rate limit, ask the next one.
//
// Rate limits are per model pool, and overload is often per model, so the next
// model can answer while the first cannot. A 400 is different: the request is
// wrong and every model would reject it, so the cascade fails fast. So does the
// monthly spend cap, which covers the whole organisation.
import Anthropic from '@anthropic-ai/sdk';
import { isRetryable } from './retry.ts';
import { modelId } from './routing.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

/** One model in the cascade, with what must change for it (e.g. a lower max_tokens, no effort). */
export type Step = { model: string } & Partial<Omit<Params, 'model' | 'messages'>>;

// Strongest first. Haiku 4.5 rejects `output_config.effort`, so its step drops it.
export const opusSonnetHaiku: Step[] = [
  { model: modelId('opus-4-7') },
  { model: modelId('sonnet-4-6') },
  { model: modelId('haiku-4-5'), output_config: undefined },
];

export interface Failure {
  model: string;
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
  // A short timeout per step: a model that has not answered by then is treated like an overloaded one.
  { timeoutMs = 60_000 }: { timeoutMs?: number } = {},
): Promise<CascadeResult> {
  const failures: Failure[] = [];
  for (const step of steps) {
    try {
      const message = await client.messages.create({ ...params, ...step }, { timeout: timeoutMs, maxRetries: 0 });
      return { message, model: step.model, failures };
    } catch (error) {
      if (!isRetryable(error)) throw error; // 400, 404, spend cap…: the next model would fail the same way
      failures.push({ model: step.model, error });
    }
  }
  throw new CascadeExhaustedError(failures);
}
