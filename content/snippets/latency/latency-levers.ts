// The two request-level latency levers: fewer output tokens (a tight max_tokens plus an instruction
// to be brief) and lower effort. Both cut cost too. Check quality on your eval set before shipping.
import Anthropic from '@anthropic-ai/sdk';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface FastCallOptions {
  model: string;
  maxTokens: number; // size it from the p99 of real output lengths for this task, not the model maximum
  effort?: Effort; // Opus, Sonnet and Haiku 5.5 take it; omit it for Haiku 4.5, which rejects it
}

export function fastParams(opts: FastCallOptions, prompt: string): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model: opts.model,
    max_tokens: opts.maxTokens,
    system: 'Answer in at most three sentences. No preamble.',
    messages: [{ role: 'user', content: prompt }],
    ...(opts.effort ? { output_config: { effort: opts.effort } } : {}),
  };
}

export async function classifyTicket(client: Anthropic, ticket: string): Promise<string> {
  const message = await client.messages.create(
    fastParams({ model: 'claude-haiku-5-5', maxTokens: 200, effort: 'low' }, `Classify this ticket:\n\n${ticket}`),
  );
  if (message.stop_reason === 'max_tokens') console.warn('answer cut off: raise maxTokens for this task');
  return message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}
