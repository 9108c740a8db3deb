// Before sending a very long prompt: count it, compare with the model's real window
// (from GET /v1/models/{id}), and leave room for the reply.
import Anthropic from '@anthropic-ai/sdk';
import { getModelLimits } from './model-limits.ts';

export interface WindowCheck {
  model: string;
  promptTokens: number;
  maxInputTokens: number | null;
  maxTokens: number;
  fits: boolean;
}

export async function checkWindow(
  client: Anthropic,
  model: string,
  system: string,
  messages: Anthropic.MessageParam[],
  maxTokens: number,
): Promise<WindowCheck> {
  const [{ input_tokens: promptTokens }, limits] = await Promise.all([
    client.messages.countTokens({ model, system, messages }),
    getModelLimits(client, model),
  ]);
  const window = limits.maxInputTokens;
  return {
    model: limits.id,
    promptTokens,
    maxInputTokens: window,
    maxTokens,
    // Prompt and max_tokens share the window: check both.
    fits: window === null || promptTokens + maxTokens <= window,
  };
}

/** Pick the first model in order of preference whose window holds the request. */
export async function firstModelThatFits(
  models: string[],
  system: string,
  messages: Anthropic.MessageParam[],
  maxTokens: number,
): Promise<WindowCheck | undefined> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  for (const model of models) {
    const check = await checkWindow(client, model, system, messages, maxTokens);
    if (check.fits) return check;
  }
  return undefined; // nothing fits: split the document instead (see the context-windows chapter)
}
