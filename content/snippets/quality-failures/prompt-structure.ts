// A prompt layout that small models follow: role and rules in the system prompt,
// variable input in tags, one example of the exact output, and the output contract
// restated right before the answer (long inputs push early instructions out of focus).
import Anthropic from '@anthropic-ai/sdk';

const SYSTEM = `You answer customer questions about Acme's invoices.

Rules:
1. Answer only from the <invoice> document. If it does not contain the answer, say "I can't find that on this invoice."
2. Reply in the customer's language.
3. Keep the reply under 80 words.
4. Refer to amounts exactly as written on the invoice, with the currency.

Example:
Question: Why is there a second charge on 3 March?
Reply: The second charge on 3 March is the annual support plan (EUR 120.00), listed under "Add-ons".`;

export function buildMessages(invoice: string, question: string): Anthropic.MessageParam[] {
  return [
    {
      role: 'user',
      content:
        `<invoice>\n${invoice}\n</invoice>\n\n` +
        `<question>\n${question}\n</question>\n\n` +
        // The contract again, last: this is what the model reads just before it writes.
        'Answer using only the invoice, in the language of the question, in under 80 words. ' +
        `If the invoice does not say, reply exactly: I can't find that on this invoice.`,
    },
  ];
}

export async function answer(invoice: string, question: string): Promise<string> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const message = await client.messages.create({
    model: 'claude-haiku-5-5',
    max_tokens: 300,
    system: SYSTEM,
    messages: buildMessages(invoice, question),
  });
  return message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
}
