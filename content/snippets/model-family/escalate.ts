// Route up only when the answer fails a check you can run in code.
// The ladder starts at the cheapest model that passes most of your eval set.
import Anthropic from '@anthropic-ai/sdk';

export interface Attempt {
  model: string;
  passed: boolean;
  reason: string;
  usage: Anthropic.Usage;
}

export interface Escalated {
  text: string | null; // null when every model failed the check
  attempts: Attempt[];
}

/** Returns null when the output is acceptable, else why it is not. */
export type Check = (text: string) => string | null;

export async function answerWithEscalation(
  prompt: string,
  check: Check,
  ladder: string[] = ['claude-sonnet-5-5', 'claude-opus-5-5'],
): Promise<Escalated> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const attempts: Attempt[] = [];
  for (const model of ladder) {
    const message = await client.messages.create({
      model,
      max_tokens: 8_000,
      messages: [{ role: 'user', content: prompt }],
    });
    const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
    // A refusal (HTTP 200, empty text) is a reason to try the next model, not a bad answer.
    const reason =
      message.stop_reason === 'max_tokens' ? 'cut off at max_tokens'
      : message.stop_reason === 'refusal' ? 'refused'
      : check(text);
    attempts.push({ model, passed: reason === null, reason: reason ?? 'ok', usage: message.usage });
    if (reason === null) return { text, attempts };
  }
  return { text: null, attempts };
}

/** Example check: the answer must be JSON with a non-empty "steps" array. */
export const hasSteps: Check = (text) => {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'steps' in value) {
      const steps = (value as { steps: unknown }).steps;
      return Array.isArray(steps) && steps.length > 0 ? null : 'empty "steps"';
    }
    return 'no "steps" field';
  } catch {
    return 'not valid JSON';
  }
};
