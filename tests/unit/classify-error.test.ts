import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLASSIFIER_CATEGORIES, CLASSIFIER_ERROR_IDS, classifyError } from '../../src/lib/classify-error.ts';

interface DevCase {
  id: string;
  message: string;
  category: string;
  http_status: number | null;
  surface: string;
}

const DEV_SET = new URL('../fixtures/eval/errors-dev.jsonl', import.meta.url);
const dev: DevCase[] = readFileSync(DEV_SET, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as DevCase);

/** The error id each dev-set message should reach (null = the classifier should defer to search). */
const EXPECTED_ID: Record<string, string | null> = {
  e001: 'rate-limit-tokens', e004: 'rate-limit-tokens', e005: 'rate-limit-tokens', e006: 'rate-limit-tokens',
  e007: 'bedrock-throttling', e012: 'rate-limit-tokens', e013: 'rate-limit-requests', e014: 'rate-limit-tokens',
  e017: 'rate-limit-tokens', e018: 'rate-limit-tokens', e019: 'subscription-usage-limit', e021: 'subscription-usage-limit',
  e027: 'service-unavailable', e028: 'service-unavailable', e029: 'overloaded', e030: 'overloaded', e031: 'overloaded',
  e034: 'overloaded', e036: 'overloaded', e039: 'prompt-too-long', e040: 'prompt-too-long', e041: 'prompt-too-long',
  e043: 'context-limit-exceeded', e045: 'context-limit-exceeded', e047: 'long-context-unavailable',
  e050: 'max-tokens-too-large', e053: 'max-tokens-too-large', e054: 'max-tokens-too-large', e057: 'request-too-large',
  e058: 'image-too-large', e062: 'streaming-required', e063: 'client-timeout', e065: 'slow-responses', e066: 'slow-responses',
  e070: 'slow-responses', e073: 'tool-use-without-tool-result', e074: 'invalid-tool-input-schema',
  e076: 'unexpected-tool-use-id', e081: 'thinking-block-missing', e082: 'thinking-block-missing',
  e083: 'thinking-disabled-with-thinking-blocks', e085: 'thinking-block-missing', e086: 'temperature-not-supported',
  e089: 'cache-control-limit', e091: 'cache-control-invalid', e094: 'batch-not-found', e096: 'batch-cache-misses',
  e101: 'not-found-model', e103: 'model-deprecated', e104: 'bedrock-invalid-model-id', e106: 'not-found-model',
  e107: 'bedrock-invalid-model-id', e108: 'vertex-model-not-found', e110: 'model-deprecated', e112: 'vertex-model-not-found',
  e114: 'authentication-error', e115: 'authentication-error', e118: 'model-not-in-plan', e120: 'credit-balance-too-low',
  e121: 'credit-balance-too-low', e125: 'invalid-json-body', e127: 'bedrock-malformed-input',
  e128: 'vertex-count-tokens-infeasible', e129: 'empty-message-content', e132: 'cost-spike', e135: 'cost-spike',
  e136: 'quality-regression', e141: null, e142: 'quality-regression',
};

