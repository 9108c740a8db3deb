// Keep inference in the US with inference_geo, and fail closed: a compliance control must refuse
// rather than run elsewhere. Two checks: an allow-list of models known to accept `inference_geo`
// (from this guide's catalogue: confirmed, not inferred), and the response's usage.inference_geo,
// which must say "us" or the answer is not returned.
import type Anthropic from '@anthropic-ai/sdk';
import { findModel } from '../../../src/lib/catalogue.ts';

export class NotInUsError extends Error {}

/** Allow-list: the catalogue says the model accepts inference_geo "us", and that figure is confirmed. */
export function acceptsUsGeo(model: string): boolean {
  const m = findModel(model);
  return m?.usGeo.value === true && m.usGeo.confidence === 'confirmed';
}

export async function askInUs(client: Anthropic, model: string, prompt: string): Promise<Anthropic.Message> {
  if (!acceptsUsGeo(model)) throw new NotInUsError(`${model} is not known to accept inference_geo "us"; refusing to send`);
  const message = await client.messages.create({
    model,
    max_tokens: 1_024,
    inference_geo: 'us', // every token category is billed at the US multiplier
    messages: [{ role: 'user', content: prompt }],
  });
  if (message.usage.inference_geo !== 'us') {
    // It ran (and is billed), but not where it had to: never hand the answer on.
    throw new NotInUsError(`expected inference_geo "us", got ${message.usage.inference_geo ?? 'none'} (request ${message.id})`);
  }
  return message;
}
