// Submit work that can wait through the Message Batches API (half price on every token
// category), with a shared system prompt cached. Caching inside a batch is best effort:
// requests run in parallel and may miss each other's writes, so warm the cache once first,
// with the 1-hour TTL (a batch can take longer than five minutes).
//
// Two things the API does that a naive loop trips over: a batch holds at most 100,000
// requests or 256 MB, so the work is split; and right after creation, `retrieve` and
// `results` can answer 404 for a while, so those calls retry a not-found with backoff.
import Anthropic from '@anthropic-ai/sdk';
import { getFact } from '../../../src/lib/catalogue.ts'; // this guide's catalogue: the batch limits, with sources

const MODEL = 'claude-haiku-5-5';
const MAX_REQUESTS = Number(getFact('batchLimits.maxRequests').value);
const MAX_BYTES = Number(getFact('batchLimits.maxMb').value) * 1_000_000 * 0.95; // headroom for the JSON around each request

type BatchRequest = Anthropic.Messages.BatchCreateParams.Request;

export interface BatchTotals {
  batches: string[];
  succeeded: number;
  failed: string[]; // custom_ids to resubmit or inspect
  usage: { input: number; cacheWrite: number; cacheRead: number; output: number };
}

/** Split requests into batches under both limits, in order. */
export function splitIntoBatches(requests: BatchRequest[], maxRequests = MAX_REQUESTS, maxBytes = MAX_BYTES): BatchRequest[][] {
  const batches: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  let bytes = 0;
  for (const request of requests) {
    const size = Buffer.byteLength(JSON.stringify(request));
    if (size > maxBytes) throw new Error(`request ${request.custom_id} alone is over the batch size limit`);
    if (current.length > 0 && (current.length >= maxRequests || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(request);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Retry a call while it answers 404 (a batch just created may not be visible yet). */
export async function retryNotFound<T>(fn: () => Promise<T>, { attempts = 6, baseMs = 1_000 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof Anthropic.NotFoundError) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** (attempt - 1)));
    }
  }
}

export async function summarizeInBatch(
  client: Anthropic,
  systemPrompt: string,
  documents: { id: string; text: string }[],
  { pollMs = 60_000, notFoundBaseMs = 1_000 } = {},
): Promise<BatchTotals> {
  const system: Anthropic.TextBlockParam[] = [{ type: 'text', text: systemPrompt, cache_control: { type: 'ephemeral', ttl: '1h' } }];

  // 1. Warm the cache with one ordinary request (full price, but it writes the prefix).
  await client.messages.create({ model: MODEL, max_tokens: 1, system, messages: [{ role: 'user', content: 'ok' }] });

  // 2. One request per document, custom_id to match results back; split under the batch limits.
  const requests: BatchRequest[] = documents.map((doc) => ({
    custom_id: doc.id,
    params: { model: MODEL, max_tokens: 512, system, messages: [{ role: 'user', content: `Summarize in three sentences:\n\n${doc.text}` }] },
  }));
  const totals: BatchTotals = { batches: [], succeeded: 0, failed: [], usage: { input: 0, cacheWrite: 0, cacheRead: 0, output: 0 } };
  for (const chunk of splitIntoBatches(requests)) {
    const batch = await client.messages.batches.create({ requests: chunk });
    totals.batches.push(batch.id);

    // 3. Poll until it ends. Most batches end within an hour; the limit is 24 hours.
    let status = batch;
    while (status.processing_status !== 'ended') {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      status = await retryNotFound(() => client.messages.batches.retrieve(batch.id), { baseMs: notFoundBaseMs });
    }

    // 4. Read results in any order; they are matched by custom_id, not position.
    for await (const item of await retryNotFound(() => client.messages.batches.results(batch.id), { baseMs: notFoundBaseMs })) {
      if (item.result.type !== 'succeeded') {
        totals.failed.push(item.custom_id);
        continue;
      }
      const u = item.result.message.usage;
      totals.succeeded += 1;
      totals.usage.input += u.input_tokens;
      totals.usage.cacheWrite += u.cache_creation_input_tokens ?? 0;
      totals.usage.cacheRead += u.cache_read_input_tokens ?? 0;
      totals.usage.output += u.output_tokens;
    }
  }
  return totals;
}