describe('classifyError on the dev set', () => {
  it('has an expectation for every dev-set message', () => {
    expect(dev.length).toBeGreaterThan(60);
    expect(dev.map((d) => d.id).sort()).toEqual(Object.keys(EXPECTED_ID).sort());
  });

  for (const d of dev) {
    it(`${d.id} (${d.category}) -> ${EXPECTED_ID[d.id] ?? 'null'}`, () => {
      const r = classifyError(d.message);
      const want = EXPECTED_ID[d.id];
      if (want === null) {
        expect(r).toBeNull();
        return;
      }
      expect(r?.errorId).toBe(want);
      expect(r?.category).toBe(d.category);
      if (d.http_status !== null && r?.facts.status !== undefined) expect(r.facts.status).toBe(d.http_status);
    });
  }

  it('reaches the right category for at least 95% of the dev set (top-1, classifier alone)', () => {
    const right = dev.filter((d) => classifyError(d.message)?.category === d.category).length;
    expect(right / dev.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never returns a wrong category on the dev set (null is allowed, a wrong answer is not)', () => {
    const wrong = dev.filter((d) => {
      const r = classifyError(d.message);
      return r !== null && r.category !== d.category;
    });
    expect(wrong.map((d) => d.id)).toEqual([]);
  });
});

describe('facts', () => {
  it('reads tokens, limit, over-by and percent from a context overflow (the reference example)', () => {
    const r = classifyError(
      '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 219898 tokens > 200000 maximum"},"request_id":"req_011CVjxiYzEFcAQC4Fk87zw2"}',
    );
    expect(r).toEqual({
      category: 'context-window',
      errorId: 'prompt-too-long',
      why: '“prompt is too long”',
      by: 'rule',
      facts: {
        status: 400,
        errorType: 'invalid_request_error',
        requestId: 'req_011CVjxiYzEFcAQC4Fk87zw2',
        tokens: 219898,
        limit: 200000,
        overBy: 19898,
        percentOver: 9.9,
      },
    });
  });

  it('reads the output cap and the model from a max_tokens error', () => {
    const r = classifyError(
      'max_tokens: 128001 > 64000, which is the maximum allowed number of output tokens for claude-opus-4-5-20251101',
    );
    expect(r?.errorId).toBe('max-tokens-too-large');
    expect(r?.facts).toMatchObject({ maxTokens: 128001, limit: 64000, overBy: 64001, model: 'claude-opus-4-5-20251101' });
  });

  it('reads input + max_tokens against the window', () => {
    const r = classifyError('input length and `max_tokens` exceed context limit: 150000 + 64000 > 200000, decrease input length or `max_tokens` and try again');
    expect(r?.facts).toMatchObject({ tokens: 150000, maxTokens: 64000, limit: 200000, overBy: 14000, percentOver: 7 });
  });

  it('reads the rate limit, its kind and the model', () => {
    const r = classifyError(
      "429 {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request would exceed your organization's rate limit of 8,000 output tokens per minute (org: 11111111-2222-4333-8444-555555555555, model: claude-sonnet-4-5-20250929).\"}}",
    );
    expect(r?.errorId).toBe('rate-limit-tokens');
    expect(r?.facts).toMatchObject({ status: 429, limit: 8000, limitKind: 'output tokens per minute', model: 'claude-sonnet-4-5-20250929' });
    expect(JSON.stringify(r?.facts)).not.toContain('11111111');
  });

  it('reads the spend-cap reset date', () => {
    const r = classifyError(
      'You have reached your API usage limits: your organization has crossed its monthly API usage threshold, set based on your organization\'s API tier. You will regain access on 2026-09-01 at 00:00 UTC.',
    );
    expect(r).toMatchObject({ errorId: 'spend-cap-reached', category: 'rate-limit', facts: { resetsAt: '2026-09-01T00:00:00Z' } });
  });

  it('reads image bytes over the limit', () => {
    const r = classifyError('messages.3.content.0.image.source.base64: image exceeds 5 MB maximum: 5300000 bytes > 5242880 bytes');
    expect(r?.facts).toMatchObject({ bytes: 5300000, limit: 5242880, overBy: 57120, percentOver: 1.1 });
  });

  it('reads the subscription reset time from the epoch suffix', () => {
    expect(classifyError('Claude AI usage limit reached|1762952400')?.facts.resetsAt).toBe('2025-11-12T13:00:00.000Z');
  });

  it('does not take a bare number for an HTTP status', () => {
    const r = classifyError('prompt is too long: 500 tokens > 400 maximum');
    expect(r?.facts.status).toBeUndefined();
    expect(r?.errorId).toBe('prompt-too-long');
  });

  it('does not take "claude-code" for a model id', () => {
    const r = classifyError('claude-code: API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');
    expect(r?.errorId).toBe('overloaded');
    expect(r?.facts.model).toBeUndefined();
  });
});

describe('normalisation: the same cause through different wrappers, numbers and line breaks', () => {
  const cases: Array<[string, string, string]> = [
    // context window, through several wrappers
    ['prompt-too-long', 'context-window', 'anthropic.BadRequestError: Error code: 400 - {\'type\': \'error\', \'error\': {\'type\': \'invalid_request_error\', \'message\': \'prompt is too long: 1048577 tokens > 1000000 maximum\'}}'],
    ['prompt-too-long', 'context-window', 'litellm.BadRequestError: AnthropicException - {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 250,001 tokens > 200,000 maximum"}}'],
    ['prompt-too-long', 'context-window', '{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"invalid_request_error\\",\\"message\\":\\"prompt is too long: 201000 tokens > 200000 maximum\\"}}'],
    ['prompt-too-long', 'context-window', '  ⎿  API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too\n     long: 210000 tokens > 200000 maximum"}}'],
    ['prompt-too-long', 'context-window', 'An error occurred (ValidationException) when calling the InvokeModel operation: Input is too long for requested model.'],
    // output cap
    ['max-tokens-too-large', 'max-output-tokens', 'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: 100000 > 32000, which is the maximum allowed number of output tokens for claude-opus-4-1-20250805"}}'],
    // rate limits through other clients
    ['rate-limit-tokens', 'rate-limit', 'anthropic.RateLimitError: Error code: 429 - {\'type\': \'error\', \'error\': {\'type\': \'rate_limit_error\', \'message\': "This request would exceed your organization\'s rate limit of 450,000 input tokens per minute (org: 0e7b0c6a-6a1f-4a52-9d6f-6a0a4c1e9d11, model: claude-sonnet-4-6). For details, refer to: https://docs.claude.com/en/api/rate-limits."}}'],
    ['rate-limit-requests', 'rate-limit', 'RateLimitError: 429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your organization\'s rate limit of 50 requests per minute (org: 0e7b0c6a-6a1f-4a52-9d6f-6a0a4c1e9d11, model: claude-opus-4-7)."}}'],
    ['rate-limit-requests', 'rate-limit', 'Error code: 429 - {"type":"error","error":{"type":"rate_limit_error","message":"Number of concurrent connections has exceeded your rate limit."}}'],
    ['bedrock-throttling', 'rate-limit', 'botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the Converse operation (reached max retries: 9): Too many requests, please wait before trying again.'],
    ['vertex-resource-exhausted', 'rate-limit', 'google.api_core.exceptions.ResourceExhausted: 429 RESOURCE_EXHAUSTED. Quota exceeded for aiplatform.googleapis.com/online_prediction_input_tokens_per_minute_per_base_model'],
    // overloaded through other clients
    ['overloaded', 'overloaded', 'litellm.InternalServerError: AnthropicException - {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'],
    ['overloaded', 'overloaded', 'Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CAbCdEfGhIjKlMnOp"}'],
    ['api-error-500', 'overloaded', 'anthropic.InternalServerError: Error code: 500 - {\'type\': \'error\', \'error\': {\'type\': \'api_error\', \'message\': \'Internal server error\'}}'],
    ['service-unavailable', 'overloaded', "Server error '503 Service Unavailable' for url 'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-opus-4-7:rawPredict'"],
    ['timeout-504', 'timeout-or-streaming', 'Error code: 504 - {"type":"error","error":{"type":"timeout_error","message":"Request timed out"}}'],
    ['client-timeout', 'timeout-or-streaming', 'anthropic.APITimeoutError: Request timed out.'],
    ['streaming-required', 'timeout-or-streaming', 'Streaming is strongly recommended for operations that may take longer than 10 minutes. See https://github.com/anthropics/anthropic-sdk-python#long-requests for more details'],
    // tool use and thinking with other indexes and ids
    ['tool-use-without-tool-result', 'tool-use', 'litellm.BadRequestError: AnthropicException - {"type":"error","error":{"type":"invalid_request_error","message":"messages.4: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01AbCdEf, toolu_01GhIjKl. Each `tool_use` block must have a corresponding `tool_result` block in the next message."}}'],
    ['unexpected-tool-use-id', 'tool-use', 'messages.7.content.2: unexpected `tool_use_id` found in `tool_result` blocks: toolu_01XyZ. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.'],
    ['invalid-tool-input-schema', 'tool-use', 'API Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"tools.23.custom.input_schema: JSON schema is invalid. It must match JSON Schema draft 2020-12"}}'],
    ['thinking-block-missing', 'thinking', 'messages.5.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block.'],
    ['temperature-not-supported', 'thinking', '{"type":"error","error":{"type":"invalid_request_error","message":"`top_p` may only be set to 1 when thinking is enabled."}}'],
    // caching
    ['cache-control-limit', 'caching', 'A maximum of 4 blocks with cache_control may be provided. Found 7.'],
    ['cache-control-invalid', 'caching', 'ValidationException: system.0.cache_control: Extra inputs are not permitted'],
    // models on each cloud
    ['not-found-model', 'model-not-found-or-deprecated', 'anthropic.NotFoundError: Error code: 404 - {\'type\': \'error\', \'error\': {\'type\': \'not_found_error\', \'message\': \'model: claude-sonnet-4.6\'}}'],
    ['model-deprecated', 'model-not-found-or-deprecated', "The model 'claude-3-5-haiku-20241022' is deprecated and will reach end-of-life on February 19th, 2026"],
    ['bedrock-on-demand-not-supported', 'model-not-found-or-deprecated', 'ValidationException: Invocation of model ID anthropic.claude-opus-4-6-v1 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.'],
    ['vertex-model-not-found', 'model-not-found-or-deprecated', "404 NOT_FOUND. {'error': {'code': 404, 'message': 'Publisher Model `projects/my-proj/locations/europe-west1/publishers/anthropic/models/claude-opus-4-5@20251101` not found.', 'status': 'NOT_FOUND'}}"],
    // auth and billing
    ['authentication-error', 'auth-or-permission', 'AuthenticationError: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CZZZZZZZZZZ"}'],
    ['permission-error', 'auth-or-permission', 'Error code: 403 - {"type":"error","error":{"type":"permission_error","message":"Your API key does not have permission to use the specified resource."}}'],
    ['cors-not-allowed', 'auth-or-permission', 'Error: 401 {"type":"error","error":{"type":"authentication_error","message":"CORS requests are not allowed for this Organization because of the CORS policy."}}'],
    ['credit-balance-too-low', 'billing-credits', 'anthropic.BadRequestError: Error code: 400 - {\'type\': \'error\', \'error\': {\'type\': \'invalid_request_error\', \'message\': \'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.\'}}'],
    // size
    ['request-too-large', 'request-too-large', 'Error: 413 {"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}'],
    ['request-too-large', 'request-too-large', 'Request too large (max 32MB). Try with a smaller file.'],
    // other invalid requests
    ['roles-must-alternate', 'invalid-request-other', 'Error code: 400 - {"type":"error","error":{"type":"invalid_request_error","message":"messages: roles must alternate between \\"user\\" and \\"assistant\\", but found multiple \\"user\\" roles in a row"}}'],
    ['system-role-not-supported', 'invalid-request-other', "role 'system' is not supported on this model"],
    ['invalid-request-error', 'invalid-request-other', 'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"messages.0.content.0.source.media_type: Input should be image/jpeg"}}'],
    // SDK exception classes without a body
    ['rate-limit-requests', 'rate-limit', 'anthropic.RateLimitError'],
    ['overloaded', 'overloaded', 'anthropic.OverloadedError'],
    ['not-found-model', 'model-not-found-or-deprecated', 'anthropic.NotFoundError: The model: claude-3-opus-20240229 does not exist'],
    // other wordings of the same causes
    ['acceleration-limit', 'rate-limit', "This request would exceed your organization's maximum usage increase rate for input tokens per minute. Please scale up your input tokens usage more gradually."],
    ['bedrock-throttling', 'rate-limit', 'An error occurred (ServiceQuotaExceededException) when calling the InvokeModel operation: Too many tokens per day'],
    ['timeout-504', 'timeout-or-streaming', 'ModelTimeoutException: Model has timed out in processing the request.'],
    ['output-truncated', 'max-output-tokens', "API Error: Claude's response exceeded the 32000 output token maximum."],
    ['unexpected-tool-use-id', 'tool-use', 'messages.3: `tool_result` block(s) provided when previous message does not contain any `tool_use` blocks'],
    ['tool-use-without-tool-result', 'tool-use', 'Requests which include `tool_use` or `tool_result` blocks must define tools.'],
    ['system-role-not-supported', 'invalid-request-other', 'Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.'],
    ['subscription-usage-limit', 'rate-limit', 'Claude usage limit reached. Your limit will reset at 3pm (America/New_York).'],
    ['thinking-budget-tokens', 'thinking', '`max_tokens` must be greater than `thinking.budget_tokens`'],
    // symptoms described in words
    ['cache-not-hitting', 'caching', 'prompt caching not working, cache_read_input_tokens is always 0'],
    ['cost-spike', 'cost', 'Why is Opus costing us 3x more than last month for the same prompts'],
    ['slow-responses', 'latency', 'Sonnet got really slow this afternoon, 40 seconds to first token'],
  ];

  for (const [id, category, text] of cases) {
    it(`${id}: ${text.slice(0, 70)}`, () => {
      const r = classifyError(text);
      expect(r?.errorId).toBe(id);
      expect(r?.category).toBe(category);
    });
  }

  it('ignores terminal padding and line breaks inside a message', () => {
    const wrapped = 'API Error: Request rejected (429) · This request would exceed your               \n  organization\'s rate limit of 2,000,000 input tokens per                                                       \n        minute (org: 9d50ef40-6cc8-4ca6-9d35-1dc9cf26235c, model: claude-opus-4-7).';
    expect(classifyError(wrapped)?.facts).toMatchObject({ status: 429, limit: 2000000, limitKind: 'input tokens per minute', model: 'claude-opus-4-7' });
  });

  it('treats different organisation UUIDs and request ids identically', () => {
    const a = classifyError('rate limit of 30,000 input tokens per minute (org: 9d50ef40-6cc8-4ca6-9d35-1dc9cf26235c, model: claude-sonnet-4-6) req_011CVQe1dLrGNMJyE1ghG1av');
    const b = classifyError('rate limit of 30,000 input tokens per minute (org: 00000000-1111-4222-8333-444444444444, model: claude-sonnet-4-6) req_011AAAAAAAAAAAAAAAAAAAAA');
    expect(a?.errorId).toBe(b?.errorId);
    expect({ ...a?.facts, requestId: '' }).toEqual({ ...b?.facts, requestId: '' });
  });
});

describe('returns null rather than guess', () => {
  const nulls = [
    '',
    '   ',
    'ok',
    'hello world',
    'TypeError: Cannot read properties of undefined (reading \'map\')',
    'npm ERR! code ERESOLVE unable to resolve dependency tree',
    'const total = 500 + 429;',
    'Segmentation fault (core dumped)',
    'fatal: not a git repository (or any of the parent directories): .git',
    'The deployment finished in 4 minutes.',
  ];
  for (const text of nulls) {
    it(JSON.stringify(text), () => expect(classifyError(text)).toBeNull());
  }
});

describe('the error reference has an entry for every id the classifier can return', () => {
  const categoryIn = (url: URL) => /^category:\s*(\S+)/m.exec(readFileSync(url, 'utf8'))?.[1];
  for (const id of CLASSIFIER_ERROR_IDS) {
    it(id, () => {
      const entry = new URL(`../../content/errors/${id}.yaml`, import.meta.url);
      expect(existsSync(entry), `no content/errors/${id}.yaml`).toBe(true);
      // Every rule that names this entry gives the entry's own category, so the box and the page agree.
      const categories = new Set(CLASSIFIER_CATEGORIES.filter(([i]) => i === id).map(([, c]) => c));
      expect([...categories]).toEqual([categoryIn(entry)]);
    });
  }
});

describe('codes decide before prose (error.type, error.details.error_code)', () => {
  const body = (type: string, code: string, message: string) =>
    `Error: 429 {"type":"error","error":{"type":"${type}","message":"${message}","details":{"error_code":"${code}"}}}`;
  it('a contract spend limit never lands on the requests-per-minute page', () => {
    const r = classifyError(body('rate_limit_error', 'contract_spend_limit_reached', 'Too many requests: rate limit exceeded'));
    expect(r).toMatchObject({ errorId: 'contract-spend-limit-reached', category: 'rate-limit', by: 'code' });
  });
  it('a ramp limit has its own page, whatever the prose says', () => {
    const r = classifyError(body('rate_limit_error', 'ramp_limit_exceeded', 'This request would exceed your requests per minute'));
    expect(r).toMatchObject({ errorId: 'ramp-limit-exceeded', category: 'rate-limit', by: 'code' });
  });
  it.each([
    ['storage-not-ready', 'overloaded', "503 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"details\":{\"error_code\":\"storage_not_ready\"}}}"],
    ['image-dimensions-too-large', 'request-too-large', 'invalid_request_error image_dimensions_too_large'],
    ['refusal', 'quality', '{"id":"msg_01","type":"message","stop_reason":"refusal","content":[]}'],
    ['sampling-parameters-rejected', 'invalid-request-other', '400 invalid_request_error temperature: Extra inputs are not permitted'],
    ['sampling-parameters-rejected', 'invalid-request-other', 'AI_APICallError: `temperature` and `top_p` cannot both be specified for this model. Please use only one.'],
    ['temperature-not-supported', 'thinking', '`temperature` may only be set to 1 when thinking is enabled.'],
    ['model-retired', 'model-not-found-or-deprecated', '404 not_found_error model: claude-3-5-haiku-20241022 has been retired'],
  ])('%s', (id, category, text) => expect(classifyError(text)).toMatchObject({ errorId: id, category }));
});

describe('classifyError on pathological pastes', () => {
  it('stays fast on very long digit runs (the paste box classifies on every keystroke)', () => {
    const paste = `max_tokens: ${'9'.repeat(19_000)} > 64000, which is the maximum allowed number of output tokens for claude-opus-4-5-20251101`;
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) classifyError(paste);
    expect((performance.now() - t0) / 5).toBeLessThan(50);
  });
});
