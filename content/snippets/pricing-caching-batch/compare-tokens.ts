// Same text, two models: how many more tokens does the newer tokenizer count?
// count_tokens counts the prompt without running the model.
import Anthropic from '@anthropic-ai/sdk';

export async function tokenRatio(
  system: string,
  messages: Anthropic.MessageParam[],
  oldModel = 'claude-sonnet-4-6',
  newModel = 'claude-sonnet-5-5',
): Promise<{ old: number; new: number; ratio: number }> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const [a, b] = await Promise.all([
    client.messages.countTokens({ model: oldModel, system, messages }),
    client.messages.countTokens({ model: newModel, system, messages }),
  ]);
  return { old: a.input_tokens, new: b.input_tokens, ratio: b.input_tokens / a.input_tokens };
}
