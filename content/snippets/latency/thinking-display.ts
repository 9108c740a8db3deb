// Adaptive thinking is on by default on Sonnet 5.5 and always on for Fable 5.2; whether its text is streamed
// depends on the model's default `display` (Opus 4.7 and Sonnet 5.5 do not return it). With it omitted, a stream goes quiet
// until the first text token, which users read as a hang; Sonnet 5.5 also returns the text between
// tool calls in thinking blocks. Ask for summarized thinking and show it (or a "thinking…" indicator).
import Anthropic from '@anthropic-ai/sdk';

export async function answerWithVisibleThinking(
  client: Anthropic,
  prompt: string,
  onThinking: (delta: string) => void,
  onText: (delta: string) => void,
  model = 'claude-sonnet-5-5',
): Promise<Anthropic.Message> {
  const stream = client.messages.stream({
    model,
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
