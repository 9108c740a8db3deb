import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetExceededError, Router, defaultRoutes, modelId, overridesFromEnv } from '../../../content/recipes/routing.ts';
import { getModel } from '../../../src/lib/catalogue.ts';
import { startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
const ask = [{ role: 'user' as const, content: 'one two three' }];

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('routing recipe', () => {
  it('sends each task to its model with its max_tokens and effort', async () => {
    const router = new Router({});
    await router.create(client, 'classify', ask);
    await router.create(client, 'code-review', ask);
    const [classify, review] = server.messageRequests();
    expect(classify?.body).toMatchObject({ model: getModel('haiku-5-5').apiId?.value, max_tokens: 256, output_config: { effort: 'low' } });
    expect(review?.body).toMatchObject({ model: 'claude-opus-5-5', max_tokens: 16_000, output_config: { effort: 'high' } });
  });

  it('takes ids from the catalogue for every cloud', () => {
    expect(defaultRoutes.classify.model).toBe(getModel('haiku-5-5').apiId?.value);
    expect(modelId('haiku-4-5', 'bedrock')).toBe(getModel('haiku-4-5').bedrockId?.value);
    expect(modelId('haiku-4-5', 'vertex')).toBe(getModel('haiku-4-5').vertexId?.value);
    expect(() => modelId('opus-5', 'vertex')).toThrow(/no vertex model id/);
  });

  it('is overridden by config (MODEL_ROUTES) without touching code', async () => {
    const router = new Router(overridesFromEnv('{"summarize":{"model":"claude-opus-4-7","effort":"high"}}'));
    await router.create(client, 'summarize', ask);
    expect(server.messageRequests()[0]?.body).toMatchObject({ model: 'claude-opus-4-7', max_tokens: 2_000, output_config: { effort: 'high' } });
    expect(() => overridesFromEnv('{"summarise":{}}')).toThrow(/unknown task "summarise"/);
    expect(overridesFromEnv(undefined)).toEqual({});
  });

  it('refuses a route the model cannot serve, at startup', () => {
    expect(() => new Router({ classify: { model: 'claude-haiku-4-5' } })).toThrow(/does not accept effort "low"/);
    expect(() => new Router({ summarize: { model: 'claude-haiku-4-5', maxTokens: 100_000 } })).toThrow(/over Claude Haiku 4.5's 64000/);
    expect(() => new Router({ summarize: { model: 'claude-sonnet-4-6', effort: 'xhigh' } })).toThrow(/Sonnet 4.6 does not accept effort "xhigh"/);
  });

  it('stops a task at its daily token budget without sending, and resets the next UTC day', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const router = new Router({ classify: { dailyTokenBudget: 10 } }, () => now);
    await router.create(client, 'classify', ask); // 3 input + 3 output tokens
    await router.create(client, 'classify', ask); // 12 used
    await expect(router.create(client, 'classify', ask)).rejects.toBeInstanceOf(BudgetExceededError);
    expect(server.messageRequests()).toHaveLength(2);
    await router.create(client, 'summarize', ask); // other tasks are unaffected
    now = new Date('2026-11-24T00:00:01Z');
    await router.create(client, 'classify', ask);
    expect(server.messageRequests()).toHaveLength(4);
  });
});
