// One test per finding of the 2026-12-02 review (docs: /work review "Broken code"), each failing on the code as it was.
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../../../content/recipes/circuit-breaker.ts';
import { crossCloud, sameModelOnEachCloud } from '../../../content/recipes/cross-cloud.ts';
import { HedgeDeadlineError, hedge } from '../../../content/recipes/hedge.ts';
import { RefusalError } from '../../../content/recipes/refusal.ts';
import { bedrockProfileId } from '../../../content/recipes/routing.ts';
import { AllRoutesFailedError, resilientCreate } from '../../../content/snippets/fallbacks/resilient-call.ts';
import { BreakerRegistry } from '../../../content/recipes/circuit-breaker.ts';
import { RetryBudget, withRetry } from '../../../content/recipes/retry.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const params = { model: 'claude-opus-5-5', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('FC1: circuit breaker stragglers', () => {
  it('a slow success admitted before the breaker opened does not close it, and only one probe runs', async () => {
    let now = 1_000;
    const breaker = new CircuitBreaker('k', { failureThreshold: 3, windowMs: 10_000, cooldownMs: 30_000, now: () => now });
    server.enqueue(reply.ok('late', { delayMs: 300 }), reply.overloaded(), reply.overloaded(), reply.overloaded());
    const straggler = breaker.call(() => client.messages.create(params));
    await new Promise((r) => setTimeout(r, 30));
    for (let i = 0; i < 3; i++) await breaker.call(() => client.messages.create(params)).catch(() => {});
    expect(breaker.state).toBe('open');
    await straggler; // succeeds after the breaker opened
    expect(breaker.state).toBe('open');
    await expect(breaker.call(() => client.messages.create(params))).rejects.toBeInstanceOf(CircuitOpenError);
    now += 30_001;
    server.enqueue(reply.ok('probe', { delayMs: 100 }));
    const probe = breaker.call(() => client.messages.create(params));
    await expect(breaker.call(() => client.messages.create(params))).rejects.toBeInstanceOf(CircuitOpenError);
    await probe;
    expect(breaker.state).toBe('closed');
  });
});

describe('FC2: hedge on replies without text', () => {
  it('settles on a tool_use-only reply without hedging', async () => {
    server.enqueue(reply.toolUseOnly());
    const result = await hedge(client, params, { hedgeAfterMs: 500, deadlineMs: 3_000 });
    expect(result.message.content[0]?.type).toBe('tool_use');
    expect(result.hedged).toBe(false);
    expect(server.messageRequests()).toHaveLength(1);
  });

  it('does not hedge while the model is thinking: the thinking block is the first output', async () => {
    server.enqueue(reply.thinkingFirst('answer', { thinkMs: 1_200 }));
    const result = await hedge(client, params, { hedgeAfterMs: 500, deadlineMs: 5_000 });
    expect(result.hedged).toBe(false);
    expect(server.messageRequests()).toHaveLength(1);
  });

  it('throws a refusal instead of returning it as the answer', async () => {
    server.enqueue(reply.refusal());
    await expect(hedge(client, params, { hedgeAfterMs: 300 })).rejects.toBeInstanceOf(RefusalError);
  });

  it('settles by its deadline and aborts both requests', async () => {
    server.enqueue(reply.ok('slow', { ttftMs: 5_000 }), reply.ok('slow too', { ttftMs: 5_000 }));
    const started = Date.now();
    await expect(hedge(client, params, { hedgeAfterMs: 50, deadlineMs: 300 })).rejects.toBeInstanceOf(HedgeDeadlineError);
    expect(Date.now() - started).toBeLessThan(1_000);
    await Promise.all(server.messageRequests().map((r) => r.done));
    expect(server.messageRequests().map((r) => r.aborted)).toEqual([true, true]);
  });
});

