import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/lib/classify-error.ts';
import { describeMatch } from '../../src/lib/describe-match.ts';

const say = (text: string) => {
  const m = classifyError(text);
  if (!m) throw new Error(`no match for ${text}`);
  return describeMatch(m);
};

describe('describeMatch', () => {
  it('states how far over the window a prompt is, with the model when the paste names it', () => {
    expect(say('prompt is too long: 219898 tokens > 200000 maximum (model: claude-opus-4-5)')).toBe(
      "Your input is 219,898 tokens: you are 19,898 tokens (9.9%) over claude-opus-4-5's 200,000-token window.",
    );
    expect(say('prompt is too long: 202609 tokens > 200000 maximum')).toBe(
      'Your input is 202,609 tokens: you are 2,609 tokens (1.3%) over the 200,000-token window.',
    );
  });

  it('adds input and max_tokens against the limit', () => {
    expect(say('input length and `max_tokens` exceed context limit: 199759 + 8192 > 200000, decrease input length or `max_tokens` and try again')).toBe(
      '199,759 input tokens plus max_tokens 8,192 is 7,951 tokens (4%) over the 200,000-token limit.',
    );
  });

  it('names the output cap and the model', () => {
    expect(say('max_tokens: 65536 > 64000, which is the maximum allowed number of output tokens for claude-sonnet-4-5-20250929')).toBe(
      'You asked for max_tokens 65,536; claude-sonnet-4-5-20250929 allows at most 64,000 output tokens.',
    );
  });

  it('names the rate limit and its kind', () => {
    expect(say("This request would exceed your organization's rate limit of 50,000 input tokens per minute (org: f427910e-3b38-4559-b0a8-1ab041e6cbca, model: claude-haiku-4-5-20251001).")).toBe(
      "Your organisation's limit for claude-haiku-4-5-20251001 is 50,000 input tokens per minute.",
    );
  });

  it('falls back to status, type and model', () => {
    expect(say("anthropic._exceptions.OverloadedError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}")).toBe(
      'Read from your paste: HTTP 529, overloaded_error.',
    );
  });

  it('says nothing when nothing specific was read', () => {
    expect(say('Opus is experiencing high load, please use /model to switch to Sonnet')).toBe('');
  });
});
