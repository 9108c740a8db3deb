// Submit work that can wait through the Message Batches API (half price on every token
// category), with a shared system prompt cached. Requests in a batch run in parallel and
// cannot reuse each other's cache writes, so warm the cache once first, with the 1-hour TTL.
import Anthropic from '@anthropic-ai/sdk';

const MODEL = 'claude-haiku-5-5';

export interface BatchTotals {
  succeeded: number;
  failed: string[]; // custom_ids to resubmit or inspect
  usage: { input: number; cacheWrite: number; cacheRead: number; output: number };
}

export async function summarizeInBatch(
  systemPrompt: string,
  documents: { id: string; text: string }[],
): Promise<BatchTotals> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const system: Anthropic.TextBlockParam[] = [
    { type: 'text', text: systemPrompt, cache_control: { type: 'ephemeral', ttl: '1h' } },
  ];

  // 1. Warm the cache with one ordinary request (full price, but it writes the prefix).
  await client.messages.create({
    model: MODEL,
    max_tokens: 1,
    system,
    messages: [{ role: 'user', content: 'ok' }],
  });

  // 2. Submit the batch: one request per document, custom_id to match results back.
  const batch = await client.messages.batches.create({
    requests: documents.map((doc) => ({
      custom_id: doc.id,
      params: {
        model: MODEL,
        max_tokens: 512,
        system,
        messages: [{ role: 'user', content: `Summarize in three sentences:\n\n${doc.text}` }],
      },
    })),
  });

  // 3. Poll until it ends. Most batches finish well inside the 24-hour limit.
  let status = batch;
  while (status.processing_status !== 'ended') {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    status = await client.messages.batches.retrieve(batch.id);
  }

  // 4. Read results in any order; they are matched by custom_id, not position.
  const totals: BatchTotals = {
    succeeded: 0,
    failed: [],
    usage: { input: 0, cacheWrite: 0, cacheRead: 0, output: 0 },
  };
  for await (const item of await client.messages.batches.results(batch.id)) {
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
  return totals;
}