describe('FC5/RC3: throttles are not spend caps', () => {
  it('withRetry retries a Bedrock ThrottlingException and a ramp limit, never a spend cap', async () => {
    server.enqueue(reply.bedrockThrottle(), reply.rampLimited(0), reply.ok('after throttles'));
    const sleep = async () => {};
    const msg = await withRetry(() => client.messages.create(params), { sleep });
    expect(msg.content[0]).toMatchObject({ text: 'after throttles' });
    server.enqueue(reply.contractSpendCap());
    await expect(withRetry(() => client.messages.create(params), { sleep })).rejects.toBeInstanceOf(Anthropic.ContractSpendLimitReachedError);
    expect(server.messageRequests()).toHaveLength(4);
  });

  it('resilientCreate keeps the provider after a cloud throttle and moves to its next model', async () => {
    server.enqueue(reply.vertexResourceExhausted());
    const routes = [
      { name: 'a', provider: 'vertex' as const, client, model: 'claude-opus-5-5' },
      { name: 'b', provider: 'vertex' as const, client, model: 'claude-sonnet-5-5' },
    ];
    const result = await resilientCreate(routes, { max_tokens: 64, messages: params.messages }, { budget: new RetryBudget(), breakers: new BreakerRegistry() });
    expect(result.route).toBe('b');
  });

  it('resilientCreate moves past a refusal to the next model, echoing the credit token', async () => {
    server.enqueue(reply.refusal({ creditToken: 'tok_9' }));
    const routes = [
      { name: 'a', provider: 'anthropic' as const, client, model: 'claude-opus-5-5' },
      { name: 'b', provider: 'anthropic' as const, client, model: 'claude-opus-4-8' },
    ];
    const result = await resilientCreate(routes, { max_tokens: 64, messages: params.messages }, { budget: new RetryBudget(), breakers: new BreakerRegistry() });
    expect(result.route).toBe('b');
    expect(result.attempts[0]?.error).toBeInstanceOf(RefusalError);
    expect(server.messageRequests()[1]?.body['fallback_credit_token']).toEqual({ token: 'tok_9', mode: 'best_effort' });
  });

  it('resilientCreate never returns a refusal when every route refuses', async () => {
    server.respond(() => reply.refusal());
    const routes = [{ name: 'a', provider: 'anthropic' as const, client, model: 'claude-opus-5-5' }];
    await expect(
      resilientCreate(routes, { max_tokens: 64, messages: params.messages }, { budget: new RetryBudget(), breakers: new BreakerRegistry() }),
    ).rejects.toBeInstanceOf(AllRoutesFailedError);
  });
});

describe('FC6: Bedrock on-demand needs an inference profile', () => {
  it('derives the profile id from the catalogue base id, in one place', () => {
    expect(bedrockProfileId('haiku-4-5')).toBe('us.anthropic.claude-haiku-4-5-20251001-v1:0');
    expect(bedrockProfileId('opus-4-7', 'global')).toBe('global.anthropic.claude-opus-4-7');
  });

  it('cross-cloud sends the profile id to Bedrock and stops on a refusal instead of returning it', async () => {
    const bedrock = new Anthropic({ apiKey: 'k', baseURL: `${server.url}/bedrock`, maxRetries: 0 });
    const targets = sameModelOnEachCloud('sonnet-4-6', { anthropic: client, bedrock, vertex: client }, 'eu');
    expect(targets[1]?.model).toBe('eu.anthropic.claude-sonnet-4-6');
    server.enqueue(reply.overloaded(), reply.refusal());
    await expect(crossCloud(targets, { max_tokens: 64, messages: params.messages })).rejects.toBeInstanceOf(RefusalError);
    expect(server.messageRequests()[1]?.model).toBe('eu.anthropic.claude-sonnet-4-6');
  });
});

describe('fault server: connection reset mid-body', () => {
  it('surfaces as a connection error, which the retry recipe retries', async () => {
    server.enqueue(reply.reset(), reply.ok('after reset'));
    const msg = await withRetry(() => client.messages.create(params), { sleep: async () => {} });
    expect(msg.content[0]).toMatchObject({ text: 'after reset' });
  });
});

describe('fault server: connection reset mid-stream', () => {
  it('a stream cut after the 200 is retryable and the policy retries it once', async () => {
    const { isRetryable } = await import('../../../content/recipes/retry.ts');
    const { decide } = await import('../../../content/snippets/fallbacks/fallback-policy.ts');
    server.enqueue(reply.reset(true));
    const error = await (async () => {
      const s = await client.messages.create({ ...params, stream: true });
      for await (const e of s) void e;
    })().catch((e: unknown) => e);
    expect(isRetryable(error)).toBe(true);
    expect(decide(error, { attempt: 0, remainingMs: 10_000 }).kind).toBe('retry-same');
  });
});
