// Hedged requests: when the first token is late, ask again and keep whichever starts first.
//
// Most calls start streaming quickly; a few sit in a queue. Sending a second copy
// after `hedgeAfterMs` with no first token cuts that tail, at the cost of paying
// for the extra input tokens on the calls that needed it. The slower copy is
// aborted as soon as the other one produces text, so it stops generating output.
import type Anthropic from '@anthropic-ai/sdk';

type Params = Anthropic.MessageCreateParamsNonStreaming;

export interface HedgeOptions {
  /** Wait this long for the first token before sending the second request. Set it near your p95 time to first token. */
  hedgeAfterMs: number;
  /** Model for the second request; the same model by default. A faster model is a common choice. */
  hedgeModel?: string;
}

export interface HedgeResult {
  message: Anthropic.Message;
  winner: 'primary' | 'hedge';
  hedged: boolean;
}

interface Attempt {
  label: HedgeResult['winner'];
  controller: AbortController;
  firstToken: Promise<Attempt>;
  final: Promise<Anthropic.Message>;
}

function start(client: Anthropic, params: Params, label: Attempt['label']): Attempt {
  const controller = new AbortController();
  const stream = client.messages.stream(params, { signal: controller.signal });
  // Time to first token is the first text delta, not the first byte: message_start comes before the model writes anything.
  const firstToken = new Promise<void>((resolve, reject) => {
    stream.once('text', () => resolve());
    stream.once('error', reject);
    stream.once('abort', reject);
  });
  const final = stream.finalMessage();
  final.catch(() => {}); // the loser's rejection (abort) is expected
  const attempt: Attempt = { label, controller, final, firstToken: firstToken.then(() => attempt) };
  attempt.firstToken.catch(() => {});
  return attempt;
}

export async function hedge(client: Anthropic, params: Params, { hedgeAfterMs, hedgeModel }: HedgeOptions): Promise<HedgeResult> {
  const attempts = [start(client, params, 'primary')];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), hedgeAfterMs)));
  try {
    if ((await Promise.race([attempts[0]!.firstToken, late])) === 'late') {
      attempts.push(start(client, { ...params, model: hedgeModel ?? params.model }, 'hedge'));
    }
    // The first attempt to produce text wins; if one fails, the other can still win.
    const winner = await Promise.any(attempts.map((a) => a.firstToken)).catch((e: AggregateError) => {
      throw e.errors[0];
    });
    for (const a of attempts) if (a !== winner) a.controller.abort();
    return { message: await winner.final, winner: winner.label, hedged: attempts.length > 1 };
  } catch (error) {
    for (const a of attempts) a.controller.abort();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
