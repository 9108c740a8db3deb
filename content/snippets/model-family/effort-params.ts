// Build effort and thinking parameters that the chosen model accepts, from the
// capabilities the Models API reports, so a model change never turns into a 400.
import Anthropic from '@anthropic-ai/sdk';
import { getModelLimits, type Effort } from './model-limits.ts';

const ORDER: Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

export interface ReasoningParams {
  output_config?: { effort: Effort };
  thinking?: Anthropic.ThinkingConfigParam;
}

export async function reasoningParams(
  client: Anthropic,
  model: string,
  wanted: Effort,
  thinkingBudget = 8_000,
): Promise<ReasoningParams> {
  const limits = await getModelLimits(client, model);
  const params: ReasoningParams = {};

  // Effort: use the wanted level, else the nearest lower level the model has;
  // omit it on models that reject effort altogether (Haiku 4.5, Sonnet 4.5).
  const candidates = ORDER.slice(0, ORDER.indexOf(wanted) + 1).reverse();
  const effort = candidates.find((level) => limits.effortLevels.includes(level));
  if (effort) params.output_config = { effort };

  // Thinking: adaptive where supported (the only mode on Opus 4.7 and later),
  // a fixed budget on models that only have extended thinking.
  if (limits.adaptiveThinking) {
    params.thinking = { type: 'adaptive' };
  } else if (limits.budgetThinking) {
    params.thinking = { type: 'enabled', budget_tokens: thinkingBudget };
  }
  return params;
}

export async function ask(model: string, prompt: string, wanted: Effort): Promise<string> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const message = await client.messages.create({
    model,
    max_tokens: 16_000, // must stay above a thinking budget_tokens
    messages: [{ role: 'user', content: prompt }],
    ...(await reasoningParams(client, model, wanted)),
    // No temperature/top_p/top_k: the current API version rejects them on every model, and Opus 4.7+ on any version.
  });
  return message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
}
