// Hedged requests: when the first output is late, ask again and keep whichever starts first.
//
// Most calls start streaming quickly; a few sit in a queue. Sending a second copy
// after `hedgeAfterMs` with no output cuts that tail, at the cost of paying for the
// extra input tokens on the calls that needed it. The slower copy is aborted as
// soon as the other one starts its first content block, so it stops generating.
//
// "Started" is the first content block of any kind (thinking, text or tool_use),
// not the first text delta: with adaptive thinking on (the default on current
// models) text comes only after thinking, and an agent's reply may be tool_use only.
// A refusal is not an answer: it is thrown as a RefusalError for your fallback to handle.
import type Anthropic from '@anthropic-ai/sdk';
import { RefusalError, isRefusal } from './refusal.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

export interface HedgeOptions {
  /** Wait this long for the first output before sending the second request. Set it near your p95 time to first token. */
  hedgeAfterMs: number;
  /** Model for the second request; the same model by default. A faster model is a common choice. */
  hedgeModel?: string;
  /** Give up (and abort both requests) after this long in total. */
  deadlineMs?: number;
}

export interface HedgeResult {
  message: Anthropic.Message;
  winner: 'primary' | 'hedge';
  hedged: boolean;
}

export class HedgeDeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(`no answer within ${deadlineMs} ms`);
  }
}

interface Attempt {
  label: HedgeResult['winner'];
  model: string;
  controller: AbortController;
  started: Promise<Attempt>;
  final: Promise<Anthropic.Message>;
}

function start(client: Anthropic, params: Params, label: Attempt['label']): Attempt {
  const controller = new AbortController();
  const stream = client.messages.stream(params, { signal: controller.signal, maxRetries: 0 });
  const started = new Promise<void>((resolve, reject) => {
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_start') resolve();
    });
    stream.once('end', () => resolve()); // a reply with no content block at all still settles
    stream.once('error', reject);
    stream.once('abort', reject);
  });
  const final = stream.finalMessage();
  final.catch(() => {}); // the loser's rejection (abort) is expected
  const attempt: Attempt = { label, model: params.model, controller, final, started: started.then(() => attempt) };
  attempt.started.catch(() => {});
  return attempt;
}

export async function hedge(
  client: Anthropic,
  params: Params,
  { hedgeAfterMs, hedgeModel, deadlineMs = 120_000 }: HedgeOptions,
): Promise<HedgeResult> {
  const attempts = [start(client, params, 'primary')];
  const timers: ReturnType<typeof setTimeout>[] = [];
  const after = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => timers.push(setTimeout(() => resolve(value), ms)));
  const deadline = after(deadlineMs, 'deadline' as const);
  const raceDeadline = async <T>(p: Promise<T>): Promise<T> => {
    const r = await Promise.race([p, deadline]);
    if (r === 'deadline') throw new HedgeDeadlineError(deadlineMs);
    return r as T;
  };
  try {
    if ((await raceDeadline(Promise.race([attempts[0]!.started, after(hedgeAfterMs, 'late' as const)]))) === 'late') {
      attempts.push(start(client, { ...params, model: hedgeModel ?? params.model }, 'hedge'));
    }
    // The first attempt to start wins; if one fails, the other can still win.
    const winner = await raceDeadline(
      Promise.any(attempts.map((a) => a.started)).catch((e: AggregateError) => {
        throw e.errors[0];
      }),
    );
    for (const a of attempts) if (a !== winner) a.controller.abort();
    const message = await raceDeadline(winner.final);
    if (isRefusal(message)) throw new RefusalError(message, winner.model);
    return { message, winner: winner.label, hedged: attempts.length > 1 };
  } catch (error) {
    for (const a of attempts) a.controller.abort();
    throw error;
  } finally {
    for (const t of timers) clearTimeout(t);
  }
}
