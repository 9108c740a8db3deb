import type Anthropic from '@anthropic-ai/sdk';

/**
 * A tool definition written so that a smaller model does not guess: say what the
 * tool does and when NOT to use it, make every needed field required, constrain
 * values with enum/pattern, and say what to do when a value is unknown.
 */
export const createRefund: Anthropic.Tool = {
  name: 'create_refund',
  description:
    'Refund all or part of one order. Use only after get_order has confirmed the order exists and ' +
    'belongs to this customer. Never invent an order id or an amount: if the user has not given ' +
    'them, ask the user instead of calling this tool.',
  input_schema: {
    type: 'object',
    properties: {
      order_id: {
        type: 'string',
        pattern: '^ORD-[0-9]{8}$',
        description: 'Order id exactly as returned by get_order, e.g. ORD-00012345.',
      },
      amount_cents: {
        type: 'integer',
        minimum: 1,
        description: 'Amount to refund in cents. Must not exceed the order total from get_order.',
      },
      reason: {
        type: 'string',
        enum: ['damaged', 'not_delivered', 'wrong_item', 'other'],
        description: 'Reason the customer gave. Use "other" only if none fits.',
      },
    },
    required: ['order_id', 'amount_cents', 'reason'],
    additionalProperties: false,
  },
};

/** System prompt lines that matter most for tool calling on Haiku and Sonnet. */
export const TOOL_RULES = [
  'Only call a tool when you have every required value from the user or from an earlier tool result.',
  'If a required value is missing or ambiguous, ask one short question instead of calling the tool.',
  'Never fill a parameter with a placeholder, an example value or a guess.',
].join('\n');
