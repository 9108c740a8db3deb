import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withShadow, type ShadowRecord } from '../../../content/recipes/shadow.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const params = { model: 'claude-sonnet-4-6', max_tokens: 512, messages: [{ role: 'user' as const, content: 'draft a reply' }] };
const candidateModel = 'claude-sonnet-5-5';

/** A log function and a promise of its first record. */
function capture(): { log: (r: ShadowRecord) => void; logged: Promise<ShadowRecord>; records: ShadowRecord[] } {
  const records: ShadowRecord[] = [];
  let resolve!: (r: ShadowRecord) => void;
  const logged = new Promise<ShadowRecord>((r) => (resolve = r));
  return { records, logged, log: (r) => (records.push(r), resolve(r)) };
}

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('shadow recipe', () => {
  it('returns the primary answer without waiting for a slow candidate, then logs both', async () => {
    server.respond((req) => (req.model === candidateModel ? reply.ok('candidate text', { delayMs: 800 }) : reply.ok('primary text')));
    const { log, logged, records } = capture();
    const started = performance.now();
    const message = await withShadow(client, params, { candidateModel, sampleRate: 1, log });
    expect(performance.now() - started).toBeLessThan(400);
    expect(message.content[0]).toMatchObject({ text: 'primary text' });
    expect(message.model).toBe('claude-sonnet-4-6');
    expect(records).toHaveLength(0); // the candidate is still running

    const record = await logged;
    expect(record.primary).toMatchObject({ model: 'claude-sonnet-4-6', text: 'primary text' });
    expect(record.candidate).toMatchObject({ model: candidateModel, text: 'candidate text' });
    expect(record.candidate.ms).toBeGreaterThanOrEqual(750);
  });

  it('sends the primary request unchanged and a copy with only the model changed', async () => {
    const { log, logged } = capture();
    await withShadow(client, params, { candidateModel, sampleRate: 1, log });
    await logged;
    const primary = server.messageRequests().find((r) => r.model === params.model);
    const copy = server.messageRequests().find((r) => r.model === candidateModel);
    expect(primary?.body).toEqual(params);
    expect(copy?.body).toEqual({ ...params, model: candidateModel });
  });

  it('a failing candidate changes nothing for the user, and the failure is logged', async () => {
    server.respond((req) => (req.model === candidateModel ? reply.apiError() : reply.ok('primary text')));
    const { log, logged } = capture();
    const message = await withShadow(client, params, { candidateModel, sampleRate: 1, log });
    expect(message.content[0]).toMatchObject({ text: 'primary text' });
    expect((await logged).candidate.error).toMatch(/500/);
  });

  it('copies only the sampled share of requests', async () => {
    const { log, logged, records } = capture();
    await withShadow(client, params, { candidateModel, sampleRate: 0.1, random: () => 0.5, log });
    await withShadow(client, params, { candidateModel, sampleRate: 0.1, random: () => 0.05, log });
    await logged;
    expect(records).toHaveLength(1);
    expect(server.messageRequests().map((r) => r.model).sort()).toEqual(['claude-sonnet-4-6', 'claude-sonnet-4-6', candidateModel]);
  });

  it('passes the primary’s own error through unchanged', async () => {
    server.respond((req) => (req.model === candidateModel ? undefined : reply.overloaded()));
    const { log, records } = capture();
    await expect(withShadow(client, params, { candidateModel, sampleRate: 1, log })).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    await Promise.all(server.messageRequests().map((r) => r.done));
    expect(records).toHaveLength(0);
  });
});
