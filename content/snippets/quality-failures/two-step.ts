// Split one hard prompt into two easy ones for a small model: first extract the facts
// the answer needs (checkable), then answer from the extract alone.
import Anthropic from '@anthropic-ai/sdk';

const MODEL = 'claude-haiku-5-5';

function textOf(m: Anthropic.Message): string {
  return m.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
}

export async function extractThenAnswer(document: string, question: string): Promise<string> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });

  // Step 1: quote, do not interpret: a narrower task than answering.
  const extract = textOf(
    await client.messages.create({
      model: MODEL,
      max_tokens: 1_500,
      messages: [
        {
          role: 'user',
          content:
            `<document>\n${document}\n</document>\n\n` +
            `List every sentence from the document that helps answer: "${question}". ` +
            'Quote each one exactly, one per line. If none does, reply NONE.',
        },
      ],
    }),
  );
  if (extract.trim() === 'NONE') return "The document doesn't answer this.";

  // Step 2: answer from a short, relevant context instead of the whole document.
  return textOf(
    await client.messages.create({
      model: MODEL,
      max_tokens: 500,
      messages: [
        {
          role: 'user',
          content:
            `<quotes>\n${extract}\n</quotes>\n\n` +
            `Using only these quotes, answer: ${question}\nCite the quote you relied on.`,
        },
      ],
    }),
  );
}
