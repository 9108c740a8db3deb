// Measure the three numbers that matter: time to response headers, time to first token (TTFT),
// and total time, plus output speed after the first token. Log them per model and per task.
import Anthropic from '@anthropic-ai/sdk';

export interface LatencySample {
  model: string;
  firstEventMs: number | null; // message_start: the request was accepted and the model started
  ttftMs: number | null; // first visible text (or thinking) delta: what the user perceives
  totalMs: number;
  outputTokens: number;
  tokensPerSecond: number | null; // generation speed after the first token
  stopReason: string | null;
}

export async function measure(
  client: Anthropic,
  params: Anthropic.MessageStreamParams,
  onText: (delta: string) => void = () => {},
): Promise<LatencySample> {
  const start = performance.now();
  let firstEventMs: number | null = null;
  let ttftMs: number | null = null;

  const stream = client.messages.stream(params);
  stream.on('streamEvent', (event) => {
    const now = performance.now() - start;
    if (firstEventMs === null) firstEventMs = now;
    if (ttftMs === null && event.type === 'content_block_delta') ttftMs = now;
  });
  stream.on('text', (delta) => onText(delta)); // render as it arrives: this is the perceived-latency fix

  const message = await stream.finalMessage();
  const totalMs = performance.now() - start;
  const genSeconds = ttftMs === null ? 0 : (totalMs - ttftMs) / 1000;
  return {
    model: message.model,
    firstEventMs,
    ttftMs,
    totalMs,
    outputTokens: message.usage.output_tokens,
    tokensPerSecond: genSeconds > 0 ? message.usage.output_tokens / genSeconds : null,
    stopReason: message.stop_reason,
  };
}

/** Same prompt, several models: run it a few times at your real traffic hours, then compare p50/p95. */
export async function compareModels(models: string[], prompt: string, runs = 5): Promise<LatencySample[]> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const samples: LatencySample[] = [];
  for (const model of models) {
    for (let i = 0; i < runs; i++) {
      samples.push(await measure(client, { model, max_tokens: 1024, messages: [{ role: 'user', content: prompt }] }));
    }
  }
  return samples;
}
