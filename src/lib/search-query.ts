/**
 * `cleanQuery(text)`: turns a pasted error into a Pagefind query.
 *
 * Pagefind strips punctuation and matches numbers as prefixes, and every extra word narrows the result set,
 * so a raw paste (JSON, an SDK prefix, a UUID, token counts, a request id) ranks poorly. This keeps the words
 * that say what went wrong ("prompt is too long tokens maximum") and drops what varies between users.
 *
 * Steps: unescape JSON / Python-dict quoting; if the paste carries an API body, keep its innermost `message`
 * (and the error type); drop URLs, UUIDs, request / tool-use ids, model ids, snapshot dates, numbers (an HTTP
 * status is kept once), JSON punctuation and wrapper words (`litellm.RateLimitError`, `AnthropicException`,
 * `Error code:`, `API Error:`); de-duplicate; cap the length. Pure; no DOM.
 */

/** Known HTTP statuses kept (once) in the query: error pages are indexed with their status. */
const STATUSES = new Set(['400', '401', '402', '403', '404', '409', '413', '429', '500', '503', '504', '529']);

/** Words that only come from wrappers and JSON keys, never from the cause. */
const NOISE = new Set([
  'error', 'errors', 'err', 'exception', 'type', 'message', 'code', 'status', 'api', 'details', 'detail', 'request_id',
  'litellm', 'anthropicexception', 'bedrockexception', 'vertexexception', 'anthropic', 'providerbizerror', 'route',
  'ratelimiterror', 'badrequesterror', 'apicallerror', 'ai_apicallerror', 'ai_retryerror', 'apistatuserror',
  'internalservererror', 'authenticationerror', 'notfounderror', 'permissiondeniederror', 'overloadederror',
  'httpx', 'httpstatuserror', 'botocore', 'errorfactory', 'google', 'api_core', 'exceptions', 'debug', 'warn', 'info',
  'failed', 'failure', 'raised', 'got', 'getting', 'received', 'response', 'https', 'http', 'www', 'com', 'org',
  'please', 'try', 'again', 'refer', 'details', 'for', 'the', 'a', 'an', 'to', 'of', 'and', 'in', 'on', 'at', 'with',
  'your', 'this', 'that', 'my', 'i', 'we', 'it', 'be', 'are', 'was', 'has', 'have', 'been', 'when', 'from', 'by',
  'provider', 'server', 'model', 'models', 'claude', 'id', 'org', 'organization', 'organisation', 'url', 'occurred',
  'calling', 'operation', 'retrying', 'attempt', 'attempts', 'after', 'last', 'which', 'will', 'or', 'but', 'so', 'its',
  'consult', 'documentation', 'learn', 'more', 'about', 'because', 'should', 'go', 'does', 'do', 'did', 'any', 'each',
  'some', 'such', 'than', 'then', 'there', 'these', 'those', 'into', 'also', 'just', 'here', 'see', 'via', 'using',
  // contractions split by quote removal ("isn't" -> "isn")
  'isn', 'aren', 'doesn', 'don', 'can', 'won', 'wasn', 'didn', 'couldn', 'shouldn', 'isnt', 'arent', 'doesnt', 'dont',
  'cant', 'wont', 'wasnt', 'didnt', 'couldnt', 'shouldnt',
  // AWS and SDK operation names
  'invokemodel', 'invokemodelwithresponsestream', 'converse', 'conversestream', 'streamrawpredict', 'rawpredict',
]);

const MAX_WORDS = 6;

