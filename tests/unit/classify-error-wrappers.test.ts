/**
 * A body's `error.type` decides the category before the words of the wrapper around it (LiteLLM, LangChain, the
 * Python and TypeScript SDK exception reprs), unless `error.details.error_code` or a cause rule on the message is
 * more specific. The wrappers below are the shapes those libraries print; their class names often disagree with
 * the body (LiteLLM raises RateLimitError for a 529 overloaded_error).
 */
import { describe, expect, it } from 'vitest';
import weights from 'virtual:classifier-weights';
import { classifyError } from '../../src/lib/classify-error.ts';
import { rankFixes } from '../../src/lib/fix-candidates.ts';
import { loadClassifier } from '../../src/lib/classifier-features.ts';

const classifier = loadClassifier(weights);
const json = (type: string, message: string) => `{"type":"error","error":{"type":"${type}","message":"${message}"}}`;
const py = (type: string, message: string) => `{'type': 'error', 'error': {'type': '${type}', 'message': '${message}'}}`;

const CASES: Array<[string, string, string, string]> = [
  // [what, paste, error id, category]
  ['litellm RateLimitError around overloaded_error', `litellm.RateLimitError: AnthropicException - ${json('overloaded_error', 'Overloaded')}`, 'overloaded', 'overloaded'],
  ['litellm RateLimitError around api_error', `litellm.RateLimitError: AnthropicException - ${json('api_error', 'Internal server error')}`, 'api-error-500', 'overloaded'],
  ['litellm InternalServerError around rate_limit_error', `litellm.InternalServerError: AnthropicException - ${json('rate_limit_error', 'Number of requests has exceeded your per-minute rate limit')}. Received Model Group=claude-sonnet\nAvailable Model Group Fallbacks=None`, 'rate-limit-requests', 'rate-limit'],
  ['litellm ServiceUnavailableError around authentication_error', `litellm.ServiceUnavailableError: AnthropicException - ${json('authentication_error', 'invalid x-api-key')}`, 'authentication-error', 'auth-or-permission'],
  ['LangChain retry log around permission_error', `Retrying langchain_anthropic.chat_models.ChatAnthropic.completion_with_retry.<locals>._completion_with_retry in 4.0 seconds as it raised RateLimitError: Error code: 403 - ${py('permission_error', 'Your API key does not have permission to use the specified resource.')}`, 'permission-error', 'auth-or-permission'],
  ['Python SDK RateLimitError repr around billing_error', `anthropic.RateLimitError: Error code: 429 - ${py('billing_error', 'There is an issue with your payment method.')}`, 'billing-error', 'billing-credits'],
  ['Python SDK InternalServerError repr around overloaded_error', `anthropic.InternalServerError: Error code: 529 - ${py('overloaded_error', 'Overloaded')}`, 'overloaded', 'overloaded'],
  ['TS SDK RateLimitError print around request_too_large', `RateLimitError: 413 ${json('request_too_large', 'Request exceeds the maximum size')}`, 'request-too-large', 'request-too-large'],
  ['TS SDK APIError print around timeout_error', `Error [RateLimitError]: 504 ${json('timeout_error', 'Request timeout')}`, 'timeout-504', 'timeout-or-streaming'],
  ['litellm RateLimitError around not_found_error', `litellm.RateLimitError: AnthropicException - ${json('not_found_error', 'model: claude-opus-4-20250514')}`, 'not-found-model', 'model-not-found-or-deprecated'],
  ['litellm Timeout around invalid_request_error (message rule decides within the type)', `litellm.Timeout: AnthropicException - ${json('invalid_request_error', 'prompt is too long: 219898 tokens > 200000 maximum')}`, 'prompt-too-long', 'context-window'],
];

describe('a body’s error.type decides before the wrapper’s words', () => {
  it.each(CASES)('%s', (_what, paste, id, category) => {
    expect(classifyError(paste)).toMatchObject({ errorId: id, category });
  });

  it('the overloaded paste reads as HTTP 529 overloaded_error, not the wrapper’s 429', () => {
    const r = classifyError(CASES[0]![1]);
    expect(r?.facts).toMatchObject({ status: 529, errorType: 'overloaded_error' });
  });

  it.each(CASES)('rankFixes shows the type’s category first: %s', (_what, paste, _id, category) => {
    const r = rankFixes(paste, classifier);
    expect(r.candidates[0]?.category).toBe(category);
  });

  it('no rate-limit candidate at all beside an overloaded_error body (the reported paste)', () => {
    const r = rankFixes(CASES[0]![1], classifier);
    expect(r.candidates.map((c) => c.category)).not.toContain('rate-limit');
  });

  it('a type with no cause rule in its message is still decided by the type, not by the learned model', () => {
    const r = rankFixes(`litellm.RateLimitError: AnthropicException - ${json('api_error', 'Something went wrong')}`, classifier);
    expect(r.candidates[0]).toMatchObject({ category: 'overloaded', errorId: 'api-error-500' });
    expect(r.candidates).toHaveLength(1);
  });

  it('error.details.error_code is still more specific than error.type', () => {
    const paste = `litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"rate_limit_error","message":"Overloaded, too many requests","details":{"error_code":"ramp_limit_exceeded"}}}`;
    expect(classifyError(paste)).toMatchObject({ errorId: 'ramp-limit-exceeded', by: 'code' });
  });
});

describe('a forced tool_choice rejected on Sonnet 5.5 lands on its own entry, not on the input_schema one', () => {
  it.each([
    'tool_choice.type: "any" is not supported for this model',
    `anthropic.BadRequestError: Error code: 400 - ${py('invalid_request_error', 'tool_choice.type: "tool" is not supported for this model')}`,
    `litellm.BadRequestError: AnthropicException - ${json('invalid_request_error', 'tool_choice.type: \\"any\\" is not supported for this model')}`,
    'Sonnet 5.5 returns a 400 for forced tool use: forced tool choice error',
  ])('%s', (paste) => {
    expect(classifyError(paste)).toMatchObject({ errorId: 'tool-choice-forced-rejected', category: 'tool-use', by: 'rule' });
    expect(rankFixes(paste, classifier).candidates[0]).toMatchObject({ errorId: 'tool-choice-forced-rejected' });
  });
  it('an invalid input_schema is still the input_schema entry', () => {
    expect(classifyError('tools.8.custom.input_schema: JSON schema is invalid')).toMatchObject({ errorId: 'invalid-tool-input-schema' });
  });
});

describe('an oversized PDF is a request-size problem', () => {
  it('Claude Code “PDF too large” lands on request-too-large (not a guess at roles-must-alternate)', () => {
    expect(classifyError('● PDF too large. Please double press esc to edit your message and try again.')).toMatchObject({ errorId: 'request-too-large', by: 'rule' });
  });
});

describe('the rules path does not need the model runtime', () => {
  it('fix-candidates’ copy of MAX_FEATURE_INPUT equals text-features’', async () => {
    const [a, b] = await Promise.all([import('../../src/lib/fix-candidates.ts'), import('../../src/lib/text-features.ts')]);
    expect(a.MAX_FEATURE_INPUT).toBe(b.MAX_FEATURE_INPUT);
  });
});
