// JSON that always parses: constrain the output with a JSON schema (structured outputs),
// detect truncation and refusals, validate, and retry once with the validation error.
import Anthropic from '@anthropic-ai/sdk';

const TICKET_SCHEMA = {
  type: 'object',
  properties: {
    category: { type: 'string', enum: ['billing', 'bug', 'feature', 'account', 'other'] },
    urgent: { type: 'boolean' },
    summary: { type: 'string' },
  },
  required: ['category', 'urgent', 'summary'],
  additionalProperties: false,
} as const;

export interface Ticket {
  category: 'billing' | 'bug' | 'feature' | 'account' | 'other';
  urgent: boolean;
  summary: string;
}

function validate(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const v = value as Record<string, unknown>;
  if (!TICKET_SCHEMA.properties.category.enum.includes(v['category'] as Ticket['category'])) return 'bad category';
  if (typeof v['urgent'] !== 'boolean') return 'urgent must be a boolean';
  if (typeof v['summary'] !== 'string' || v['summary'] === '') return 'summary must be a non-empty string';
  return null;
}

export async function classifyTicket(text: string, model = 'claude-haiku-5-5'): Promise<Ticket> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const messages: Anthropic.MessageParam[] = [
    { role: 'user', content: `Classify this support ticket.\n\n<ticket>\n${text}\n</ticket>` },
  ];
  for (let attempt = 0; attempt < 2; attempt++) {
    const message = await client.messages.create({
      model,
      max_tokens: 1_000,
      messages,
      output_config: { format: { type: 'json_schema', schema: TICKET_SCHEMA } },
    });
    // A refusal is an HTTP 200 with no JSON to fix: retrying here pays again for the same answer.
    // Hand it to your fallback path instead (see /guide/fallbacks/#refusals-http-200-with-stop_reason-refusal).
    if (message.stop_reason === 'refusal') {
      const category = message.stop_details?.category ?? null;
      throw new Error(`refused by ${model} (category ${category ?? 'none'}): fall back, do not retry`);
    }
    // Truncated JSON is a max_tokens problem, not a model problem: never parse it.
    if (message.stop_reason === 'max_tokens') throw new Error('output cut off: raise max_tokens');
    const raw = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
    let problem: string | null;
    try {
      const parsed: unknown = JSON.parse(raw);
      problem = validate(parsed);
      if (problem === null) return parsed as Ticket;
    } catch (e) {
      problem = `invalid JSON: ${(e as Error).message}`;
    }
    // One retry with the exact problem; a second failure goes to a human or a bigger model.
    messages.push(
      { role: 'assistant', content: raw },
      { role: 'user', content: `That output was rejected (${problem}). Return corrected JSON only.` },
    );
  }
  throw new Error('no valid ticket JSON after a retry');
}
