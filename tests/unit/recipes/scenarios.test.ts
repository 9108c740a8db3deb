// Every row of scenarios.json through the TypeScript recipes against the fault server (the Python twins run the same rows).
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CascadeExhaustedError, cascade } from '../../../content/recipes/cascade.ts';
import { answerOrDegrade } from '../../../content/recipes/degrade.ts';
import { isRetryable, isSpendCap } from '../../../content/recipes/retry.ts';
import { decide } from '../../../content/snippets/fallbacks/fallback-policy.ts';
import { classifyThrottle } from '../../../content/snippets/rate-limits/classify-429.ts';
import { startFaultServer, type FaultServer } from '../../support/fault-server.ts';
import { build, scenarios } from './scenarios.ts';

let server: FaultServer;
let client: Anthropic;
const params = { model: 'claude-opus-5-5', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };
const steps = [{ model: 'claude-opus-5-5' }, { model: 'claude-sonnet-5-5' }, { model: 'claude-haiku-5-5' }];

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

async function failureOf(stream: boolean): Promise<unknown> {
  try {
    if (stream) {
      const s = await client.messages.create({ ...params, stream: true });
      for await (const event of s) void event;
    } else {
      await client.messages.create(params);
    }
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('shared scenarios: classification (TypeScript)', () => {
  it.each(scenarios.classification)('$name', async (row) => {
    server.enqueue(build(row.reply));
    const error = await failureOf(row.stream ?? false);
    expect(isRetryable(error)).toBe(row.retryable);
    expect(isSpendCap(error)).toBe(row.spendCap);
    expect(classifyThrottle(error).kind).toBe(row.throttle);
    const action = decide(error, { attempt: 0, remainingMs: 30_000 });
    expect(action.kind).toBe(row.policy[0]);
    if (row.policy[1] && action.kind === 'fall-back') expect(action.scope).toBe(row.policy[1]);
  });
});

describe('shared scenarios: cascade (TypeScript)', () => {
  it.each(scenarios.cascade)('$name', async (row) => {
    server.enqueue(...row.replies.map(build));
    const outcome = await cascade(client, steps, params).catch((e: unknown) => e);
    if (row.answeredBy !== null) {
      expect(outcome).not.toBeInstanceOf(Error);
      expect((outcome as { model: string }).model).toBe(steps[row.answeredBy]!.model);
    } else if (row.throws === 'spend-cap') expect(isSpendCap(outcome)).toBe(true);
    else if (row.throws === 'request') expect(outcome).toBeInstanceOf(Anthropic.BadRequestError);
    else expect(outcome).toBeInstanceOf(CascadeExhaustedError);
    const sent = server.messageRequests();
    expect(sent.every((r) => String(r.headers['anthropic-beta']).includes('fallback-credit-2026-07-01'))).toBe(true);
    if (row.creditOnRetry) expect(sent[1]?.body['fallback_credit_token']).toEqual({ token: row.creditOnRetry, mode: 'best_effort' });
  });
});

describe('shared scenarios: degrade (TypeScript)', () => {
  it.each(scenarios.degrade)('$name', async (row) => {
    server.enqueue(...row.replies.map(build));
    const cache = new Map<string, string>();
    const opts = { key: 'k', cache, reduced: { model: 'claude-haiku-5-5', max_tokens: 32 }, fallbackText: 'unavailable' };
    const outcome = await answerOrDegrade(client, params, opts).catch((e: unknown) => e);
    if (row.source === 'throws') expect(outcome).toBeInstanceOf(Anthropic.BadRequestError);
    else expect((outcome as { source: string }).source).toBe(row.source);
    expect(cache.get('k') ?? null).toBe(row.cached);
  });
});
