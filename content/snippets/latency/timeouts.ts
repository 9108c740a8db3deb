// Timeouts that match how Claude fails: a short deadline for the first event (a request stuck in a
// queue), an idle deadline between events (a stalled stream), and no total deadline for a stream
// that is still producing. Retries are left to the SDK (408/409/429/5xx and connection errors).
import Anthropic from '@anthropic-ai/sdk';

export function makeClient(): Anthropic {
  return new Anthropic({
    apiKey: process.env['ANTHROPIC_API_KEY'],
    // Per attempt, in ms, until the response headers arrive: for a stream that is the first byte,
    // for a non-streaming call it is the whole generation. The SDK default is also 10 minutes.
    timeout: 10 * 60 * 1000,
    maxRetries: 2,
  });
}

export class StreamStalledError extends Error {}

/** Streams a reply, aborting if no event arrives within firstEventMs at the start or idleMs later on. */
export async function streamWithDeadlines(
  client: Anthropic,
  params: Anthropic.MessageStreamParams,
  firstEventMs = 30_000,
  idleMs = 60_000,
): Promise<Anthropic.Message> {
  const stream = client.messages.stream(params);
  let stalled = false;
  let timer = setTimeout(() => {
    stalled = true;
    stream.abort();
  }, firstEventMs);
  stream.on('streamEvent', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      stream.abort();
    }, idleMs);
  });
  try {
    return await stream.finalMessage();
  } catch (err) {
    if (stalled) throw new StreamStalledError(`no stream event within ${firstEventMs} / ${idleMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
