// Long generations: stream them. The SDK refuses a non-streaming call whose max_tokens suggests it
// could run past 10 minutes ("Streaming is required for operations that may take longer than
// 10 minutes"). Streaming keeps the connection busy with events, so nothing in between times it out,
// and finalMessage() still hands you one complete Message at the end.
import Anthropic from '@anthropic-ai/sdk';

export async function generateLongReport(client: Anthropic, model: string, prompt: string, maxTokens: number): Promise<Anthropic.Message> {
  const stream = client.messages.stream({
    model,
    max_tokens: maxTokens, // within the model's output limit (see /models/)
    messages: [{ role: 'user', content: prompt }],
  });
  const message = await stream.finalMessage();
  if (message.stop_reason === 'max_tokens') {
    console.warn(`report truncated at ${message.usage.output_tokens} output tokens`);
  }
  return message;
}

export function longOutputClient(): Anthropic {
  return new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
}
