import { describe, expect, it } from 'vitest';
import { cleanQuery, distinctiveQuery } from '../../src/lib/search-query.ts';

describe('cleanQuery', () => {
  it('keeps the words of the reference example and drops the numbers', () => {
    expect(cleanQuery('prompt is too long: 219898 tokens > 200000 maximum')).toBe('prompt is too long tokens maximum');
  });

  it('takes the inner message of an API body and puts the status first', () => {
    const q = cleanQuery(
      'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 219898 tokens > 200000 maximum"},"request_id":"req_011CVjxiYzEFcAQC4Fk87zw2"}',
    );
    expect(q).toBe('400 prompt is too long tokens');
  });

  it('reads Python-dict quoting the same way as JSON', () => {
    const py = cleanQuery("Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'message': 'prompt is too long: 203073 tokens > 200000 maximum'}}");
    const js = cleanQuery('Error code: 400 - {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 203073 tokens > 200000 maximum"}}');
    expect(py).toBe(js);
  });

  it('unescapes doubly-escaped JSON', () => {
    expect(cleanQuery('{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"overloaded_error\\",\\"message\\":\\"Overloaded\\"}}')).toBe('overloaded overloaded_error');
  });

  it('drops UUIDs, request ids, tool-use ids, model ids and URLs', () => {
    const q = cleanQuery(
      "429 rate limit of 30,000 input tokens per minute (org: 9d50ef40-6cc8-4ca6-9d35-1dc9cf26235c, model: claude-sonnet-4-5-20250929) req_011CVQe1dLrGNMJyE1ghG1av toolu_01Gho1LhNQt7FjqEiiHkrVMK https://docs.anthropic.com/en/api/rate-limits",
    );
    expect(q).not.toMatch(/9d50ef40|req_|toolu_|claude-|docs|\d{4,}/);
    expect(q).toContain('rate limit input tokens');
  });

  it('drops wrapper prefixes and JSON punctuation', () => {
    const q = cleanQuery('litellm.RateLimitError: AnthropicException - {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit"}}');
    expect(q).not.toMatch(/litellm|anthropicexception|[{}":]/);
    expect(q).toContain('rate limit');
  });

  it('keeps the last word of a field path', () => {
    expect(cleanQuery('messages.0.content.0.text.cache_control.ephemeral.ttl: Extra inputs are not permitted')).toBe('ttl extra inputs not permitted');
    expect(cleanQuery('tools.8.custom.input_schema: JSON schema is invalid')).toBe('input_schema json schema is invalid');
  });

  it('joins terminal line breaks and padding', () => {
    expect(cleanQuery('prompt is too\n     long:   219898 tokens')).toBe('prompt is too long tokens');
  });

  it('splits numbers glued to words', () => {
    expect(cleanQuery('status code 429This request would exceed the rate limit')).toBe('429 request would exceed rate limit');
  });

  it('caps the length and never repeats a word', () => {
    const q = cleanQuery('overloaded overloaded overloaded one two three four five six seven eight nine ten');
    expect(q.split(' ').length).toBeLessThanOrEqual(8);
    expect(new Set(q.split(' ')).size).toBe(q.split(' ').length);
  });

  it('returns an empty query for noise only', () => {
    expect(cleanQuery('')).toBe('');
    expect(cleanQuery('{"request_id":"req_011CVQe1dLrGNMJyE1ghG1av"} 123456')).toBe('');
  });
});

describe('cleanQuery keeps the error type when there is room', () => {
  it('adds the snake_case type after the message words', () => {
    expect(cleanQuery('Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}')).toBe(
      '401 invalid x-api-key authentication_error',
    );
  });

  it('drops exception class names and AWS operation names but not the cause', () => {
    expect(cleanQuery('An error occurred (ValidationException) when calling the InvokeModel operation: Input is too long for requested model.')).toBe(
      'input is too long requested',
    );
  });
});

describe('cleanQuery drops machine noise', () => {
  it('drops hex addresses and hashes', () => {
    expect(cleanQuery('Segmentation fault (core dumped) at 0x7ffd 123456 commit 9f3e2a1b')).toBe('segmentation fault core dumped commit');
  });
});

describe('fallbackQueries', () => {
  it('narrows a query from the end, keeping the cause words first, then tries the longest word', async () => {
    const { fallbackQueries } = await import('../../src/lib/search-query.ts');
    expect(fallbackQueries('prompt too long tokens maximum')).toEqual([
      'prompt too long tokens',
      'prompt too long',
      'prompt too',
      'maximum',
    ]);
    expect(fallbackQueries('overloaded')).toEqual([]);
    expect(fallbackQueries('')).toEqual([]);
  });
});

describe('distinctiveQuery', () => {
  it('keeps a short query as typed', () => {
    expect(distinctiveQuery('rate limit')).toBe('rate limit');
  });
  it('leaves the HTTP status out when there are words, and keeps the best-weighted words in paste order', () => {
    const weights: Record<string, number> = { thinking: 2, redacted_thinking: 0.1, enabled: 1 };
    const q = distinctiveQuery(
      'Error: 400 messages.1.content.0.type: Expected thinking or redacted_thinking, but found text. When thinking is enabled',
      (w) => weights[w] ?? 0,
    );
    expect(q).toBe('thinking enabled');
  });
  it('never returns more than `max` words for a long paste', () => {
    const long = 'The quick brown fox jumps over the lazy dog near the riverbank every single morning '.repeat(10);
    expect(distinctiveQuery(long, undefined, 2).split(' ').length).toBeLessThanOrEqual(2);
  });
});
