import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftThenRefine } from '../../../content/recipes/refine.ts';
import { getModel } from '../../../src/lib/catalogue.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const haikuId = getModel('haiku-4-5').apiId?.value;
const isJson = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('refine recipe (Haiku first, then Opus)', () => {
  it('stops at Haiku when the draft passes the check', async () => {
    server.enqueue(reply.ok('{"intent":"refund"}'));
    const result = await draftThenRefine(client, 'Classify: I want my money back', { accept: isJson });
    expect(result).toEqual({ text: '{"intent":"refund"}', model: haikuId, escalated: false });
    expect(server.messageRequests().map((r) => r.model)).toEqual([haikuId]);
  });

  it('escalates a failing draft to Opus, with the draft to correct', async () => {
    server.enqueue(reply.ok('intent: refund'), reply.ok('{"intent":"refund"}'));
    const result = await draftThenRefine(client, 'Classify: I want my money back', { accept: isJson });
    expect(result).toMatchObject({ text: '{"intent":"refund"}', model: 'claude-opus-4-7', escalated: true, draft: 'intent: refund' });
    const [draftReq, refineReq] = server.messageRequests();
    expect(draftReq?.model).toBe(haikuId);
    expect(refineReq?.model).toBe('claude-opus-4-7');
    const messages = refineReq?.body['messages'] as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[0]?.content).toBe('Classify: I want my money back');
    expect(messages[1]?.content).toBe('intent: refund');
  });

  it('goes straight to Opus when Haiku is overloaded', async () => {
    server.enqueue(reply.overloaded());
    const result = await draftThenRefine(client, 'q', { accept: () => true });
    expect(result).toMatchObject({ model: 'claude-opus-4-7', escalated: true });
    expect(result).not.toHaveProperty('draft');
    expect((server.messageRequests()[1]?.body['messages'] as unknown[]).length).toBe(1);
  });

  it('does not escalate a 400 (Opus would reject it too)', async () => {
    server.enqueue(reply.promptTooLong(219898, 200000));
    await expect(draftThenRefine(client, 'q', { accept: () => true })).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(server.messageRequests()).toHaveLength(1);
  });
});
