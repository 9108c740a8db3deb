// Move work nobody is waiting for off the real-time path: the Message Batches API has its own
// limits, so batch jobs stop competing with interactive traffic for RPM/ITPM/OTPM.
import Anthropic from '@anthropic-ai/sdk';

export interface Job {
  id: string; // your own id, returned as custom_id with the result
  prompt: string;
}

export async function submitBatch(client: Anthropic, jobs: Job[], model: string): Promise<string> {
  const batch = await client.messages.batches.create({
    requests: jobs.map((job) => ({
      custom_id: job.id,
      params: {
        model,
        max_tokens: 1024,
        messages: [{ role: 'user' as const, content: job.prompt }],
      },
    })),
  });
  return batch.id;
}

/** Poll until the batch has ended, then collect the text of each successful result by custom_id. */
export async function collectBatch(client: Anthropic, batchId: string, pollMs = 60_000): Promise<Map<string, string>> {
  for (;;) {
    const batch = await client.messages.batches.retrieve(batchId);
    if (batch.processing_status === 'ended') break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const out = new Map<string, string>();
  for await (const entry of await client.messages.batches.results(batchId)) {
    if (entry.result.type === 'succeeded') {
      const text = entry.result.message.content
        .map((block) => (block.type === 'text' ? block.text : ''))
        .join('');
      out.set(entry.custom_id, text);
    } else {
      console.warn(entry.custom_id, entry.result.type); // errored | canceled | expired: resubmit or alert
    }
  }
  return out;
}

export function batchClient(): Anthropic {
  return new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
}
