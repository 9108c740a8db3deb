/**
 * Paste-an-error classifier.
 *
 * `classifyError(text)` takes whatever an engineer pasted (a raw API body, an SDK exception,
 * a LiteLLM / LangChain / Vercel AI SDK wrapper, a Claude Code status line, a Bedrock or Vertex
 * error, or a one-line description of a symptom) and returns the error-reference entry it
 * belongs to, the shared category, and the facts it could read out of the text.
 *
 * How it works:
 *   1. `normalise()` removes what varies between users and wrappers: JSON and Python-dict
 *      quoting and escaping, HTML entities, terminal line breaks and padding, box-drawing
 *      characters, thousands separators, organisation UUIDs and request ids.
 *   2. `RULES` (below) is an ordered table. The first rule whose patterns match wins. Rules are
 *      written against causes ("tokens per minute", "maximum allowed number of output tokens"),
 *      not against one user's string, and the most specific rules come first.
 *   3. If no rule matches but the text carries a recognisable `error.type` or an HTTP status in
 *      an error context, the generic entry for that type/status is returned.
 *   4. Otherwise `null`: the caller falls back to search.
 *
 * Pure: no DOM, no zod, no imports. Safe to bundle into an island.
 */

export interface ErrorMatch {
  category: string;
  errorId: string;
  facts: Record<string, string | number>;
  /** Why it matched: the text the deciding rule found, or the error type / status for a generic match. */
  why: string;
  /** `code`: an `error.type` / `error_code` value decided; `rule`: a cause pattern; `generic`: only the type or status. */
  by: 'code' | 'rule' | 'generic';
}

type Facts = Record<string, string | number>;

/** What the rules see. `plain` keeps case; every rule pattern is case-insensitive. */
interface Normalised {
  /** whitespace-collapsed, unescaped, quote-free, ids replaced, thousands separators removed */
  plain: string;
  /** same as `plain` but before UUIDs/request ids were replaced (for fact extraction) */
  raw: string;
}

// ---------------------------------------------------------------------------------------------
// 1. Normalisation
// ---------------------------------------------------------------------------------------------

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const REQUEST_ID = /\breq_[A-Za-z0-9_]{6,}\b/g;