function unescape(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+[nrt]/g, ' ')
    .replace(/\\+(["'/`])/g, '$1')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

/** The innermost `"message": "..."` / `'message': '...'` of an API body, if any. */
function innerMessage(text: string): string | null {
  const re = /["']message["']\s*:\s*(["'])((?:(?!\1).){6,})/g;
  let found: string | null = null;
  for (const m of text.matchAll(re)) found = m[2] ?? found;
  return found;
}

function errorTypeOf(text: string): string | null {
  const m = /\b([a-z]+(?:_[a-z]+)*_error|request_too_large)\b/.exec(text);
  return m?.[1] ?? null;
}

function statusOf(text: string): string | null {
  const m = /(?:error code|status code|api error|http|error|\()\s*[:=]?\s*(\d{3})(?!\d)|^\W*(\d{3})(?!\d)|\b(\d{3})\s+(?:\{|overloaded|not_found|service unavailable)/i.exec(text);
  const s = m?.[1] ?? m?.[2] ?? m?.[3];
  return s && STATUSES.has(s) ? s : null;
}

export function cleanQuery(text: string, maxWords = MAX_WORDS): string {
  if (typeof text !== 'string') return '';
  let t = unescape(text.slice(0, 5000));
  const status = statusOf(t);
  const type = errorTypeOf(t);
  const inner = innerMessage(t);
  if (inner) t = inner;

  t = t
    .replace(/https?:\/\/\S+/gi, ' ') // URLs
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ') // UUIDs
    .replace(/\b(?:req|toolu|msg|msgbatch|srvtoolu)_[A-Za-z0-9_]+/g, ' ') // request, tool-use, message, batch ids
    .replace(/\b(?:(?:us|eu|apac|jp|au|global)\.)?(?:anthropic\.)?claude-[a-z0-9.-]*(?:@\d{8})?(?::\d+)?(?:\[1m\])?/gi, ' ') // model ids
    .replace(/\bprojects\/\S+/gi, ' ') // cloud resource paths
    .replace(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g, ' ') // dates
    .replace(/\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/gi, ' ') // hex addresses, hashes
    // Field paths: keep the last word segment (messages.0.content.0.text.cache_control.ephemeral.ttl -> ttl,
    // tools.8.custom.input_schema -> input_schema, messages.22 -> messages).
    .replace(/\b[A-Za-z_]\w*(?:\.\w+)+\b/g, (path) => {
      const segs = path.split('.').filter((x) => !/^\d+$/.test(x));
      return ` ${segs[segs.length - 1] ?? ''} `;
    })
    .replace(/(\d)([A-Za-z])/g, '$1 $2') // 429This, 30s
    .replace(/\b\d[\d,._]*\b/g, ' ') // numbers (counts, limits, indexes in messages.22)
    .replace(/(\p{L})['\u2019](\p{L})/gu, '$1$2') // contractions: isn't -> isnt
    .replace(/[^\p{L}\p{N}_\s-]+/gu, ' ') // JSON punctuation, quotes, backticks, > + |
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' '); // stray dashes ("Error code: 429 - {...")

  const words: string[] = [];
  const seen = new Set<string>();
  const push = (w: string) => {
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  };
  if (status) push(status);
  for (const raw of t.toLowerCase().split(/\s+/)) {
    const w = raw.replace(/^[_-]+|[_-]+$/g, '');
    if (w.length < 2) continue;
    if (NOISE.has(w) || /^\d+$/.test(w)) continue;
    // Exception and wrapper class names (ValidationException, APICallError, BedrockError) say where, not why.
    if (/^[a-z_]*(?:exception|error)$/.test(w) && !/_error$/.test(w)) continue;
    push(w);
  }
  if (type && words.length < maxWords) push(type);
  return words.slice(0, maxWords).join(' ');
}

/**
 * Broader queries to try, in order, when the cleaned query finds nothing: Pagefind needs every word on the
 * page, so one stray word empties the results. Drops words from the end (pasted messages put the cause
 * first), never below two words, and ends with the longest single word.
 */
export function fallbackQueries(cleaned: string): string[] {
  const words = cleaned.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let n = Math.min(words.length - 1, 6); n >= 2; n--) out.push(words.slice(0, n).join(' '));
  const longest = [...words].sort((a, b) => b.length - a.length)[0];
  if (words.length > 1 && longest) out.push(longest);
  return [...new Set(out)];
}

/**
 * The query /search/ sends to Pagefind for a paste: the cleaned words, ranked by how much they say about the
 * paste's likely category (`weightOf`, from the classifier), the `max` most distinctive kept in the paste's order.
 * Pagefind needs every word on a page and fetches one index chunk per word, so a 400-character paste becomes one or
 * two words that say most, and results arrive on the first query with little to download. An HTTP status is left
 * out when there are other words (the box above the results already reads it). Without weights, longer words win.
 */
export function distinctiveQuery(text: string, weightOf?: (word: string) => number, max = 2): string {
  const all = cleanQuery(text, 40).split(/\s+/).filter(Boolean);
  const words = all.length > 1 ? all.filter((w) => !STATUSES.has(w)) : all;
  if (words.length <= max) return words.join(' ');
  const score = (w: string) => (weightOf?.(w) ?? 0) + Math.min(w.length, 12) / 100;
  const keep = new Set([...words].sort((a, b) => score(b) - score(a)).slice(0, max));
  return words.filter((w) => keep.has(w)).join(' ');
}

/** A paste as the `?q=` of a link: at most `max` characters, lone surrogates (binary junk) replaced so encoding never throws. */
export function searchHref(text: string, max = 2000): string {
  const safe = text.slice(0, max).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return `/search/?q=${encodeURIComponent(safe)}`;
}

/** Words of a paste sent to Pagefind (distinctiveQuery), and results fetched per page: both bound the download. */
export const SEARCH_TERMS = 2;
export const RESULTS_PAGE = 5;
