// Keep inference in the US with inference_geo, only on models that accept it
// (Claude 4.6 and later), and check where each request actually ran.
import Anthropic from '@anthropic-ai/sdk';

// Models that reject inference_geo with a 400. Keep this list in your model config.
const NO_GEO = new Set([
  'claude-opus-4-5',
  'claude-opus-4-5-20251101',
  'claude-sonnet-4-5',
  'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5',
  'claude-haiku-4-5-20251001',
]);

export async function askInUs(model: string, prompt: string): Promise<Anthropic.Message> {
  if (NO_GEO.has(model)) {
    // Fail closed: silently running outside the US would break the requirement.
    throw new Error(`${model} does not accept inference_geo; use a Claude 4.6 or later model`);
  }
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const message = await client.messages.create({
    model,
    max_tokens: 1_024,
    inference_geo: 'us', // every token category is billed at the US multiplier
    messages: [{ role: 'user', content: prompt }],
  });
  if (message.usage.inference_geo !== 'us') {
    console.warn(`expected inference_geo "us", got ${message.usage.inference_geo ?? 'none'}`);
  }
  return message;
}
