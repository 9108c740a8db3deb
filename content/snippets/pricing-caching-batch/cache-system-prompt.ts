// Cache a long system prompt and read back what the request was billed for.
import Anthropic from '@anthropic-ai/sdk';

export interface CacheReport {
  uncachedInput: number; // billed at the base input price
  cacheWrite5m: number; // billed at the 5-minute write price
  cacheWrite1h: number; // billed at the 1-hour write price
  cacheRead: number; // billed at the cache-read price
  output: number;
  verdict: 'read' | 'write' | 'no cache';
}

export function cacheReport(usage: Anthropic.Usage): CacheReport {
  const written = usage.cache_creation_input_tokens ?? 0;
  const read = usage.cache_read_input_tokens ?? 0;
  // cache_creation splits writes by TTL; older responses only have the total.
  const w1h = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const w5m = usage.cache_creation?.ephemeral_5m_input_tokens ?? written - w1h;
  return {
    uncachedInput: usage.input_tokens,
    cacheWrite5m: w5m,
    cacheWrite1h: w1h,
    cacheRead: read,
    output: usage.output_tokens,
    verdict: read > 0 ? 'read' : written > 0 ? 'write' : 'no cache',
  };
}

export async function answerWithCachedSystem(
  systemPrompt: string, // stable text: instructions, policies, few-shot examples
  question: string, // everything that varies goes after the breakpoint
  ttl: '5m' | '1h' = '5m',
): Promise<{ text: string; report: CacheReport }> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const message = await client.messages.create({
    model: 'claude-sonnet-5-5',
    max_tokens: 1_024,
    system: [{ type: 'text', text: systemPrompt, cache_control: { type: 'ephemeral', ttl } }],
    messages: [{ role: 'user', content: question }],
  });
  const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
  const report = cacheReport(message.usage);
  // "no cache" on every call: the prefix is below the model's minimum, or the marker is missing.
  // "write" on every call: the prefix changes per request, or requests arrive further apart than the TTL.
  console.log(JSON.stringify({ model: message.model, ...report }));
  return { text, report };
}
