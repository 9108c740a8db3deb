import Anthropic from '@anthropic-ai/sdk';
import { getModelLimits } from './preflight.ts';

/**
 * Shrink max_tokens so that prompt + max_tokens fits the window and max_tokens
 * never exceeds the model's output cap. Returns null when there is not enough
 * room left for a useful answer (then compact or chunk instead).
 */
export async function fitMaxTokens(
  client: Anthropic,
  params: Anthropic.MessageCreateParamsNonStreaming,
  minUsefulOutput = 1024,
): Promise<Anthropic.MessageCreateParamsNonStreaming | null> {
  const limits = await getModelLimits(client, params.model);
  const { input_tokens } = await client.messages.countTokens({
    model: params.model,
    messages: params.messages,
    system: params.system,
    tools: params.tools,
    tool_choice: params.tool_choice,
    thinking: params.thinking,
  });
  const room = limits.contextWindow - input_tokens;
  const maxTokens = Math.min(params.max_tokens, limits.maxOutput, room);
  if (maxTokens < minUsefulOutput) return null;
  // With manual extended thinking, budget_tokens must stay below max_tokens.
  if (params.thinking?.type === 'enabled' && params.thinking.budget_tokens >= maxTokens) {
    return { ...params, max_tokens: maxTokens, thinking: { ...params.thinking, budget_tokens: maxTokens - minUsefulOutput } };
  }
  return { ...params, max_tokens: maxTokens };
}
