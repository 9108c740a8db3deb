import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputBudget, mapReduce, splitToFit, type ChunkingOptions } from '../../../content/recipes/chunking.ts';
import { getModel } from '../../../src/lib/catalogue.ts';
import { countTokens, reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

// A toy model with a 200-token window (the server counts one token per word) and 80 tokens kept for output.
const WINDOW = 200;
const MAX_TOKENS = 80;
const BUDGET = WINDOW - MAX_TOKENS;

let server: FaultServer;
let client: Anthropic;
const opts: ChunkingOptions = {
  model: 'claude-haiku-4-5-20251001',
  maxInputTokens: BUDGET,
  maxTokens: MAX_TOKENS,
  mapInstruction: 'Summarise this part of the report.',
  reduceInstruction: 'Combine these partial summaries into one.',
};
// 30 paragraphs of 25 words: 750 tokens, almost four windows.
const document = Array.from({ length: 30 }, (_, p) =>
  Array.from({ length: 25 }, (_, w) => (w === 24 ? `p${p}w${w}.` : `p${p}w${w}`)).join(' '),
).join('\n\n');

const userText = (body: Record<string, unknown>) => (body['messages'] as { content: string }[])[0]!.content;

beforeEach(async () => {
  server = await startFaultServer({ contextWindow: WINDOW });
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe('chunking recipe', () => {
  it('the whole document in one request is rejected with the real 400', async () => {
    const err = await client.messages
      .create({ model: opts.model, max_tokens: MAX_TOKENS, messages: [{ role: 'user', content: document }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect((err as Error).message).toContain('prompt is too long: 750 tokens > 200 maximum');
  });

  it('map-reduce keeps every request under the budget, loses no text, and returns the reduced answer', async () => {
    let part = 0;
    server.respond((req) => {
      if (req.kind !== 'messages') return undefined;
      return req.body['system'] === opts.mapInstruction ? reply.ok(`summary of part ${++part}`) : reply.ok('final answer');
    });
    const answer = await mapReduce(client, document, opts);
    expect(answer).toBe('final answer');

    const calls = server.messageRequests();
    expect(calls.every((r) => r.inputTokens <= BUDGET)).toBe(true);
    const maps = calls.filter((r) => r.body['system'] === opts.mapInstruction);
    expect(maps.length).toBeGreaterThanOrEqual(Math.ceil(750 / BUDGET));
    expect(maps.map((r) => userText(r.body)).join('')).toBe(document); // in order, nothing dropped or repeated
    const reduces = calls.filter((r) => r.body['system'] === opts.reduceInstruction);
    expect(reduces).toHaveLength(1);
    expect(userText(reduces[0]!.body)).toContain(`summary of part ${maps.length}`);
    // every count_tokens call measured the same request shape that was then sent
    expect(server.requests.filter((r) => r.kind === 'count_tokens').every((r) => r.body['system'] !== undefined)).toBe(true);
  });

  it('splits at paragraph breaks when it can', async () => {
    const count = async (piece: string) =>
      countTokens({ system: opts.mapInstruction, messages: [{ role: 'user', content: piece }] });
    const chunks = await splitToFit(document, count, BUDGET);
    expect(chunks.join('')).toBe(document);
    for (const c of chunks) {
      expect(await count(c)).toBeLessThanOrEqual(BUDGET);
      expect(c.endsWith('\n\n') || c === chunks.at(-1)).toBe(true);
    }
  });

  it('counts the instructions as part of each request (a long system prompt leaves less room per chunk)', async () => {
    const mapInstruction = Array.from({ length: 100 }, (_, i) => `rule${i}`).join(' ');
    server.respond((req) => (req.kind === 'messages' ? reply.ok('s') : undefined));
    await mapReduce(client, document, { ...opts, mapInstruction });
    const maps = server.messageRequests().filter((r) => r.body['system'] === mapInstruction);
    expect(maps.every((r) => r.inputTokens <= BUDGET)).toBe(true);
    expect(maps.length).toBeGreaterThanOrEqual(Math.ceil(750 / (BUDGET - 100)));
    expect(maps.map((r) => userText(r.body)).join('')).toBe(document);
  });

  it('reduces in several rounds when the partial answers are too long for one call', async () => {
    const long = (n: number) => Array.from({ length: 40 }, (_, i) => `s${n}-${i}`).join(' ');
    let n = 0;
    server.respond((req) => {
      if (req.kind !== 'messages') return undefined;
      if (req.body['system'] === opts.mapInstruction) return reply.ok(long(++n));
      return req.inputTokens > 60 ? reply.ok('merged summary') : reply.ok('final answer');
    });
    expect(await mapReduce(client, document, opts)).toBe('final answer');
    const reduces = server.messageRequests().filter((r) => r.body['system'] === opts.reduceInstruction);
    expect(reduces.length).toBeGreaterThan(1);
    expect(server.messageRequests().every((r) => r.inputTokens <= BUDGET)).toBe(true);
  });

  it('gives up rather than loop when answers never shrink', async () => {
    server.respond((req) => (req.kind === 'messages' ? reply.ok(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')) : undefined));
    await expect(mapReduce(client, document, { ...opts, maxRounds: 2 })).rejects.toThrow(/after 2 rounds/);
  });

  it('takes the window from the catalogue', () => {
    expect(inputBudget('haiku-4-5', 8_000)).toBe(getModel('haiku-4-5').contextWindow!.value - 8_000);
  });
});
