import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BreakerRegistry, CircuitBreaker, CircuitOpenError } from '../../../content/recipes/circuit-breaker.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
let now = 0;
const params = { model: 'claude-opus-4-7', max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };
const call = (breaker: CircuitBreaker) => breaker.call(() => client.messages.create(params));

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  now = 1_000_000;
});
afterEach(() => server.close());

const options = { failureThreshold: 3, windowMs: 10_000, cooldownMs: 30_000, now: () => now };

describe('circuit breaker recipe', () => {
  it('opens after N failures and the next call does not reach the server', async () => {
    server.respond(() => reply.overloaded());
    const breaker = new CircuitBreaker('anthropic:claude-opus-4-7', options);
    for (let i = 0; i < 3; i++) {
      expect(breaker.state).toBe('closed');
      await expect(call(breaker)).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    }
    expect(breaker.state).toBe('open');
    const err = await call(breaker).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).retryAt).toBe(now + 30_000);
    expect(server.messageRequests()).toHaveLength(3);
  });

  it('half-opens after the cooldown: one probe, and success closes it', async () => {
    server.enqueue(reply.overloaded(), reply.overloaded(), reply.overloaded());
    const breaker = new CircuitBreaker('k', options);
    for (let i = 0; i < 3; i++) await call(breaker).catch(() => undefined);
    now += 29_999;
    await expect(call(breaker)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.messageRequests()).toHaveLength(3);
    now += 1;
    const probe = await call(breaker);
    expect(probe.content[0]).toMatchObject({ type: 'text' });
    expect(server.messageRequests()).toHaveLength(4);
    expect(breaker.state).toBe('closed');
  });

  it('lets only one probe through while half-open', async () => {
    server.enqueue(reply.overloaded(), reply.overloaded(), reply.overloaded(), reply.ok('probe', { delayMs: 200 }));
    const breaker = new CircuitBreaker('k', options);
    for (let i = 0; i < 3; i++) await call(breaker).catch(() => undefined);
    now += 30_000;
    const probe = call(breaker);
    expect(breaker.state).toBe('half-open');
    await expect(call(breaker)).rejects.toBeInstanceOf(CircuitOpenError);
    await probe;
    expect(server.messageRequests()).toHaveLength(4);
  });

  it('a failed probe opens it again for another cooldown', async () => {
    server.respond(() => reply.apiError());
    const breaker = new CircuitBreaker('k', options);
    for (let i = 0; i < 3; i++) await call(breaker).catch(() => undefined);
    now += 30_000;
    await expect(call(breaker)).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    expect(breaker.state).toBe('open');
    await expect(call(breaker)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(server.messageRequests()).toHaveLength(4);
  });

  it('counts only failures inside the window', async () => {
    server.respond(() => reply.overloaded());
    const breaker = new CircuitBreaker('k', options);
    await call(breaker).catch(() => undefined);
    await call(breaker).catch(() => undefined);
    now += 10_001; // the first two have aged out
    await call(breaker).catch(() => undefined);
    await call(breaker).catch(() => undefined);
    expect(breaker.state).toBe('closed');
    await call(breaker).catch(() => undefined);
    expect(breaker.state).toBe('open');
  });

  it('does not count your own mistakes (400) as the API failing', async () => {
    server.respond(() => reply.promptTooLong(219898, 200000));
    const breaker = new CircuitBreaker('k', options);
    for (let i = 0; i < 5; i++) await expect(call(breaker)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(breaker.state).toBe('closed');
    expect(server.messageRequests()).toHaveLength(5);
  });

  it('keeps one breaker per model: an open Opus breaker does not block Sonnet', async () => {
    server.respond((req) => (req.model === 'claude-opus-4-7' ? reply.overloaded() : undefined));
    const breakers = new BreakerRegistry(options);
    for (let i = 0; i < 3; i++) await call(breakers.get('claude-opus-4-7')).catch(() => undefined);
    expect(breakers.get('claude-opus-4-7').state).toBe('open');
    const sonnet = await breakers.get('claude-sonnet-4-6').call(() => client.messages.create({ ...params, model: 'claude-sonnet-4-6' }));
    expect(sonnet.content[0]).toMatchObject({ text: 'ok from claude-sonnet-4-6' });
  });
});
