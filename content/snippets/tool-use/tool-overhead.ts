import Anthropic from '@anthropic-ai/sdk';

export interface ToolOverhead {
  model: string;
  withoutTools: number;
  withTools: number;
  /** Tool definitions plus the tool-use system prompt the API adds for this model. */
  toolTokens: number;
}

/**
 * Measure what your tool definitions cost per request on each model. Run it in CI
 * for every model you route to; the same tools cost a different number of tokens
 * on each model (different tool-use system prompt, different tokenizer).
 */
export async function measureToolOverhead(
  models: readonly string[],
  tools: Anthropic.ToolUnion[],
  toolChoice: Anthropic.ToolChoice = { type: 'auto' },
): Promise<ToolOverhead[]> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'What is the status of order 1234?' }];
  const results: ToolOverhead[] = [];
  for (const model of models) {
    const base = await client.messages.countTokens({ model, messages });
    const full = await client.messages.countTokens({ model, messages, tools, tool_choice: toolChoice });
    results.push({
      model,
      withoutTools: base.input_tokens,
      withTools: full.input_tokens,
      toolTokens: full.input_tokens - base.input_tokens,
    });
  }
  return results;
}
