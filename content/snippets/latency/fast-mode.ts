// Fast mode: the same model with faster output (more output tokens per second, per Anthropic),
// at premium rates. It speeds up generation, not time to first token. Availability as of this guide's last check
// (Anthropic's fast-mode page): GA on Opus 5.5, Fable 5.2 and Mythos 5.2; research preview on Opus 5
// (beta header); removed from Opus 4.8 and Opus 4.7 (dates on Anthropic's page), where the API
// now rejects the request. Keep the list in config: it changes with each model generation.
import Anthropic from '@anthropic-ai/sdk';

const FAST_GA = new Set(['claude-opus-5-5', 'claude-fable-5-2', 'claude-mythos-5-2']);
const FAST_PREVIEW = new Set(['claude-opus-5']); // needs the fast-mode-2026-02-01 beta header

export async function streamFast(
  client: Anthropic,
  model: string,
  prompt: string,
  onText: (delta: string) => void,
): Promise<Anthropic.Message> {
  // Never send speed: "fast" to a model without it: on Opus 4.8 and 4.7 that is now a rejected request.
  const fast = FAST_GA.has(model) || FAST_PREVIEW.has(model);
  const stream = client.messages.stream(
    {
      model,
      max_tokens: 4_096,
      messages: [{ role: 'user', content: prompt }],
      ...(fast ? { speed: 'fast' as const } : {}),
    },
    FAST_PREVIEW.has(model) ? { headers: { 'anthropic-beta': 'fast-mode-2026-02-01' } } : undefined,
  );
  stream.on('text', onText);
  const message = await stream.finalMessage();
  // usage.speed says which speed served (and was billed for) this request: log it next to the cost.
  if (fast && message.usage.speed !== 'fast') console.warn(`${model}: asked for fast, served at ${message.usage.speed}`);
  return message;
}
