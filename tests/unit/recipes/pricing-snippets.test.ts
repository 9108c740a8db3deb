// The pricing chapter's code: cost per task (review C1), US-only inference (C3) and batch submission (C4).
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retryNotFound, splitIntoBatches } from '../../../content/snippets/pricing-caching-batch/batch-submit.ts';
import { costPerCompletedTask, requestCost } from '../../../content/snippets/pricing-caching-batch/cost-per-task.ts';
import { NotInUsError, acceptsUsGeo, askInUs } from '../../../content/snippets/pricing-caching-batch/us-inference.ts';
import { estimateCost } from '../../../src/lib/pricing.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';
import { costRows } from './scenarios.ts';

describe('cost per task (shared rows with the Python twin)', () => {
  it.each(costRows)('$name', (row) => {
    expect(requestCost(row.log)).toBeCloseTo(row.expectedUsd, 10);
  });

  it('prices 1-hour writes at the 1-hour rate, not the 5-minute one', () => {
    const usage = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 1_000_000, cache_read_input_tokens: 0 };
    const at5m = requestCost({ model: 'claude-sonnet-5-5', usage });
    const at1h = requestCost({
      model: 'claude-sonnet-5-5',
      usage: { ...usage, cache_creation: { ephemeral_1h_input_tokens: 1_000_000, ephemeral_5m_input_tokens: 0 } },
    });
    expect(at1h / at5m).toBeCloseTo(2 / 1.25, 10);
  });

  it('ranks Haiku 5.5 above 100K-token prompts at its higher tier', () => {
    const long = { input_tokens: 150_000, output_tokens: 1_000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    const [row] = costPerCompletedTask([{ taskId: 't', model: 'claude-haiku-5-5', passed: true, usage: long }]);
    expect(row?.spend).toBeCloseTo(estimateCost('haiku-5-5', { requests: 1, inputTokens: 150_000, outputTokens: 1_000 }).total, 12);
    expect(row?.spend).toBeCloseTo((150_000 * 0.5 + 1_000 * 2.5) / 1e6, 12);
  });
});

describe('US-only inference fails closed', () => {
  let server: FaultServer;
  let client: Anthropic;
  beforeEach(async () => {
    server = await startFaultServer();
    client = new Anthropic({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
  });
  afterEach(() => server.close());

  it('allows only models the catalogue confirms, and sends nothing for others', async () => {
    expect(acceptsUsGeo('claude-sonnet-5-5')).toBe(true);
    expect(acceptsUsGeo('claude-haiku-4-5-20251001')).toBe(false);
    expect(acceptsUsGeo('claude-made-up-9')).toBe(false);
    await expect(askInUs(client, 'claude-made-up-9', 'hi')).rejects.toBeInstanceOf(NotInUsError);
    expect(server.messageRequests()).toHaveLength(0);
  });

  it('returns the answer when it ran in the US and throws when it did not', async () => {
    const ok = await askInUs(client, 'claude-sonnet-5-5', 'hi');
    expect(ok.usage.inference_geo).toBe('us');
    expect(server.messageRequests()[0]?.body['inference_geo']).toBe('us');
    server.enqueue({ ...reply.ok('elsewhere'), kind: 'message', inferenceGeo: 'global' } as ReturnType<typeof reply.ok>);
    await expect(askInUs(client, 'claude-sonnet-5-5', 'hi')).rejects.toBeInstanceOf(NotInUsError);
  });
});

describe('batch submission', () => {
  const req = (i: number, text = 'x') => ({
    custom_id: `d${i}`,
    params: { model: 'claude-haiku-5-5', max_tokens: 8, messages: [{ role: 'user' as const, content: text }] },
  });

  it('splits under the request-count and size limits, in order', () => {
    const batches = splitIntoBatches(Array.from({ length: 25 }, (_, i) => req(i)), 10, 1e9);
    expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
    const size = Buffer.byteLength(JSON.stringify(req(0, 'y'.repeat(100))));
    const bySize = splitIntoBatches(Array.from({ length: 5 }, (_, i) => req(i, 'y'.repeat(100))), 1_000, size * 2);
    expect(bySize.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(bySize.flat().map((r) => r.custom_id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
  });

  it('retries the transient 404 after creation, and gives up on a lasting one', async () => {
    const notFound = () => APIError.generate(404, { type: 'error', error: { type: 'not_found_error', message: 'batch not found' } }, 'nf', new Headers());
    let calls = 0;
    const value = await retryNotFound(
      async () => {
        if (++calls < 3) throw notFound();
        return 'ended';
      },
      { baseMs: 1 },
    );
    expect([value, calls]).toEqual(['ended', 3]);
    await expect(retryNotFound(async () => Promise.reject(notFound()), { attempts: 3, baseMs: 1 })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    let other = 0;
    await expect(retryNotFound(async () => (other++, Promise.reject(new Error('boom'))), { baseMs: 1 })).rejects.toThrow('boom');
    expect(other).toBe(1);
  });
});
