// LLM-as-judge with the habits that keep it honest: a specific rubric, reasoning
// first and then a score on a small fixed scale (the reasoning is discarded),
// and pairwise comparisons run in both orders so position bias shows up as a tie.
import Anthropic from '@anthropic-ai/sdk';

export interface Graded {
  score: number; // 1–5
  reasoning: string; // kept for debugging the judge, never averaged
}

const JUDGE_SYSTEM = `You grade one answer against a rubric. Judge only what the rubric asks.
Length is not quality: a short answer that meets every criterion scores as high as a long one.
Do not reward confident tone, formatting or restating the question.
Think step by step inside <reasoning> tags, then give one integer from 1 to 5 inside <score> tags.`;

function tag(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text)?.[1]?.trim();
}

const textOf = (m: Anthropic.Message) => m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');

export async function judge(
  client: Anthropic,
  judgeModel: string,
  c: { rubric: string; input: string; answer: string; reference?: string },
): Promise<Graded> {
  const res = await client.messages.create({
    model: judgeModel,
    max_tokens: 4000, // room for the judge's own thinking, which counts toward max_tokens
    system: JUDGE_SYSTEM,
    messages: [
      {
        role: 'user',
        content: [
          `<rubric>\n${c.rubric}\n</rubric>`,
          `<input>\n${c.input}\n</input>`,
          c.reference ? `<reference>\n${c.reference}\n</reference>` : '',
          `<answer>\n${c.answer}\n</answer>`,
        ].join('\n'),
      },
    ],
  });
  const text = textOf(res);
  const score = Number(tag(text, 'score'));
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new Error(`judge returned no valid score (stop_reason ${res.stop_reason}): ${text.slice(-200)}`);
  }
  return { score, reasoning: tag(text, 'reasoning') ?? '' };
}

export type Verdict = 'first' | 'second' | 'tie';

async function pick(client: Anthropic, judgeModel: string, rubric: string, input: string, a: string, b: string): Promise<'A' | 'B' | 'tie'> {
  const res = await client.messages.create({
    model: judgeModel,
    max_tokens: 4000, // room for the judge's own thinking, which counts toward max_tokens
    system: `${JUDGE_SYSTEM.split('\n').slice(0, 3).join('\n')}\nThink inside <reasoning> tags, then answer A, B or tie inside <winner> tags.`,
    messages: [
      {
        role: 'user',
        content: `<rubric>\n${rubric}\n</rubric>\n<input>\n${input}\n</input>\n<answer_A>\n${a}\n</answer_A>\n<answer_B>\n${b}\n</answer_B>`,
      },
    ],
  });
  const w = tag(textOf(res), 'winner');
  return w === 'A' || w === 'B' ? w : 'tie';
}

/** Compare two answers in both orders. Disagreement between the orders is position bias: count it as a tie. */
export async function compare(
  client: Anthropic,
  judgeModel: string,
  c: { rubric: string; input: string; first: string; second: string },
): Promise<{ verdict: Verdict; consistent: boolean }> {
  const [ab, ba] = await Promise.all([
    pick(client, judgeModel, c.rubric, c.input, c.first, c.second),
    pick(client, judgeModel, c.rubric, c.input, c.second, c.first),
  ]);
  const forward: Verdict = ab === 'A' ? 'first' : ab === 'B' ? 'second' : 'tie';
  const backward: Verdict = ba === 'A' ? 'second' : ba === 'B' ? 'first' : 'tie';
  return forward === backward ? { verdict: forward, consistent: true } : { verdict: 'tie', consistent: false };
}
