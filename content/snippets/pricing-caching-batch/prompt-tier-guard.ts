// Haiku 5.5 bills the WHOLE request at a higher rate once the prompt passes a size
// threshold. For retrieval prompts, keep the best-ranked chunks that fit under it.
import Anthropic from '@anthropic-ai/sdk';

// Prompt tokens above which Haiku 5.5 switches price tier (from the pricing page; re-check it).
export const HAIKU_5_5_TIER_ABOVE = 100_000;

function build(question: string, chunks: string[]): Anthropic.MessageParam[] {
  const context = chunks.map((c, i) => `<doc index="${i + 1}">\n${c}\n</doc>`).join('\n');
  return [{ role: 'user', content: `${context}\n\nQuestion: ${question}` }];
}

// count_tokens is an estimate of what the request will be billed for, so aim below the threshold, not at it.
export const TIER_HEADROOM = 0.97;

/** `chunks` must be sorted best first. Returns the largest prefix of them that stays under the tier. */
export async function fitUnderTier(
  client: Anthropic,
  system: string,
  question: string,
  chunks: string[],
  limit = Math.floor(HAIKU_5_5_TIER_ABOVE * TIER_HEADROOM),
): Promise<{ messages: Anthropic.MessageParam[]; kept: number; tokens: number }> {
  const count = async (k: number) =>
    (
      await client.messages.countTokens({
        model: 'claude-haiku-5-5',
        system,
        messages: build(question, chunks.slice(0, k)),
      })
    ).input_tokens;

  let tokens = await count(chunks.length);
  if (tokens <= limit) return { messages: build(question, chunks), kept: chunks.length, tokens };

  // Binary search on how many chunks to keep: about log2(n) count_tokens calls.
  let lo = 0;
  let hi = chunks.length - 1;
  tokens = await count(0);
  if (tokens > limit) throw new Error(`system prompt and question alone are ${tokens} tokens, over the ${limit} budget`);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const t = await count(mid);
    if (t <= limit) {
      lo = mid;
      tokens = t;
    } else {
      hi = mid - 1;
    }
  }
  return { messages: build(question, chunks.slice(0, lo)), kept: lo, tokens };
}
