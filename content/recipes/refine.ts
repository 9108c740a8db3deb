// Haiku first, then Opus: let the cheap, fast model try, and escalate only what it gets wrong.
//
// The check decides the economics: it must be cheap and reliable (parse the JSON,
// run the tests, match the schema). When it passes, you paid Haiku prices; when it
// fails, Opus gets Haiku's draft to correct instead of starting from nothing.
import type Anthropic from '@anthropic-ai/sdk';
import { isRetryable } from './retry.ts';
import { modelId } from './routing.ts';

export interface RefineOptions {
  /** Returns true when the draft is good enough to send to the user as is. */
  accept: (draft: string) => boolean | Promise<boolean>;
  draftModel?: string;
  refineModel?: string;
  maxTokens?: number;
}

export interface RefineResult {
  text: string;
  model: string;
  escalated: boolean;
  /** Haiku's draft when it was escalated (absent if the draft call itself failed). */
  draft?: string;
}

const textOf = (m: Anthropic.Message): string =>
  m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');

export async function draftThenRefine(
  client: Anthropic,
  prompt: string,
  { accept, draftModel = modelId('haiku-4-5'), refineModel = modelId('opus-4-7'), maxTokens = 4_000 }: RefineOptions,
): Promise<RefineResult> {
  const ask: Anthropic.MessageParam = { role: 'user', content: prompt };

  let draft: string | undefined;
  try {
    draft = textOf(await client.messages.create({ model: draftModel, max_tokens: maxTokens, messages: [ask] }));
    if (await accept(draft)) return { text: draft, model: draftModel, escalated: false };
  } catch (error) {
    if (!isRetryable(error)) throw error; // a 400 would fail on Opus too
    // Haiku is overloaded: go straight to Opus without a draft.
  }

  const messages: Anthropic.MessageParam[] =
    draft === undefined
      ? [ask]
      : [
          ask,
          { role: 'assistant', content: draft },
          { role: 'user', content: 'That draft did not pass review. Find its mistakes and write a corrected, complete answer.' },
        ];
  const final = textOf(await client.messages.create({ model: refineModel, max_tokens: maxTokens, messages }));
  return { text: final, model: refineModel, escalated: true, ...(draft === undefined ? {} : { draft }) };
}
