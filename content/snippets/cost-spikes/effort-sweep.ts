// How much of the output bill is thinking, and what does lowering effort buy? Run a sample of one
// task's real prompts at each effort level and compare thinking tokens, output tokens and answers.
import Anthropic from '@anthropic-ai/sdk';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface SweepRow {
  effort: Effort;
  prompt: number;
  outputTokens: number;
  thinkingTokens: number;
  answer: string; // grade these with your eval before choosing a level
}

export async function effortSweep(
  client: Anthropic,
  model: string, // a model that accepts effort: see the effort column on /models/
  prompts: string[],
  levels: Effort[] = ['low', 'medium', 'high'],
  maxTokens = 8_000,
): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  for (const effort of levels) {
    for (const [i, prompt] of prompts.entries()) {
      const message = await client.messages.create({
        model,
        max_tokens: maxTokens,
        output_config: { effort },
        messages: [{ role: 'user', content: prompt }],
      });
      rows.push({
        effort,
        prompt: i,
        outputTokens: message.usage.output_tokens,
        thinkingTokens: message.usage.output_tokens_details?.thinking_tokens ?? 0,
        answer: message.content.map((b) => (b.type === 'text' ? b.text : '')).join(''),
      });
    }
  }
  return rows;
}
