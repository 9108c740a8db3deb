// Does my prompt cache actually hit? Send the same request twice and read the usage fields.
// Run it with your real system prompt and tools, not a toy one: the failure modes are in the details.
import { readFileSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';

export interface CacheVerdict {
  prefixTokens: number; // tools + system as the model counts them
  belowMinimum: boolean; // shorter prefixes are silently not cached: no error, no write
  firstWrite: number;
  secondRead: number;
  missReason: string | null; // from the API's cache diagnostics, when it can tell
}

export async function checkCache(
  client: Anthropic,
  model: string,
  system: string,
  tools: Anthropic.Tool[],
  minCacheablePrompt: number, // the model's minimum, from the model catalogue
): Promise<CacheVerdict> {
  // 1. Is the cacheable prefix long enough for this model at all?
  const counted = await client.messages.countTokens({
    model,
    system,
    tools,
    messages: [{ role: 'user', content: '.' }],
  });

  const request = (question: string, previousId: string | null): Anthropic.MessageCreateParamsNonStreaming => ({
    model,
    max_tokens: 64,
    tools,
    // The breakpoint goes on the last block that is identical across calls.
    system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: question }],
    // Ask the API to explain a miss against the previous response (SDK 1.x `diagnostics`).
    diagnostics: { previous_message_id: previousId },
  });

  // 2. Two calls with the same prefix and different questions, well inside the 5-minute TTL.
  const first = await client.messages.create(request('What is 2 + 2?', null));
  const second = await client.messages.create(request('What is 3 + 3?', first.id));

  return {
    prefixTokens: counted.input_tokens,
    belowMinimum: counted.input_tokens < minCacheablePrompt,
    firstWrite: first.usage.cache_creation_input_tokens ?? 0,
    secondRead: second.usage.cache_read_input_tokens ?? 0,
    missReason: second.diagnostics?.cache_miss_reason?.type ?? null,
  };
}

export async function main(): Promise<void> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  // Usage: SYSTEM_PROMPT_FILE=prompt.txt MODEL=claude-sonnet-5-5 MIN_CACHEABLE=<minimum for that model>
  const system = readFileSync(process.env['SYSTEM_PROMPT_FILE'] ?? 'system-prompt.txt', 'utf8');
  const model = process.env['MODEL'] ?? 'claude-sonnet-5-5';
  const verdict = await checkCache(client, model, system, [], Number(process.env['MIN_CACHEABLE'] ?? '0'));
  console.log(JSON.stringify(verdict, null, 2));
  if (verdict.secondRead === 0) console.log('cache MISS: see the checklist in /guide/cost-spikes/#the-prompt-cache-never-hits');
}