function normalise(input: string): Normalised {
  // No real count has more than 12 digits; longer runs would make the count patterns below quadratic.
  let t = input.replace(/\d{13,}/g, (run) => run.slice(0, 12));
  // JSON \uXXXX escapes that survived a double encoding.
  t = t.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  // Escaped line breaks and tabs (\n, \\n, \r\n) become spaces; escaped quotes and slashes lose their backslashes.
  t = t.replace(/\\+[nrt]/g, ' ');
  t = t.replace(/\\+(["'/`])/g, '$1');
  // A few HTML entities (errors copied from web pages).
  t = t
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
  // Terminal UI furniture: box-drawing characters, Claude Code's ⎿ gutter, bullets used as separators.
  t = t.replace(/[\u2500-\u257f\u23bf\u00b7\u2219\u2022\u273b]/g, ' ');
  // Quoting of every flavour: JSON, Python dict repr, Markdown code spans, smart quotes.
  t = t.replace(/["'`\u2018\u2019\u201c\u201d]/g, '');
  // Thousands separators: 20,000 -> 20000 (repeat for 1,000,000).
  for (let i = 0; i < 3; i++) t = t.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  // Terminal line breaks and padding.
  t = t.replace(/\s+/g, ' ').trim();
  const raw = t;
  const plain = t.replace(UUID, 'ORG_ID').replace(REQUEST_ID, 'REQUEST_ID');
  return { plain, raw };
}

// ---------------------------------------------------------------------------------------------
// 2. Fact extraction
// ---------------------------------------------------------------------------------------------

/** HTTP statuses the guide knows about; anything else is not taken as a status. */
const KNOWN_STATUS = new Set([400, 401, 402, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504, 529]);

/** Where a three-digit number is an HTTP status (ordered; first hit wins). */
const STATUS_PATTERNS: RegExp[] = [
  // "Error code: 429", "status code 429This", "API Error: 400", "HTTP 503", "Status: 404", "error 529"
  /\b(?:error code|status code|status|http|api error|error)\s*[:=]?\s*\(?(\d{3})(?![\d.,])/i,
  // "Request rejected (429)", "NotFoundError (404)"
  /\((\d{3})\)/,
  // "API Error (claude-sonnet-4-6): 400 The provided ..."
  /\):\s*(\d{3})\s/,
  // "429 {...}", "[Error: 400 {...", "404 - ..." at the start of the paste
  /^\W*(\d{3})\s*(?:\{|\[|-\s|:|$)/,
  // "529 Overloaded", "404 NOT_FOUND", "503 Service Unavailable", "404 https://..."
  /\b(\d{3})\s+(?:\{|overloaded|not_?found|service unavailable|bad request|unauthori[sz]ed|forbidden|too many requests|internal server error|(?:request entity|payload) too large|gateway time-?out|error|https?:\/\/)/i,
];

/** `error.type` values (Claude API) and the cloud equivalents, with the status each implies. */
const ERROR_TYPES: Array<[RegExp, string, number | null]> = [
  [/\binvalid_request_error\b/i, 'invalid_request_error', 400],
  [/\bauthentication_error\b/i, 'authentication_error', 401],
  [/\bbilling_error\b/i, 'billing_error', 402],
  [/\bpermission_error\b/i, 'permission_error', 403],
  [/\bnot_found_error\b/i, 'not_found_error', 404],
  [/\bconflict_error\b/i, 'conflict_error', 409],
  [/\brequest_too_large\b/i, 'request_too_large', 413],
  [/\brate_limit_error\b/i, 'rate_limit_error', 429],
  [/\bapi_error\b/i, 'api_error', 500],
  [/\btimeout_error\b/i, 'timeout_error', 504],
  [/\boverloaded_error\b/i, 'overloaded_error', 529],
  [/\bThrottlingException\b/i, 'ThrottlingException', 429],
  [/\bServiceUnavailableException\b/i, 'ServiceUnavailableException', 503],
  [/\bValidationException\b/i, 'ValidationException', 400],
  [/\bAccessDeniedException\b/i, 'AccessDeniedException', 403],
  [/\bResourceNotFoundException\b/i, 'ResourceNotFoundException', 404],
  [/\bRESOURCE_EXHAUSTED\b/, 'RESOURCE_EXHAUSTED', 429],
  [/\bINVALID_ARGUMENT\b/, 'INVALID_ARGUMENT', 400],
  [/\bPERMISSION_DENIED\b/, 'PERMISSION_DENIED', 403],
  [/\bNOT_FOUND\b/, 'NOT_FOUND', 404],
];

/** SDK exception classes (Python `anthropic.*`, TypeScript `Anthropic.*`, LiteLLM) and the status each stands for. */
const SDK_CLASSES: Array<[RegExp, number]> = [
  [/\bBadRequestError\b/, 400],
  [/\bAuthenticationError\b/, 401],
  [/\bPermissionDeniedError\b/, 403],
  [/\bNotFoundError\b/, 404],
  [/\bConflictError\b/, 409],
  [/\bRateLimitError\b/, 429],
  [/\bInternalServerError\b/, 500],
  [/\bServiceUnavailableError\b/, 503],
  [/\bOverloadedError\b/, 529],
];

/**
 * Claude model ids as they appear on each surface:
 * claude-opus-4-5-20251101, claude-sonnet-4@20250514, claude-3-7-sonnet-20250219,
 * anthropic.claude-3-5-sonnet-20241022-v2:0, us.anthropic.claude-..., claude-opus-4-7[1m].
 */
const MODEL_ID =
  /\b(?:(?:us|eu|apac|jp|au|global)\.)?(?:anthropic\.)?claude-[a-z0-9]+(?:[-.][a-z0-9]+)*(?:@\d{8})?(?::\d+)?(?:\[1m\])?/gi;

function int(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Over-by and percent over, rounded to one decimal. */
function overage(value: number, limit: number): Facts {
  if (limit <= 0 || value <= limit) return {};
  const overBy = value - limit;
  // Numbers read from a paste can be finite yet overflow here (a 309-digit "tokens" over a limit of 1): report only finite facts.
  if (!Number.isFinite(overBy)) return {};
  const percentOver = Math.round((overBy / limit) * 1000) / 10;
  return Number.isFinite(percentOver) ? { overBy, percentOver } : { overBy };
}

function commonFacts(n: Normalised): Facts {
  const facts: Facts = {};
  const { raw, plain } = n;

  let typeStatus: number | null = null;
  for (const [re, name, status] of ERROR_TYPES) {
    if (re.test(raw)) {
      facts.errorType = name;
      typeStatus = status;
      break;
    }
  }

  for (const re of STATUS_PATTERNS) {
    const m = re.exec(plain);
    const s = int(m?.[1]);
    if (s !== null && KNOWN_STATUS.has(s)) {
      facts.status = s;
      break;
    }
  }
  if (facts.status === undefined && typeStatus !== null) facts.status = typeStatus;
  if (facts.status === undefined) {
    for (const [re, status] of SDK_CLASSES) {
      if (re.test(raw)) {
        facts.status = status;
        break;
      }
    }
  }

  // A Claude model id anywhere (skipping non-models such as "claude-code"), else "model: X" / "model=X".
  let candidate: string | undefined;
  for (const m of plain.matchAll(MODEL_ID)) {
    if (/opus|sonnet|haiku|fable|mythos|instant|\d/i.test(m[0])) {
      candidate = m[0];
      break;
    }
  }
  candidate ??= /\bmodel\s*[:=]\s*([A-Za-z0-9][\w.:@\[\]-]*)/i.exec(plain)?.[1];
  if (candidate) facts.model = candidate.replace(/[.,;:)]+$/, '');
  else {
    // A model named in prose: "Opus 4.6", "Claude Sonnet 4.5" (kept as written, not mapped to an id).
    const named = /\b(opus|sonnet|haiku|fable|mythos)\s+(\d+(?:\.\d+)?)\b/i.exec(plain);
    if (named?.[1] && named[2]) facts.modelName = `${named[1][0]!.toUpperCase()}${named[1].slice(1).toLowerCase()} ${named[2]}`;
  }

  const req = /\b(req_[A-Za-z0-9_]{6,})\b/.exec(raw);
  if (req?.[1]) facts.requestId = req[1];

  return facts;
}

// Specific extractors, used by the rules that own them. Each works on `plain`.

function promptTooLongFacts(n: Normalised): Facts {
  const m = /(\d+) tokens? > (\d+)(?: maximum)?/i.exec(n.plain);
  const tokens = int(m?.[1]);
  const limit = int(m?.[2]);
  if (tokens === null || limit === null) return {};
  return { tokens, limit, ...overage(tokens, limit) };
}

function inputPlusMaxFacts(n: Normalised): Facts {
  const m = /(\d+) \+ (\d+) > (\d+)/.exec(n.plain);
  const input = int(m?.[1]);
  const maxTokens = int(m?.[2]);
  const limit = int(m?.[3]);
  if (input === null || maxTokens === null || limit === null) return {};
  return { tokens: input, maxTokens, limit, ...overage(input + maxTokens, limit) };
}

function maxTokensFacts(n: Normalised): Facts {
  const a = /max_tokens\s*:\s*(\d+) > (\d+)/i.exec(n.plain);
  if (a) {
    const requested = int(a[1]);
    const limit = int(a[2]);
    if (requested !== null && limit !== null) return { maxTokens: requested, limit, ...overage(requested, limit) };
  }
  const b = /(?:model limit of|lower than|maximum of) (\d+)/i.exec(n.plain);
  const limit = int(b?.[1]);
  return limit === null ? {} : { limit };
}

function rateLimitFacts(n: Normalised): Facts {
  const m = /\bof (\d+) (input tokens|output tokens|tokens|requests) per (minute|day)/i.exec(n.plain);
  const facts: Facts = {};
  const limit = int(m?.[1]);
  if (limit !== null && m?.[2] && m[3]) {
    facts.limit = limit;
    facts.limitKind = `${m[2].toLowerCase()} per ${m[3].toLowerCase()}`;
  }
  return { ...facts, ...retryFacts(n) };
}

function retryFacts(n: Normalised): Facts {
  const facts: Facts = {};
  const r = /retrying in (\d+)\s*(?:s\b|sec)/i.exec(n.plain);
  const retryIn = int(r?.[1]);
  if (retryIn !== null) facts.retryInSeconds = retryIn;
  const a = /attempt (\d+)\s*\/\s*(\d+)/i.exec(n.plain);
  const attempt = int(a?.[1]);
  const of = int(a?.[2]);
  if (attempt !== null && of !== null) {
    facts.attempt = attempt;
    facts.maxAttempts = of;
  }
  const retries = /max retries:? (\d+)/i.exec(n.plain);
  const maxRetries = int(retries?.[1]);
  if (maxRetries !== null) facts.maxRetries = maxRetries;
  return facts;
}

function usageResetFacts(n: Normalised): Facts {
  const epoch = /\|\s*(\d{10})\b/.exec(n.plain);
  const secs = int(epoch?.[1]);
  if (secs !== null) return { resetsAt: new Date(secs * 1000).toISOString() };
  const text = /\bresets? (?:at )?([0-9]{1,2}(?::[0-9]{2})?\s*(?:am|pm)?(?: \([^)]*\))?)/i.exec(n.plain);
  if (text?.[1]) return { resetsAt: text[1].trim() };
  return {};
}

function spendCapFacts(n: Normalised): Facts {
  const m = /regain access on (\d{4}-\d{2}-\d{2})(?: at (\d{2}:\d{2}) UTC)?/i.exec(n.plain);
  if (!m?.[1]) return {};
  return { resetsAt: m[2] ? `${m[1]}T${m[2]}:00Z` : m[1] };
}

function bytesFacts(n: Normalised): Facts {
  const m = /(\d+) bytes > (\d+) bytes/i.exec(n.plain);
  const bytes = int(m?.[1]);
  const limit = int(m?.[2]);
  if (bytes === null || limit === null) return {};
  return { bytes, limit, ...overage(bytes, limit) };
}

function cacheLimitFacts(n: Normalised): Facts {
  const m = /maximum of (\d+) blocks? with cache_control.*?found (\d+)/i.exec(n.plain);
  const limit = int(m?.[1]);
  const found = int(m?.[2]);
  if (limit === null || found === null) return {};
  return { limit, found };
}

function toolFacts(n: Normalised): Facts {
  const facts: Facts = {};
  const id = /\b(toolu_[A-Za-z0-9]+)\b/.exec(n.raw);
  if (id?.[1]) facts.toolUseId = id[1];
  const msg = /\bmessages\.(\d+)/.exec(n.plain);
  const mi = int(msg?.[1]);
  if (mi !== null) facts.messageIndex = mi;
  const tool = /\btools\.(\d+)/.exec(n.plain);
  const ti = int(tool?.[1]);
  if (ti !== null) facts.toolIndex = ti;
  return facts;
}

function deprecationFacts(n: Normalised): Facts {
  const m = /end[- ]of[- ]life on ([A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{4}-\d{2}-\d{2})/i.exec(n.plain);
  return m?.[1] ? { retires: m[1] } : {};
}

// ---------------------------------------------------------------------------------------------
// 3. The rule table (ordered: first match wins; specific causes before generic ones)
// ---------------------------------------------------------------------------------------------

interface Rule {
  /** entry id in content/errors/ */
  id: string;
  /** shared vocabulary (src/schemas/error.ts, tests/fixtures/eval/README.md) */
  category: string;
  /** the text must match this */
  when: RegExp;
  /** and, if given, this too */
  and?: RegExp;
  /** and must not match this */
  unless?: RegExp;
  /** or: the HTTP status read from an error context is one of these (bare numbers are never matched) */
  status?: number[];
  /** facts beyond the common ones */
  facts?: (n: Normalised) => Facts;
}

/**
 * Machine-readable codes decide before any prose (`error.type` or `error.details.error_code`, as SDK 1.16's
 * `shared.ts` names them): a contract spend limit is not a requests-per-minute limit, whatever the message says.
 */
const CODE_RULES: Rule[] = [
  { id: 'contract-spend-limit-reached', category: 'rate-limit', when: /\bcontract_spend_limit_reached\b/i },
  { id: 'spend-cap-reached', category: 'rate-limit', when: /\benforced_spend_limit_reached\b/i, facts: spendCapFacts },
  { id: 'ramp-limit-exceeded', category: 'rate-limit', when: /\bramp_limit_exceeded\b/i, facts: retryFacts },
  { id: 'storage-not-ready', category: 'overloaded', when: /\bstorage_not_ready\b/i, facts: retryFacts },
  { id: 'image-dimensions-too-large', category: 'request-too-large', when: /\bimage_dimensions_too_large\b/i },
  // HTTP 200 with stop_reason "refusal": not an error status at all
  { id: 'refusal', category: 'quality', when: /\bstop_reason\W{0,6}refusal\b/i },
];

const RULES: Rule[] = [
  ...CODE_RULES,
  // --- Newer errors in words (2026): workspace storage, image dimensions, sampling parameters, on-demand Bedrock ---
  // 503 "This workspace isn't ready yet… Try again in a few minutes"
  { id: 'storage-not-ready', category: 'overloaded', when: /workspace isn.?t ready yet/i, facts: retryFacts },
  { id: 'image-dimensions-too-large', category: 'request-too-large', when: /image dimensions? .{0,40}(?:exceed|too large|maximum)|image .{0,20}(?:width|height) .{0,30}(?:exceed|maximum)/i },
  // API version 2026-10-21: "temperature: Extra inputs are not permitted"; "`temperature` and `top_p` cannot both be specified"
  { id: 'sampling-parameters-rejected', category: 'invalid-request-other', when: /\b(?:temperature|top_p|top_k)\b\W{0,4}extra inputs are not permitted|\b(?:temperature|top_p|top_k)\b.{0,12}\band\b.{0,12}\b(?:temperature|top_p|top_k)\b.{0,20}cannot both be (?:specified|set|used)/i },
  // Bedrock: "Invocation of model ID … with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile"
  { id: 'bedrock-on-demand-not-supported', category: 'model-not-found-or-deprecated', when: /on-demand throughput isn.?t supported|(?:id|arn) of an inference profile/i },
  // A refusal described in words ("stop_reason is refusal", "the model refused")
  { id: 'refusal', category: 'quality', when: /\bstop_reason\b.{0,20}\brefusal\b|\brefusal\b.{0,20}\bstop_reason\b/i },
  // --- Billing and spend caps (before rate limits: the spend cap arrives as a 429) -----------
  // Tier spend cap: "You have reached your API usage limits ... monthly API usage threshold"
  { id: 'spend-cap-reached', category: 'rate-limit', when: /reached your api usage limits|monthly api usage threshold|enforced_spend_limit_reached/i, facts: spendCapFacts },
  // Prepaid credits exhausted: "Your credit balance is too low to access the Anthropic API."
  { id: 'credit-balance-too-low', category: 'billing-credits', when: /credit balance (?:is )?too low|insufficient (?:credit|balance)|add funds/i },
  { id: 'billing-error', category: 'billing-credits', when: /\bbilling_error\b|payment required|payment (?:method )?(?:failed|declined)/i },

  // --- Subscription plans (Claude Code) -------------------------------------------------------
  // "Claude AI usage limit reached|<epoch>", "5-hour limit reached ∙ resets 5am", weekly limits
  { id: 'subscription-usage-limit', category: 'rate-limit', when: /claude(?: ai)? usage limit reached|\b\d+-hour limit reached|\b(?:weekly|session|opus) limit reached|\busage limit\b.{0,40}\bresets?\b/i, facts: usageResetFacts },
  // "Claude Pro users are not currently able to use Opus in Claude Code."
  { id: 'model-not-in-plan', category: 'auth-or-permission', when: /\b(?:pro|max|free|team) (?:plan )?users are not (?:currently )?able to use|not (?:available|included) (?:on|in|with) your (?:plan|subscription)/i },

  // --- Cloud rate limits (before the generic token rule: Bedrock says "Too many tokens") ------
  { id: 'bedrock-throttling', category: 'rate-limit', when: /ThrottlingException|ServiceQuotaExceededException|too many (?:tokens|requests),? please wait/i, facts: retryFacts },
  { id: 'vertex-resource-exhausted', category: 'rate-limit', when: /RESOURCE_EXHAUSTED|resource (?:has been )?exhausted|quota exceeded for (?:aiplatform|metric)/i },

  // --- Claude API rate limits -----------------------------------------------------------------
  { id: 'acceleration-limit', category: 'rate-limit', when: /acceleration limit|usage increase rate|scale up .{0,40}more gradually/i },
  // "would exceed the rate limit for your organization (...) of 20000 input tokens per minute"
  { id: 'rate-limit-tokens', category: 'rate-limit', when: /\b(?:input |output )?tokens per minute\b|\b[io]?tpm\b/i, unless: /requests per minute/i, facts: rateLimitFacts },
  // Requests per minute, "Too many requests", or a 429 that does not say which limit
  { id: 'rate-limit-requests', category: 'rate-limit', when: /requests per minute|\brpm\b|too many requests|rate[ _-]?limit(?:ed|s|_error|error)?\b|\brate limit exceeded/i, facts: rateLimitFacts },

  // --- Extended / adaptive thinking (before max_tokens and sampling rules) --------------------
  // "messages.1.content.0.type: Expected thinking or redacted_thinking, but found text/tool_use"
  { id: 'thinking-block-missing', category: 'thinking', when: /expected thinking or redacted_thinking|must start with a thinking block|include thinking blocks from previous turns/i, facts: toolFacts },
  // "When thinking is disabled, an assistant message in the final position cannot contain thinking"
  { id: 'thinking-disabled-with-thinking-blocks', category: 'thinking', when: /when thinking is disabled|cannot contain thinking|enable thinking in your request/i, facts: toolFacts },
  // "`temperature` may only be set to 1 when thinking is enabled"
  { id: 'temperature-not-supported', category: 'thinking', when: /\b(?:temperature|top_p|top_k)\b.{0,60}(?:may only be set|not supported|is not compatible|cannot be (?:set|used|modified)|is deprecated|not allowed)/i, and: /\bthinking\b/i },
  // Without thinking in the picture, a rejected sampling parameter is the newer models' / API version's rule
  { id: 'sampling-parameters-rejected', category: 'invalid-request-other', when: /\b(?:temperature|top_p|top_k)\b.{0,60}(?:not supported|is deprecated|not allowed|cannot be (?:set|used|modified))/i },
  { id: 'thinking-budget-tokens', category: 'thinking', when: /\bbudget_tokens\b/i },

  // --- Context window -------------------------------------------------------------------------
  // "input length and `max_tokens` exceed context limit: 199759 + 8192 > 200000"
  { id: 'context-limit-exceeded', category: 'context-window', when: /input length and max_tokens exceed context limit|\d+ \+ \d+ > \d+.{0,40}(?:decrease|context)/i, facts: inputPlusMaxFacts },
  // "prompt is too long: 219898 tokens > 200000 maximum"; Bedrock "Input is too long for requested model"
  { id: 'prompt-too-long', category: 'context-window', when: /prompt is too long|input is too long|\d+ tokens > \d+ maximum|context (?:length|window) (?:exceeded|is exceeded)|exceeds? (?:the )?(?:model.?s )?(?:maximum )?context (?:window|length)|maximum context length|ContextWindowExceeded|(?:message|conversation|input) (?:you submitted )?(?:was|is) too long|context (?:is )?(?:low|full)\b.{0,40}\/compact/i, facts: promptTooLongFacts },
  // "The long context beta is not yet available for this subscription."
  { id: 'long-context-unavailable', category: 'context-window', when: /long context beta|context-1m|long context .{0,40}not (?:yet )?(?:available|enabled|supported)/i },

  // --- Output cap -----------------------------------------------------------------------------
  // "max_tokens: 65536 > 64000, which is the maximum allowed number of output tokens for <model>"
  // Bedrock: "The maximum tokens you requested exceed the model limit of 4096."
  // Output cut off at the cap: stop_reason "max_tokens"; Claude Code "response exceeded the N output token maximum"
  { id: 'output-truncated', category: 'max-output-tokens', when: /stop_reason.{0,5}max_tokens|cut off at max_tokens|(?:truncated|cut off).{0,40}max_tokens|exceeded the \d+ output token maximum|output token maximum/i },
  { id: 'max-tokens-too-large', category: 'max-output-tokens', when: /max_tokens\s*:\s*\d+ > \d+|maximum allowed number of output tokens|maximum tokens you requested exceed|max_tokens.{0,30}(?:too large|greater than|exceeds the)/i, facts: maxTokensFacts },

  // --- Request size ---------------------------------------------------------------------------
  // "image exceeds 5 MB maximum: 6418576 bytes > 5242880 bytes"
  { id: 'image-too-large', category: 'request-too-large', when: /image exceeds .{0,20}maximum|image (?:is )?too large|\bbytes > \d+ bytes/i, facts: bytesFacts },
  // 413 request_too_large; Claude Code "Request too large (max 32MB)"; an oversized PDF ("PDF too large")
  { id: 'request-too-large', category: 'request-too-large', when: /request_too_large|request exceeds the maximum size|request too large|(?:payload|request entity) too large|\bpdf (?:file |document )?(?:is )?too large/i, status: [413] },

  // --- Timeouts and streaming -----------------------------------------------------------------
  { id: 'streaming-required', category: 'timeout-or-streaming', when: /streaming is (?:required|strongly recommended) for operations/i },
  // Slow first byte / time to first token (a latency symptom, not a failure)
  { id: 'slow-responses', category: 'latency', when: /slow first byte|\bTTFB\b|time to first (?:token|byte)|no stream chunk|no response headers after/i },
  { id: 'timeout-504', category: 'timeout-or-streaming', when: /\btimeout_error\b|gateway time-?out|ModelTimeoutException|timed out in processing/i, status: [504] },
  // SDK / client-side timeouts: "Request timed out.", APITimeoutError, APIConnectionTimeoutError, ETIMEDOUT
  { id: 'client-timeout', category: 'timeout-or-streaming', when: /request timed out|timed out after|\bAPI(?:Connection)?TimeoutError\b|\bETIMEDOUT\b|read timed? ?out|timeout exceeded/i, facts: retryFacts },

  // --- Tool use -------------------------------------------------------------------------------
  // "`tool_use` ids were found without `tool_result` blocks immediately after: toolu_..."
  { id: 'tool-use-without-tool-result', category: 'tool-use', when: /tool_use ids were found without tool_result|tool_use.{0,40}without.{0,20}tool_result/i, facts: toolFacts },
  // "unexpected `tool_use_id` found in `tool_result` blocks"
  { id: 'unexpected-tool-use-id', category: 'tool-use', when: /unexpected tool_use_id|must have a corresponding tool_use|does not contain any tool_use|tool_result.{0,40}(?:provided|found) when (?:the )?previous message/i, facts: toolFacts },
  // Sonnet 5.5 rejects a forced tool_choice (type any / tool) with a 400: a tool_choice that is "not supported",
  // rejected or forced. Not the thinking rule ("Thinking may not be enabled when tool_choice forces tool use").
  { id: 'tool-choice-forced-rejected', category: 'tool-use', when: /\btool_choice\b.{0,60}(?:not supported|unsupported|not allowed|rejected)|\bforced tool (?:use|choice)\b.{0,40}(?:error|rejected)/i, unless: /\bthinking\b/i, facts: toolFacts },
  // "tools.8.custom.input_schema: JSON schema is invalid"
  { id: 'invalid-tool-input-schema', category: 'tool-use', when: /input_schema|tools\.\d+\.[\w.]*:?.{0,40}(?:schema|invalid|required)|\btool_choice\b/i, facts: toolFacts },

  // --- Prompt caching -------------------------------------------------------------------------
  // "A maximum of 4 blocks with cache_control may be provided. Found 5."
  { id: 'cache-control-limit', category: 'caching', when: /maximum of \d+ blocks? with cache_control|too many cache_control/i, facts: cacheLimitFacts },
  // "...cache_control.ephemeral.ttl: Extra inputs are not permitted" and other cache_control rejections
  { id: 'cache-control-invalid', category: 'caching', when: /\bcache_control\b/i, unless: /never hit|not hit|cache_read_input_tokens|no cache reads?|(?:isn.?t|not) (?:being )?cached/i, facts: toolFacts },

  // --- Batches (before the generic 404s) ------------------------------------------------------
  { id: 'batch-not-found', category: 'batch', when: /\bbatch(?:es)?\b/i, and: /\b404\b|not_?found|notfounderror/i },

  // --- Models: retired, deprecated, not found, wrong id per cloud -----------------------------
  // Vertex: Gemini-oriented client calling Claude ("countTokens is infeasible for .../publishers/google/models/claude-...")
  { id: 'vertex-count-tokens-infeasible', category: 'invalid-request-other', when: /counttokens is infeasible/i },
  // Vertex: "Publisher Model `projects/.../publishers/google/models/claude-sonnet-4-5` not found", 404 on ...:streamRawPredict
  { id: 'vertex-model-not-found', category: 'model-not-found-or-deprecated', when: /publisher model .{0,200}not found|(?:aiplatform\.googleapis\.com|publishers\/\w+\/models\/).{0,200}\b(?:404|not_?found)\b|\b(?:404|not_?found)\b.{0,200}(?:aiplatform\.googleapis\.com|publishers\/\w+\/models\/)/i },
  // Bedrock: "The provided model identifier is invalid.", "on-demand throughput isn't supported",
  // LiteLLM "Bedrock HTTPX: Unknown provider=us, model=us.anthropic..."
  { id: 'bedrock-invalid-model-id', category: 'model-not-found-or-deprecated', when: /provided model identifier is invalid|invalid model identifier|unknown provider\s*=/i },
  // A retired model's 404: "model … has been retired", or not_found with "retired" (the page says when and what replaces it)
  { id: 'model-retired', category: 'model-not-found-or-deprecated', when: /\b(?:has been|was|is now|were) retired\b|\bretired (?:on|model)\b/i, and: /\b(?:model|claude|opus|sonnet|haiku)\b|claude-|\b404\b|not_?found/i },
  // "The model 'claude-3-7-sonnet-20250219' is deprecated and will reach end-of-life on ..."
  // "Claude Opus 4.5 is no longer available. Please switch to Claude Opus 4.6."
  { id: 'model-deprecated', category: 'model-not-found-or-deprecated', when: /\b(?:is|been|was) deprecated|\bdeprecation\b|end[- ]of[- ]life|no longer (?:available|supported|served)|has been retired|\bretired\b/i, and: /\b(?:model|claude|opus|sonnet|haiku)\b|claude-/i, facts: deprecationFacts },
  // 404 not_found_error "model: claude-sonnet-4-20250514", "model: haiku"
  { id: 'not-found-model', category: 'model-not-found-or-deprecated', when: /not_found_error|\bmodel\b.{0,80}\b(?:not found|does not exist|not_found)|\binvalid model\b|unknown model|model_not_found|\bNotFoundError\b/i },

  // --- Auth -----------------------------------------------------------------------------------
  // 401 "CORS requests are not allowed for this Organization ..."
  { id: 'cors-not-allowed', category: 'auth-or-permission', when: /\bCORS\b|dangerouslyAllowBrowser|anthropic-dangerous-direct-browser-access/i },
  // 401 "invalid x-api-key", missing key, SDK "Could not resolve authentication method"
  { id: 'authentication-error', category: 'auth-or-permission', when: /authentication_error|invalid x-api-key|x-api-key header|invalid (?:api[ _-]?key|bearer token|authentication)|could not resolve authentication|\bAuthenticationError\b|oauth token (?:has )?(?:expired|revoked)|please run \/login|\bunauthori[sz]ed\b|api[ _-]?key.{0,30}(?:missing|not set|not found|required|revoked|expired)/i, status: [401] },
  // 403 permission_error, Bedrock AccessDeniedException, Vertex PERMISSION_DENIED
  { id: 'permission-error', category: 'auth-or-permission', when: /permission_error|AccessDeniedException|PERMISSION_DENIED|permission denied|\bforbidden\b|not authorized to perform|(?:don.?t|does not|do not) have access to|PermissionDeniedError|organization has been disabled|account (?:has been )?(?:disabled|suspended)/i, status: [403] },

  // --- Server side: overloaded, 5xx -----------------------------------------------------------
  // 529 overloaded_error "Overloaded", Claude Code "Opus is experiencing high load"
  { id: 'overloaded', category: 'overloaded', when: /\bover ?loaded(?:error)?\b|overloaded_error|high (?:load|demand)|(?:at|over|insufficient|out of) capacity/i, status: [529], facts: retryFacts },
  // Cloud 503: httpx "503 Service Unavailable" on bedrock-runtime, "Bedrock is unable to process your request"
  { id: 'service-unavailable', category: 'overloaded', when: /ServiceUnavailable(?:Exception|Error)?|service unavailable|unable to process your request|upstream connect error|ModelNotReadyException/i, status: [503], facts: retryFacts },
  // 500 api_error "Internal server error"
  { id: 'api-error-500', category: 'overloaded', when: /\bapi_error\b|internal server error|InternalServerError|bad gateway|ModelErrorException|unexpected error during processing/i, status: [500, 502], facts: retryFacts },

  // --- Other invalid requests -----------------------------------------------------------------
  // Bedrock InvokeModel body: "Malformed input request: ... required key [max_tokens] not found"
  { id: 'bedrock-malformed-input', category: 'invalid-request-other', when: /malformed input request/i },
  { id: 'invalid-json-body', category: 'invalid-request-other', when: /not valid json|invalid json|unexpected control character|json (?:decode|parse) error/i },
  { id: 'empty-message-content', category: 'invalid-request-other', when: /must have non-?empty content|content blocks? must be non-?empty|content (?:cannot|must not) be empty/i },
  { id: 'roles-must-alternate', category: 'invalid-request-other', when: /roles must alternate|must alternate between|first message must use the user role/i },
  { id: 'system-role-not-supported', category: 'invalid-request-other', when: /role system is not supported|unexpected role system|system as an input message role/i },
  { id: 'conflict-error', category: 'invalid-request-other', when: /\bconflict_error\b/i, status: [409] },

  // --- Symptoms described in words (no error code) --------------------------------------------
  // tool_use / tool_result pairing errors in other wordings ("tool_use ids must be unique", "must define tools")
  { id: 'tool-use-without-tool-result', category: 'tool-use', when: /\btool_(?:use|result)(?:_id)?s?\b/i, facts: toolFacts },
  // "Every request paid the 1.25x write and not one read, across five cold batches"
  { id: 'batch-cache-misses', category: 'batch', when: /\bbatch(?:es)?\b/i, and: /\bcach|\bwrites?\b.{0,60}\breads?\b/i },
  // Other Message Batches problems: expired or errored batch results, batch ids
  { id: 'batch-not-found', category: 'batch', when: /msgbatch_|message batch|batch(?:es)? api/i },
  // Thinking used with tools/agents and a 400 the user cannot place
  { id: 'thinking-block-missing', category: 'thinking', when: /\bthinking\b/i, and: /\b(?:tool|agent|400|error)/i },
  // "progressively worse", "benchmarks ... deflated", regressions after a switch
  { id: 'quality-regression', category: 'quality', when: /(?:getting|got|gotten|become|became|much|progressively|noticeably) (?:worse|dumber|lazier)|\bquality\b.{0,30}(?:drop|degrad|regress|worse)|\bregress(?:ion|ed)?\b|\bdegraded\b|\bbenchmarks?\b|\bhallucinat|\bnerfed\b/i },
  // "very expensive", "spend going through the roof", "costs me 0.1 USD"
  { id: 'cost-spike', category: 'cost', when: /\b(?:more )?expensive\b|\bcosting\b|\bpricier\b|(?:bill|spend|spent|spending|costs?|charges?|invoice)\b.{0,40}(?:high|spike|jump|doubled|tripled|through the roof|too much|increas|explod)|costs? me\b|\bUSD\b|\$\d/i },
  // Cache never hits: cache_read_input_tokens stays 0, "not cached"
  { id: 'cache-not-hitting', category: 'caching', when: /cache_read_input_tokens|cache (?:never|not|isn.?t|doesn.?t|does not) hit|not (?:being )?cached|cache miss(?:es)?|cach\w* (?:is )?(?:not|doesn.?t|isn.?t) work/i },
  // "super slow", "one word a second", low tokens per second
  { id: 'slow-responses', category: 'latency', when: /\b(?:super |very |extremely |really |so )?slow(?:er|ly|ness)?\b|\blatency\b|tokens? (?:per|a) second|one word a second|takes? (?:forever|ages)/i },
];

// ---------------------------------------------------------------------------------------------
// 4. Generic fallbacks by error type, then by status
// ---------------------------------------------------------------------------------------------

const BY_TYPE: Record<string, [string, string]> = {
  invalid_request_error: ['invalid-request-error', 'invalid-request-other'],
  authentication_error: ['authentication-error', 'auth-or-permission'],
  billing_error: ['billing-error', 'billing-credits'],
  permission_error: ['permission-error', 'auth-or-permission'],
  not_found_error: ['not-found-model', 'model-not-found-or-deprecated'],
  conflict_error: ['conflict-error', 'invalid-request-other'],
  request_too_large: ['request-too-large', 'request-too-large'],
  rate_limit_error: ['rate-limit-requests', 'rate-limit'],
  api_error: ['api-error-500', 'overloaded'],
  timeout_error: ['timeout-504', 'timeout-or-streaming'],
  overloaded_error: ['overloaded', 'overloaded'],
  ThrottlingException: ['bedrock-throttling', 'rate-limit'],
  ServiceUnavailableException: ['service-unavailable', 'overloaded'],
  RESOURCE_EXHAUSTED: ['vertex-resource-exhausted', 'rate-limit'],
  AccessDeniedException: ['permission-error', 'auth-or-permission'],
  PERMISSION_DENIED: ['permission-error', 'auth-or-permission'],
};

const BY_STATUS: Record<number, [string, string]> = {
  400: ['invalid-request-error', 'invalid-request-other'],
  401: ['authentication-error', 'auth-or-permission'],
  402: ['billing-error', 'billing-credits'],
  403: ['permission-error', 'auth-or-permission'],
  404: ['not-found-model', 'model-not-found-or-deprecated'],
  408: ['client-timeout', 'timeout-or-streaming'],
  409: ['conflict-error', 'invalid-request-other'],
  413: ['request-too-large', 'request-too-large'],
  429: ['rate-limit-requests', 'rate-limit'],
  500: ['api-error-500', 'overloaded'],
  502: ['api-error-500', 'overloaded'],
  503: ['service-unavailable', 'overloaded'],
  504: ['timeout-504', 'timeout-or-streaming'],
  529: ['overloaded', 'overloaded'],
};


/** Every error id the classifier can return (tests check each has a content/errors entry). */
function classifierErrorIds(): string[] {
  return [
    ...new Set([
      ...RULES.map((r) => r.id),
      ...Object.values(BY_TYPE).map(([id]) => id),
      ...Object.values(BY_STATUS).map(([id]) => id),
    ]),
  ];
}
// Marked pure so an island that only classifies does not bundle the computation (tests and scripts use these).
export const CLASSIFIER_ERROR_IDS: readonly string[] = /* @__PURE__ */ classifierErrorIds();

/** Every (error id, category) pair the classifier can return, so a test can hold each to its entry's category. */
function classifierCategories(): (readonly [string, string])[] {
  return [...RULES.map((r) => [r.id, r.category] as const), ...Object.values(BY_TYPE), ...Object.values(BY_STATUS)];
}
export const CLASSIFIER_CATEGORIES: readonly (readonly [string, string])[] = /* @__PURE__ */ classifierCategories();

// ---------------------------------------------------------------------------------------------
// 5. Entry point
// ---------------------------------------------------------------------------------------------

const MAX_INPUT = 20_000;

/**
 * Types that name one category on their own: with such a body the type decides, and the learned model may not move
 * the answer to another category because of wrapper words ("litellm.RateLimitError" around an `overloaded_error`).
 * `invalid_request_error` and `not_found_error` are left out: they span many causes (context window, tools, thinking,
 * credits; a model or a batch), and the message or the model tells them apart.
 */
const DECISIVE_TYPES = /^(?:(?:authentication|billing|permission|rate_limit|api|timeout|overloaded)_error|request_too_large)$/;

/**
 * The Claude API error body inside a paste (`{"type":"error","error":{"type":"…","message":"…"}}`, as JSON, a Python
 * dict repr or a JS object print; quotes are gone after normalisation), from `error:` to the first closing brace, so
 * wrapper text before and after it (SDK class names, LiteLLM's "Received Model Group=…") is not part of it.
 */
function errorBody(plain: string): { type: string; status: number; text: string } | null {
  const m = /\berror\s*:\s*\{[^{}]{0,400}?\btype\s*:\s*([a-z_]+)\b/i.exec(plain);
  const type = m?.[1]?.toLowerCase();
  // Only the Claude API's own types (lower case in ERROR_TYPES), with the status each implies.
  const status = ERROR_TYPES.find(([, name]) => name === type)?.[2];
  if (!m || !type || !status) return null;
  // To the first closing brace: the error object's own end, or that of its `details`, which come after the message.
  const end = plain.indexOf('}', m.index + m[0].length);
  return { type, status, text: plain.slice(m.index, end < 0 ? undefined : end) };
}

/** True when the match's `error.type` names its category on its own (overloaded_error → overloaded): nothing else to offer beside it. */
export function typeDecides(match: ErrorMatch | null): boolean {
  const type = match?.facts.errorType;
  return !!match && typeof type === 'string' && DECISIVE_TYPES.test(type) && BY_TYPE[type]?.[1] === match.category;
}

export function classifyError(text: string): ErrorMatch | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.slice(0, MAX_INPUT).trim();
  if (trimmed.length < 3) return null;
  const n = normalise(trimmed);
  const common = commonFacts(n);

  // A body's `error.type` decides before the wrapper's words: the cause rules read only the body, and the type's
  // status replaces a wrapper status of another category (LiteLLM raises RateLimitError with 429 for a 529).
  const body = errorBody(n.plain);
  if (body) {
    common.errorType = body.type;
    if (BY_STATUS[common.status as number]?.[1] !== BY_TYPE[body.type]?.[1]) common.status = body.status;
  }

  for (const rule of RULES) {
    const isCode = CODE_RULES.includes(rule);
    // Machine-readable codes (`error.details.error_code`) are read anywhere; cause patterns only in the body when there is one.
    const subject = body && !isCode ? body.text : n.plain;
    const found = rule.when.exec(subject);
    const byStatus = rule.status !== undefined && typeof common.status === 'number' && rule.status.includes(common.status);
    if (!found && !byStatus) continue;
    if (rule.and && !rule.and.test(subject)) continue;
    if (rule.unless && rule.unless.test(subject)) continue;
    const why = found ? `“${found[0].trim().slice(0, 80)}”` : `HTTP ${common.status}`;
    const by = isCode ? 'code' : 'rule';
    return { category: rule.category, errorId: rule.id, facts: { ...common, ...(rule.facts?.(n) ?? {}) }, why, by };
  }

  const type = typeof common.errorType === 'string' ? BY_TYPE[common.errorType] : undefined;
  if (type) {
    // A decisive type in a body is a code, not a hint: no learned guess beside it.
    const by = body && DECISIVE_TYPES.test(body.type) ? 'code' : 'generic';
    return { category: type[1], errorId: type[0], facts: common, why: `error type ${common.errorType}`, by };
  }
  const status = typeof common.status === 'number' ? BY_STATUS[common.status] : undefined;
  if (status) return { category: status[1], errorId: status[0], facts: common, why: `HTTP ${common.status}`, by: 'generic' };
  return null;
}
