// Shallow answers on multi-step problems: let the model think before it answers.
// Haiku 5.5, Sonnet 5.5, Opus 5.5 and the 4.6+ models take adaptive thinking, steered by effort; the
// older Haiku 4.5 and Opus 4.5 (and the retired Sonnet 4.5) have only extended thinking with a fixed budget.
import Anthropic from '@anthropic-ai/sdk';

export async function solve(problem: string, model: string): Promise<{ answer: string; thinkingTokens: number }> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const budgetOnly = ['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-5'].some((p) => model.startsWith(p));
  const message = await client.messages.create({
    model,
    // Thinking counts toward max_tokens: leave room for the answer after it.
    max_tokens: 12_000,
    messages: [{ role: 'user', content: problem }],
    ...(budgetOnly
      ? { thinking: { type: 'enabled' as const, budget_tokens: 8_000 } }
      : { thinking: { type: 'adaptive' as const }, output_config: { effort: 'high' as const } }),
  });
  return {
    answer: message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(''),
    // What the thinking cost you, for the eval's cost column.
    thinkingTokens: message.usage.output_tokens_details?.thinking_tokens ?? 0,
  };
}
