// Shadow traffic: send a copy of real requests to a candidate model, and compare offline.
//
// The user only ever waits for, and sees, the primary answer. The candidate call
// runs on the side: its latency, errors and output go to the log, never to the
// user. Shadow calls are billed and count against the candidate's rate limits,
// so sample a fraction of traffic and give them their own client, with no retries.
import type Anthropic from '@anthropic-ai/sdk';

type Params = Anthropic.MessageCreateParamsNonStreaming;

export interface ShadowRecord {
  primary: { model: string; ms: number; text: string };
  candidate: { model: string; ms: number; text?: string; error?: string };
}

export interface ShadowOptions {
  candidateModel: string;
  /** A separate client for the copies, e.g. with maxRetries: 0 and a short timeout. */
  candidateClient?: Anthropic;
  /** Share of requests to copy, 0..1. */
  sampleRate?: number;
  log: (record: ShadowRecord) => void;
  random?: () => number;
}

const textOf = (m: Anthropic.Message): string =>
  m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');

async function timed<T>(p: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const value = await p;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

export async function withShadow(client: Anthropic, params: Params, opts: ShadowOptions): Promise<Anthropic.Message> {
  const { candidateModel, candidateClient = client, sampleRate = 0.05, log, random = Math.random } = opts;
  const primary = timed(client.messages.create(params));
  if (random() < sampleRate) {
    // Started now, never awaited by the caller: the user's response does not wait for it.
    const candidate = timed(candidateClient.messages.create({ ...params, model: candidateModel }));
    void Promise.all([primary, candidate])
      .then(([p, c]) => {
        if (!p.value) return; // nothing to compare against
        log({
          primary: { model: params.model, ms: p.ms, text: textOf(p.value) },
          candidate: {
            model: candidateModel,
            ms: c.ms,
            ...(c.value ? { text: textOf(c.value) } : { error: String(c.error) }),
          },
        });
      })
      .catch(() => {}); // a failing logger must not surface as an unhandled rejection either
  }
  const result = await primary;
  if (result.value) return result.value;
  throw result.error; // the primary's own failure is the user's, exactly as without shadowing
}
