// Tool misuse is usually a tool-definition problem. Say what the tool does, when to use
// it and when not, what each parameter means; mark required fields; use strict schemas;
// and tell the model to ask instead of guessing a missing value.
import Anthropic from '@anthropic-ai/sdk';

export const refundTool: Anthropic.Tool = {
  name: 'issue_refund',
  description:
    'Refund a single paid order, fully or partly. Use only after the customer has asked for a refund ' +
    'AND you have the order id from the conversation or from lookup_order. Never guess an order id or ' +
    'an amount: if either is missing, ask the customer instead of calling this tool.',
  input_schema: {
    type: 'object',
    properties: {
      order_id: { type: 'string', description: 'Order id exactly as shown to the customer, e.g. "A-10432".' },
      amount_cents: {
        type: 'integer',
        description: 'Amount to refund in cents. Omit for a full refund.',
      },
      reason: { type: 'string', enum: ['damaged', 'late', 'wrong_item', 'other'] },
    },
    required: ['order_id', 'reason'],
    additionalProperties: false,
  },
  strict: true, // the call's input must match the schema
};

export async function supportTurn(messages: Anthropic.MessageParam[]): Promise<Anthropic.Message> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const message = await client.messages.create({
    model: 'claude-sonnet-5-5',
    max_tokens: 2_000,
    system:
      'You are a support agent. Call a tool only when you have every required value from the customer ' +
      'or from an earlier tool result. Otherwise ask one short question.',
    tools: [refundTool],
    tool_choice: { type: 'auto' },
    messages,
  });
  // Log every tool call with the turn that produced it: the eval for tool misuse is built from these.
  for (const block of message.content) {
    if (block.type === 'tool_use') console.log(JSON.stringify({ tool: block.name, input: block.input }));
  }
  return message;
}
