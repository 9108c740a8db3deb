// Read your organization's live rate limits from the response headers of a real call.
// Every Messages API response carries them, successful or not, so log them on every request
// instead of trusting a table copied from a blog post.
import Anthropic from '@anthropic-ai/sdk';

export interface LimitWindow {
  limit: number | null;
  remaining: number | null; // token "remaining" values are rounded to the nearest thousand
  reset: string | null; // RFC 3339 timestamp
}

export interface RateLimitSnapshot {
  requests: LimitWindow;
  inputTokens: LimitWindow;
  outputTokens: LimitWindow;
  tokens: LimitWindow; // the most restrictive token limit currently in effect
  retryAfterSeconds: number | null; // only sent when you are being limited
}

function num(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function windowFrom(headers: Headers, family: string): LimitWindow {
  const prefix = `anthropic-ratelimit-${family}`;
  return {
    limit: num(headers.get(`${prefix}-limit`)),
    remaining: num(headers.get(`${prefix}-remaining`)),
    reset: headers.get(`${prefix}-reset`),
  };
}

export function parseRateLimitHeaders(headers: Headers): RateLimitSnapshot {
  return {
    requests: windowFrom(headers, 'requests'),
    inputTokens: windowFrom(headers, 'input-tokens'),
    outputTokens: windowFrom(headers, 'output-tokens'),
    tokens: windowFrom(headers, 'tokens'),
    retryAfterSeconds: num(headers.get('retry-after')),
  };
}

/** Sends one request and returns the answer together with the limits that applied to it. */
export async function createWithLimits(
  client: Anthropic,
  params: Anthropic.MessageCreateParamsNonStreaming,
): Promise<{ message: Anthropic.Message; limits: RateLimitSnapshot }> {
  try {
    const { data, response } = await client.messages.create(params).withResponse();
    return { message: data, limits: parseRateLimitHeaders(response.headers) };
  } catch (err) {
    if (err instanceof Anthropic.RateLimitError) {
      // A 429 carries the same headers: log which window ran out before rethrowing.
      console.warn('rate limited', JSON.stringify(parseRateLimitHeaders(err.headers)));
    }
    throw err;
  }
}

export async function printMyLimits(model: string): Promise<RateLimitSnapshot> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const { limits } = await createWithLimits(client, {
    model,
    max_tokens: 16,
    messages: [{ role: 'user', content: 'ping' }],
  });
  console.log(model, JSON.stringify(limits, null, 2));
  return limits;
}
