import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerOrDegrade, type DegradeOptions } from '../../../content/recipes/degrade.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
let opts: DegradeOptions;
const params = { model: 'claude-opus-4-7', max_tokens: 4_000, messages: [{ role: 'user' as const, content: 'summarise the incident' }] };

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  opts = {
    key: 'incident-42',
    cache: new Map<string, string>(),
    reduced: { model: 'claude-haiku-4-5-20251001', max_tokens: 300 },
    fallbackText: 'Summaries are unavailable right now.',
  };
});
afterEach(() => server.close());

describe('degrade recipe', () => {
  it('returns the live answer unflagged and remembers it', async () => {
    server.enqueue(reply.ok('full summary'));
    expect(await answerOrDegrade(client, params, opts)).toEqual({ text: 'full summary', degraded: false, source: 'live' });
    expect(opts.cache.get('incident-42')).toBe('full summary');
  });

  it('falls to a reduced request (smaller model, fewer tokens), flagged as degraded', async () => {
    server.enqueue(reply.overloaded(), reply.ok('short summary'));
    const answer = await answerOrDegrade(client, params, opts);
    expect(answer).toMatchObject({ text: 'short summary', degraded: true, source: 'reduced' });
    expect(answer.reason).toBeInstanceOf(Anthropic.OverloadedError);
    expect(server.messageRequests()[1]?.body).toMatchObject({ model: 'claude-haiku-4-5-20251001', max_tokens: 300, messages: params.messages });
  });

  it('serves the last good answer when every call fails', async () => {
    server.enqueue(reply.ok('full summary'));
    await answerOrDegrade(client, params, opts);
    server.respond(() => reply.overloaded());
    expect(await answerOrDegrade(client, params, opts)).toMatchObject({ text: 'full summary', degraded: true, source: 'cache' });
    expect(server.messageRequests()).toHaveLength(3);
  });

  it('ends with the fixed message when there is nothing cached', async () => {
    server.respond(() => reply.apiError());
    expect(await answerOrDegrade(client, params, opts)).toMatchObject({
      text: 'Summaries are unavailable right now.',
      degraded: true,
      source: 'fallback',
    });
  });

  it('does not hide a 400 behind a degraded answer', async () => {
    opts.cache.set('incident-42', 'stale');
    server.enqueue(reply.promptTooLong(219898, 200000));
    await expect(answerOrDegrade(client, params, opts)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(server.messageRequests()).toHaveLength(1);
  });
});
