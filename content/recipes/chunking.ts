// Map-reduce over a document too big for one request, using token counts to stay under the window.
//
// Characters-per-token guesses drift between models (the tokenizer of Claude 4.7
// and later produces more tokens for the same text), so each piece is measured
// with `messages.countTokens` on the exact request it will be sent in, and halved
// at a paragraph or sentence break until it fits. Without this you find out from
// a 400 "prompt is too long: N tokens > M maximum".
import type Anthropic from '@anthropic-ai/sdk';
import { getModel } from '../../src/lib/catalogue.ts'; // this guide's model catalogue: context windows

export interface ChunkingOptions {
  model: string;
  /** Input tokens one request may use; see inputBudget(). */
  maxInputTokens: number;
  /** Output tokens per call. */
  maxTokens: number;
  mapInstruction: string;
  reduceInstruction: string;
  /** Stop if partial answers do not shrink (e.g. maxTokens close to maxInputTokens). */
  maxRounds?: number;
}

/** The input a request can carry: the model's context window minus the output you reserve. */
export function inputBudget(modelKey: string, maxTokens: number): number {
  const window = getModel(modelKey).contextWindow?.value;
  if (window === undefined) throw new Error(`no context window for ${modelKey} in the catalogue`);
  return window - maxTokens;
}

/** Split at the paragraph, line, sentence or word break nearest the middle; each half keeps its separators. */
function halve(text: string): [string, string] {
  const mid = Math.floor(text.length / 2);
  for (const sep of ['\n\n', '\n', '. ', ' ']) {
    const cuts = [text.lastIndexOf(sep, mid), text.indexOf(sep, mid)]
      .filter((i) => i > 0)
      .map((i) => i + sep.length)
      .filter((cut) => cut < text.length);
    if (cuts.length > 0) {
      const cut = cuts.reduce((best, c) => (Math.abs(c - mid) < Math.abs(best - mid) ? c : best));
      return [text.slice(0, cut), text.slice(cut)];
    }
  }
  return [text.slice(0, mid), text.slice(mid)];
}

/** Pieces of `text`, in order and together equal to it, each of whose requests counts at most `maxInputTokens`. */
export async function splitToFit(
  text: string,
  countRequest: (piece: string) => Promise<number>,
  maxInputTokens: number,
): Promise<string[]> {
  if ((await countRequest(text)) <= maxInputTokens) return [text];
  if (text.length < 2) throw new Error('the instructions alone exceed the input budget');
  const [a, b] = halve(text);
  return [...(await splitToFit(a, countRequest, maxInputTokens)), ...(await splitToFit(b, countRequest, maxInputTokens))];
}

const textOf = (m: Anthropic.Message): string =>
  m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');

export async function mapReduce(client: Anthropic, document: string, opts: ChunkingOptions): Promise<string> {
  const { model, maxTokens, maxInputTokens, maxRounds = 5 } = opts;
  const request = (system: string, content: string) => ({ model, system, messages: [{ role: 'user' as const, content }] });
  const count = (system: string) => async (piece: string) => (await client.messages.countTokens(request(system, piece))).input_tokens;
  // One call per piece, in order. Sequential keeps a big document under your rate limits; bounded concurrency is faster.
  const run = async (system: string, pieces: string[]) => {
    const out: string[] = [];
    for (const piece of pieces) out.push(textOf(await client.messages.create({ ...request(system, piece), max_tokens: maxTokens })));
    return out;
  };

  const chunks = await splitToFit(document, count(opts.mapInstruction), maxInputTokens);
  let partials = await run(opts.mapInstruction, chunks);
  if (partials.length === 1) return partials[0]!;
  for (let round = 0; round < maxRounds; round++) {
    // Reduce: combine as many partial answers per call as fit; repeat until one call holds them all.
    const groups = await splitToFit(partials.join('\n\n'), count(opts.reduceInstruction), maxInputTokens);
    partials = await run(opts.reduceInstruction, groups);
    if (groups.length === 1) return partials[0]!;
  }
  throw new Error(`partial answers still do not fit in one request after ${maxRounds} rounds`);
}
