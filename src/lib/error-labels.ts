/** Display labels for the error reference (categories, surfaces, retry policies). Pure. */

export const CATEGORY_LABEL: Record<string, string> = {
  'rate-limit': 'Rate limits',
  overloaded: 'Overloaded and server errors',
  'context-window': 'Context window',
  'max-output-tokens': 'Output limit (max_tokens)',
  'tool-use': 'Tool use',
  'model-not-found-or-deprecated': 'Model not found or deprecated',
  'auth-or-permission': 'Authentication and permissions',
  'billing-credits': 'Billing and credits',
  'request-too-large': 'Request too large',
  'timeout-or-streaming': 'Timeouts and streaming',
  caching: 'Prompt caching',
  batch: 'Message Batches',
  thinking: 'Extended and adaptive thinking',
  'invalid-request-other': 'Other invalid requests',
  latency: 'Latency',
  quality: 'Quality',
  cost: 'Cost',
};

export const SURFACE_LABEL: Record<string, string> = {
  api: 'Claude API',
  'python-sdk': 'Python SDK',
  'typescript-sdk': 'TypeScript SDK',
  'claude-code': 'Claude Code',
  bedrock: 'Amazon Bedrock',
  vertex: 'Google Vertex AI',
  litellm: 'LiteLLM',
  other: 'Other client',
};

export const RETRY_LABEL: Record<string, string> = {
  never: 'Do not retry',
  'after-fix': 'Retry only after fixing the request',
  'retry-after': 'Retry after the retry-after header',
  backoff: 'Retry with exponential backoff',
};

/** HTTP reason phrases for the index headings (529 is Anthropic's own). */
export const STATUS_LABEL: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  529: 'Overloaded',
};

export function categoryLabel(c: string): string {
  return CATEGORY_LABEL[c] ?? c;
}
