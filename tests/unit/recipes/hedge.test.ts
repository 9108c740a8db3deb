import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hedge } from '../../../content/recipes/hedge.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const params = { model: 'claude-sonnet-4-6', max_tokens: 256, messages: [{ role: 'user' as const, content: 'hi' }] };

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('hedge recipe', () => {
  it('sends one request when the first token is on time', async () => {
    server.enqueue(reply.ok('fast answer'));
    const result = await hedge(client, params, { hedgeAfterMs: 1_000 });
    expect(result).toMatchObject({ winner: 'primary', hedged: false });
    expect(result.message.content[0]).toMatchObject({ text: 'fast answer' });
    await new Promise((r) => setTimeout(r, 1_100)); // past the hedge delay: still one request
    expect(server.messageRequests()).toHaveLength(1);
  });

  it('hedges after the delay, takes the first to answer and aborts the loser (server sees the abort)', async () => {
    server.enqueue(reply.ok('slow answer', { ttftMs: 5_000 }), reply.ok('hedged answer'));
    const started = Date.now();
    const result = await hedge(client, params, { hedgeAfterMs: 100 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ winner: 'hedge', hedged: true });
    expect(result.message.content[0]).toMatchObject({ text: 'hedged answer' });
    const [primary, second] = server.messageRequests();
    expect(second!.startedAt - started).toBeGreaterThanOrEqual(99); // not before the hedge delay
    await primary!.done;
    expect(primary!.aborted).toBe(true);
    expect(second!.aborted).toBe(false);
  });

  it('keeps the primary when it starts first after all, and aborts the hedge', async () => {
    server.enqueue(reply.ok('primary answer', { ttftMs: 300 }), reply.ok('hedge answer', { ttftMs: 5_000 }));
    const result = await hedge(client, params, { hedgeAfterMs: 100 });
    expect(result).toMatchObject({ winner: 'primary', hedged: true });
    expect(result.message.content[0]).toMatchObject({ text: 'primary answer' });
    const hedgeReq = server.messageRequests()[1]!;
    await hedgeReq.done;
    expect(hedgeReq.aborted).toBe(true);
  });

  it('sends the hedge to another model when asked', async () => {
    server.enqueue(reply.ok('slow', { ttftMs: 5_000 }));
    const result = await hedge(client, params, { hedgeAfterMs: 50, hedgeModel: 'claude-haiku-4-5-20251001' });
    expect(result.message.model).toBe('claude-haiku-4-5-20251001');
    expect(server.messageRequests().map((r) => r.model)).toEqual(['claude-sonnet-4-6', 'claude-haiku-4-5-20251001']);
  });

  it('uses the hedge when the slow primary then fails', async () => {
    server.enqueue(reply.overloaded({ delayMs: 300 }), reply.ok('hedge answer', { ttftMs: 600 }));
    const result = await hedge(client, params, { hedgeAfterMs: 100 });
    expect(result).toMatchObject({ winner: 'hedge', hedged: true });
  });

  it('fails fast on an error before the hedge delay (hedging is for slowness, not errors)', async () => {
    server.enqueue(reply.promptTooLong(219898, 200000));
    await expect(hedge(client, params, { hedgeAfterMs: 200 })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.messageRequests()).toHaveLength(1);
  });
});
