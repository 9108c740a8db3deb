// The fault server must look like the real API to the real SDK, or every recipe test proves nothing.
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const params = { model: 'claude-haiku-4-5-20251001', max_tokens: 64, messages: [{ role: 'user' as const, content: 'two words' }] };

beforeEach(async () => {
  server = await startFaultServer({ contextWindow: 100 });
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

async function caught(p: Promise<unknown>): Promise<APIError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof APIError) return err;
    throw err;
  }
  throw new Error('expected an APIError');
}

describe('fault server', () => {
  it('answers a JSON message and records the request', async () => {
    const msg = await client.messages.create(params);
    expect(msg.content[0]).toMatchObject({ type: 'text', text: 'ok from claude-haiku-4-5-20251001' });
    expect(msg.usage.input_tokens).toBe(2);
    const [rec] = server.requests;
    expect(rec).toMatchObject({ path: '/v1/messages', model: params.model, stream: false, aborted: false });
    expect(rec?.headers['anthropic-version']).toBeTypeOf('string');
  });

  it('streams the real event sequence', async () => {
    server.enqueue(reply.ok('hello there world'));
    const types: string[] = [];
    const stream = await client.messages.create({ ...params, stream: true });
    for await (const ev of stream) types.push(ev.type);
    expect(types).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const final = await client.messages.stream(params).finalText();
    expect(final).toBe('ok from claude-haiku-4-5-20251001');
  });

  it('produces the SDK error classes and fields for each fault', async () => {
    server.enqueue(
      reply.rateLimited({ retryAfterSeconds: 7 }),
      reply.spendCap(),
      reply.overloaded(),
      reply.apiError(),
      reply.notFound('claude-3-5-haiku-20241022'),
    );
    const rate = await caught(client.messages.create(params));
    expect(rate).toBeInstanceOf(Anthropic.RateLimitError);
    expect(rate.headers?.get('retry-after')).toBe('7');
    expect(rate.headers?.get('anthropic-ratelimit-input-tokens-remaining')).toBe('0');
    expect(rate.requestID).toMatch(/^req_/);
    expect(rate.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' }, request_id: rate.requestID });

    const cap = await caught(client.messages.create(params));
    expect(cap.status).toBe(429);
    expect(cap.errorCode).toBe('enforced_spend_limit_reached');
    expect(cap.headers?.get('retry-after')).toBeNull();

    expect(await caught(client.messages.create(params))).toBeInstanceOf(Anthropic.OverloadedError);
    expect(await caught(client.messages.create(params))).toBeInstanceOf(Anthropic.InternalServerError);
    const missing = await caught(client.messages.create({ ...params, model: 'claude-3-5-haiku-20241022' }));
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
    expect(missing.apiMessage).toBe('model: claude-3-5-haiku-20241022');
  });

  it('enforces the context window with the real 400 text and counts tokens', async () => {
    const long = Array.from({ length: 150 }, (_, i) => `w${i}`).join(' ');
    expect((await client.messages.countTokens({ model: params.model, messages: [{ role: 'user', content: long }] })).input_tokens).toBe(150);
    const err = await caught(client.messages.create({ ...params, messages: [{ role: 'user', content: long }] }));
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.apiMessage).toBe('prompt is too long: 150 tokens > 100 maximum');
  });

  it('sends an error event after a 200 and the SDK throws it', async () => {
    server.enqueue(reply.streamError('Partial answer '));
    const stream = client.messages.stream(params);
    const err = await caught(stream.finalMessage());
    expect(err.status).toBeUndefined();
    expect(err.type).toBe('overloaded_error');
  });

  it('records an abort when the client gives up', async () => {
    server.enqueue(reply.ok('slow', { delayMs: 5_000 }));
    const controller = new AbortController();
    const pending = client.messages.create(params, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    await server.requests[0]?.done;
    expect(server.requests[0]?.aborted).toBe(true);
  });
});
