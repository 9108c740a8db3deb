import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crossCloud, sameModelOnEachCloud, type CloudTarget } from '../../../content/recipes/cross-cloud.ts';
import { getModel } from '../../../src/lib/catalogue.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let targets: CloudTarget[];
const params = { max_tokens: 256, messages: [{ role: 'user' as const, content: 'hi' }] };
const haiku = getModel('haiku-4-5');

/**
 * A client that sends what @anthropic-ai/vertex-sdk sends: the model moves from the body into the URL
 * (`…/publishers/anthropic/models/<model>:rawPredict`) and the body gains `anthropic_version`.
 */
function vertexStyleClient(baseURL: string): Anthropic {
  return new Anthropic({
    apiKey: 'test-key',
    baseURL,
    maxRetries: 0,
    fetch: async (input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      const { model, ...rest } = body;
      const url = `${baseURL}/v1/projects/p/locations/global/publishers/anthropic/models/${String(model)}:rawPredict`;
      void input;
      return fetch(url, { ...init, body: JSON.stringify({ ...rest, anthropic_version: 'vertex-2023-10-16' }) });
    },
  });
}

beforeEach(async () => {
  server = await startFaultServer();
  targets = sameModelOnEachCloud('haiku-4-5', {
    anthropic: new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 }),
    bedrock: new Anthropic({ apiKey: 'test-key', baseURL: `${server.url}/bedrock/anthropic`, maxRetries: 0 }),
    vertex: vertexStyleClient(`${server.url}/vertex`),
  });
});
afterEach(() => server.close());

const cloudOf = (prefix: string) => (prefix === '' ? 'anthropic' : prefix.startsWith('/bedrock') ? 'bedrock' : 'vertex');

describe('cross-cloud recipe', () => {
  it('uses each cloud’s own id for the same model, from the catalogue', () => {
    expect(targets.map((t) => [t.cloud, t.model])).toEqual([
      ['anthropic', haiku.apiId?.value],
      ['bedrock', `us.${haiku.bedrockId?.value}`],
      ['vertex', haiku.vertexId?.value],
    ]);
  });

  it('goes API → Bedrock → Vertex and reports where the answer came from', async () => {
    server.enqueue(reply.overloaded(), reply.overloaded());
    const result = await crossCloud(targets, params);
    expect(result.cloud).toBe('vertex');
    expect(result.model).toBe(haiku.vertexId?.value);
    expect(result.failures.map((f) => f.cloud)).toEqual(['anthropic', 'bedrock']);
    const seen = server.messageRequests();
    expect(seen.map((r) => cloudOf(r.prefix))).toEqual(['anthropic', 'bedrock', 'vertex']);
    expect(seen.map((r) => r.model)).toEqual([haiku.apiId?.value, `us.${haiku.bedrockId?.value}`, haiku.vertexId?.value]);
    expect(seen[2]?.path).toContain(`/publishers/anthropic/models/${haiku.vertexId?.value}:rawPredict`);
    expect(seen[2]?.body).toMatchObject({ anthropic_version: 'vertex-2023-10-16' });
    expect(seen[2]?.body).not.toHaveProperty('model');
  });

  it('stays on the Claude API when it answers', async () => {
    const result = await crossCloud(targets, params);
    expect(result.cloud).toBe('anthropic');
    expect(server.messageRequests()).toHaveLength(1);
  });

  it('never switches cloud on a 400', async () => {
    server.enqueue(reply.promptTooLong(219898, 200000));
    await expect(crossCloud(targets, params)).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(server.messageRequests()).toHaveLength(1);
  });

  it('switches cloud on the Claude API spend cap (the other clouds bill separately) and on timeouts', async () => {
    server.enqueue(reply.spendCap(), reply.ok('late', { delayMs: 3_000 }));
    const result = await crossCloud(targets, params, { timeoutMs: 600 });
    expect(result.cloud).toBe('vertex');
    expect(result.failures[0]?.error).toMatchObject({ status: 429, errorCode: 'enforced_spend_limit_reached' });
    expect(result.failures[1]?.error).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('throws every failure when all three clouds fail', async () => {
    server.respond(() => reply.apiError());
    const err = await crossCloud(targets, params).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AggregateError);
    expect((err as AggregateError).errors).toHaveLength(3);
  });
});
