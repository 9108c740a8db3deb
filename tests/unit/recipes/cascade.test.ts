import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CascadeExhaustedError, cascade, opusSonnetHaiku } from '../../../content/recipes/cascade.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const params = { max_tokens: 1024, messages: [{ role: 'user' as const, content: 'hi' }], output_config: { effort: 'high' as const } };
const models = () => server.messageRequests().map((r) => r.model);

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('cascade recipe', () => {
  it('falls to the next model on 529 and reports which model answered', async () => {
    server.respond((req) => (req.model === 'claude-opus-5-5' ? reply.overloaded() : undefined));
    const result = await cascade(client, opusSonnetHaiku, params);
    expect(result.model).toBe('claude-sonnet-5-5');
    expect(result.message.content[0]).toMatchObject({ text: 'ok from claude-sonnet-5-5' });
    expect(result.failures.map((f) => f.model)).toEqual(['claude-opus-5-5']);
    expect(result.failures[0]?.error).toBeInstanceOf(Anthropic.OverloadedError);
    expect(models()).toEqual(['claude-opus-5-5', 'claude-sonnet-5-5']);
  });

  it('never falls back on a 400', async () => {
    server.enqueue(reply.promptTooLong(219898, 200000));
    await expect(cascade(client, opusSonnetHaiku, params)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(models()).toEqual(['claude-opus-5-5']);
  });

  it('never falls back on the spend cap or a 404', async () => {
    server.enqueue(reply.spendCap());
    await expect(cascade(client, opusSonnetHaiku, params)).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    server.enqueue(reply.notFound('claude-opus-5-5'));
    await expect(cascade(client, opusSonnetHaiku, params)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    expect(models()).toEqual(['claude-opus-5-5', 'claude-opus-5-5']);
  });

  it('falls back on a rate-limit 429 (limits are per model pool) and on 500', async () => {
    server.enqueue(reply.rateLimited({ retryAfterSeconds: 30, model: 'claude-opus-5-5' }), reply.apiError());
    const result = await cascade(client, opusSonnetHaiku, params);
    expect(result.model).toBe(opusSonnetHaiku[2]?.model);
    expect(models()).toEqual(['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5']);
  });

  it('treats a step that is too slow as failed, and cancels it', async () => {
    server.enqueue(reply.ok('late', { delayMs: 3_000 }));
    const started = Date.now();
    const result = await cascade(client, opusSonnetHaiku, params, { timeoutMs: 150 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.model).toBe('claude-sonnet-5-5');
    expect(result.failures[0]?.error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    await server.messageRequests()[0]?.done;
    expect(server.messageRequests()[0]?.aborted).toBe(true);
  });

  it('applies per-step changes: a step for Haiku 4.5 drops the effort parameter', async () => {
    server.enqueue(reply.overloaded(), reply.overloaded());
    await cascade(client, [...opusSonnetHaiku.slice(0, 2), { model: 'claude-haiku-4-5-20251001', output_config: undefined }], params);
    const [opus, , haiku] = server.messageRequests();
    expect(opus?.body).toMatchObject({ output_config: { effort: 'high' } });
    expect(haiku?.body).not.toHaveProperty('output_config');
  });

  it('throws with every failure when all models fail', async () => {
    server.respond(() => reply.overloaded());
    const err = await cascade(client, opusSonnetHaiku, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CascadeExhaustedError);
    expect((err as CascadeExhaustedError).failures).toHaveLength(3);
  });
});
