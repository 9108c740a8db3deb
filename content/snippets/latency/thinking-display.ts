// With adaptive thinking, Opus 4.7 by default does not send you the thinking text
// (display "omitted"): a stream goes quiet until the first text token, which users read as a hang.
// Ask for summarized thinking and show it (or just a "thinking…" indicator driven by its deltas).
import Anthropic from '@anthropic-ai/sdk';

export async function answerWithVisibleThinking(
  client: Anthropic,
  prompt: string,
  onThinking: (delta: string) => void,
  onText: (delta: string) => void,
): Promise<Anthropic.Message> {
  const stream = client.messages.stream({
    model: 'claude-opus-4-7',
    max_tokens: 16_000,
    thinking: { type: 'adaptive', display: 'summarized' },
    messages: [{ role: 'user', content: prompt }],
  });
  stream.on('thinking', (delta) => onThinking(delta));
  stream.on('text', (delta) => onText(delta));
  const message = await stream.finalMessage();
  // Billing is unchanged by display: thinking is charged as output tokens either way.
  const thinking = message.usage.output_tokens_details?.thinking_tokens ?? 0;
  console.log(`output ${message.usage.output_tokens} tokens, of which thinking ${thinking}`);
  return message;
}
