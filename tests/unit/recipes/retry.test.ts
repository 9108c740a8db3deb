import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RetryBudget, createWithRetry, isRetryable, retryDelayMs, withRetry } from '../../../content/recipes/retry.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const params = { model: 'claude-sonnet-4-6', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

/** An injected sleep that records the wait and returns at once. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

describe('retry recipe', () => {
  it('waits at least retry-after, whatever the jitter, then succeeds', async () => {
    for (const r of [0, 0.5, 0.999]) {
      server.enqueue(reply.rateLimited({ retryAfterSeconds: 3 }), reply.ok('done'));
      const { sleep, waits } = recordingSleep();
      const msg = await createWithRetry(client, params, { sleep, random: () => r });
      expect(msg.content[0]).toMatchObject({ text: 'done' });
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThanOrEqual(3000);
    }
    expect(server.messageRequests()).toHaveLength(6);
  });

  it('really waits retry-after with the default sleep (server sees the gap)', async () => {
    server.enqueue(reply.rateLimited({ retryAfterSeconds: 1 }), reply.ok());
    await createWithRetry(client, params, { random: () => 0 });
    const [first, second] = server.messageRequests();
    expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(1000);
  });

  it('never retries a 400', async () => {
    server.enqueue(reply.promptTooLong(219898, 200000), reply.ok());
    const { sleep, waits } = recordingSleep();
    await expect(createWithRetry(client, params, { sleep })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(server.messageRequests()).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never retries the spend-cap 429', async () => {
    server.enqueue(reply.spendCap(), reply.ok());
    const { sleep, waits } = recordingSleep();
    const err = await createWithRetry(client, params, { sleep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.RateLimitError);
    expect((err as APIError).errorCode).toBe('enforced_spend_limit_reached');
    expect(server.messageRequests()).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never retries 404 for a retired model', async () => {
    server.enqueue(reply.notFound('claude-3-5-haiku-20241022'));
    await expect(createWithRetry(client, { ...params, model: 'claude-3-5-haiku-20241022' }, recordingSleep())).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
    expect(server.messageRequests()).toHaveLength(1);
  });

  it('retries 529 and 500 with exponential, jittered backoff, and stops at maxAttempts', async () => {
    server.respond(() => reply.overloaded());
    server.enqueue(reply.apiError());
    const { sleep, waits } = recordingSleep();
    await expect(createWithRetry(client, params, { sleep, maxAttempts: 4, random: () => 0.999 })).rejects.toBeInstanceOf(
      Anthropic.OverloadedError,
    );
    expect(server.messageRequests()).toHaveLength(4);
    expect(waits.map((w) => Math.round(w))).toEqual([500, 999, 1998]);
    // full jitter: with random() = 0 there is no wait at all
    expect(retryDelayMs(new Anthropic.OverloadedError(529, undefined, 'Overloaded', new Headers()), 5, { random: () => 0 })).toBe(0);
  });

  it('gives up at once when retry-after is longer than maxWaitMs', async () => {
    server.enqueue(reply.rateLimited({ retryAfterSeconds: 120 }), reply.ok());
    const { sleep, waits } = recordingSleep();
    await expect(createWithRetry(client, params, { sleep, maxWaitMs: 30_000 })).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    expect(server.messageRequests()).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives up when the shared retry budget is spent', async () => {
    server.respond(() => reply.overloaded());
    const budget = new RetryBudget(0.1, 2);
    const { sleep } = recordingSleep();
    await expect(createWithRetry(client, params, { sleep, budget, maxAttempts: 10 })).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    expect(server.messageRequests()).toHaveLength(3); // first try + the 2 saved retries
    await expect(createWithRetry(client, params, { sleep, budget, maxAttempts: 10 })).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    expect(server.messageRequests()).toHaveLength(4); // budget empty: no retry at all
    // successful traffic refills it: ten more calls earn one retry
    server.respond(() => undefined);
    for (let i = 0; i < 10; i++) await createWithRetry(client, params, { sleep, budget });
    expect(budget.balance).toBeGreaterThanOrEqual(1);
  });

  it('retries an error event that arrives mid-stream after a 200', async () => {
    server.enqueue(reply.streamError('Half an ans'), reply.ok('whole answer'));
    const { sleep, waits } = recordingSleep();
    const text = await withRetry(() => client.messages.stream(params).finalText(), { sleep });
    expect(text).toBe('whole answer');
    expect(server.messageRequests()).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('classifies errors', () => {
    expect(isRetryable(new Anthropic.APIConnectionTimeoutError())).toBe(true);
    expect(isRetryable(new Anthropic.APIUserAbortError())).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
  });
});
