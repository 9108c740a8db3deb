// A concurrency gate on reserved output: keep the sum of max_tokens of the requests *in flight*
// under a share of your OTPM limit. The API charges max_tokens against OTPM when a request starts,
// so ten parallel calls with a large max_tokens can be refused while the model writes almost nothing.
// It bounds reservations in flight, not tokens per minute: many short calls in a row can still
// exceed OTPM, so keep a rate pacer (pacer.ts) in front of it.
import Anthropic from '@anthropic-ai/sdk';

export class OutputTokenGate {
  #reserved = 0;
  #waiters: Array<() => void> = [];

  /** otpmLimit: read it from anthropic-ratelimit-output-tokens-limit; share: headroom for other callers. */
  constructor(
    private otpmLimit: number,
    private readonly share = 0.8,
  ) {}

  updateLimit(headers: Headers): void {
    const limit = Number(headers.get('anthropic-ratelimit-output-tokens-limit'));
    if (Number.isFinite(limit) && limit > 0) this.otpmLimit = limit;
  }

  async run<T>(maxTokens: number, call: () => Promise<T>): Promise<T> {
    const budget = this.otpmLimit * this.share;
    if (maxTokens > budget) throw new Error(`max_tokens ${maxTokens} alone exceeds the output budget ${budget}`);
    while (this.#reserved + maxTokens > this.otpmLimit * this.share) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    this.#reserved += maxTokens;
    try {
      return await call();
    } finally {
      this.#reserved -= maxTokens;
      this.#waiters.splice(0).forEach((wake) => wake());
    }
  }
}

export async function gatedCreate(
  client: Anthropic,
  gate: OutputTokenGate,
  params: Anthropic.MessageCreateParamsNonStreaming,
): Promise<Anthropic.Message> {
  return gate.run(params.max_tokens, async () => {
    const { data, response } = await client.messages.create(params).withResponse();
    gate.updateLimit(response.headers);
    return data;
  });
}
