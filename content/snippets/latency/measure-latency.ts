// Measure the numbers that matter: time to the first event, time to first token (TTFT) and
// total time, plus output speed once generation has started. Log them per model and per task.
import Anthropic from '@anthropic-ai/sdk';

export interface LatencySample {
  model: string;
  firstEventMs: number | null; // message_start: headers are in and the request is being processed
  firstDeltaMs: number | null; // first content of any kind, thinking included
  ttftMs: number | null; // first text delta: what the user perceives as "it started answering"
  totalMs: number;
  outputTokens: number;
  tokensPerSecond: number | null; // output tokens (thinking included) per second of generation
  stopReason: string | null;
}

export async function measure(
  client: Anthropic,
  params: Anthropic.MessageStreamParams,
  onText: (delta: string) => void = () => {},
): Promise<LatencySample> {
  const start = performance.now();
  let firstEventMs: number | null = null;
  let firstDeltaMs: number | null = null;
  let ttftMs: number | null = null;

  const stream = client.messages.stream(params);
  stream.on('streamEvent', (event) => {
    const now = performance.now() - start;
    if (firstEventMs === null) firstEventMs = now;
    if (event.type !== 'content_block_delta') return;
    if (firstDeltaMs === null) firstDeltaMs = now;
    if (ttftMs === null && event.delta.type === 'text_delta') ttftMs = now;
  });
  stream.on('text', (delta) => onText(delta)); // render as it arrives: this is the perceived-latency fix

  const message = await stream.finalMessage();
  const totalMs = performance.now() - start;
  const genSeconds = firstDeltaMs === null ? 0 : (totalMs - firstDeltaMs) / 1000;
  return {
    model: message.model,
    firstEventMs,
    firstDeltaMs,
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
