// One structured log line per Claude call: which task, which model, and every billed token
// category from `usage`. Spend questions ("what doubled?") become a GROUP BY instead of a guess.
import Anthropic from '@anthropic-ai/sdk';

/** USD per million tokens, loaded from your own config (copy it from the pricing page). */
export interface Rates {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
}

export interface ModelPrice extends Rates {
  /** The model's fast-mode rates, if it has fast mode (`speed: "fast"`); a fast call without them is priced null. */
  fast?: Rates;
  /** A prompt-size tier: Haiku 5.5 bills the whole request at its higher rates above its prompt-size breakpoint. */
  above?: { promptTokens: number; rates: Rates };
}

export interface PriceConfig {
  models: Record<string, ModelPrice>;
  /** inference_geo "us" multiplies every token category (the multiplier is on the pricing page; Claude 4.6 and later). */
  usGeoMultiplier: number;
  /** Server tools billed per use on top of tokens, e.g. web search per 1,000 searches. */
  webSearchPer1000: number;
}

export interface UsageRecord {
  ts: string;
  task: string;
  model: string;
  requestId: string | null;
  inputTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
  thinkingTokens: number; // included in outputTokens, billed as output
  speed: string | null; // "fast" = fast-mode rates
  inferenceGeo: string | null; // "us" = US-only inference, a multiplier on every category
  webSearches: number;
  maxTokens: number;
  stopReason: string | null; // "refusal" is billed too: count it
  costUsd: number | null;
}

function ratesFor(price: ModelPrice, promptTokens: number, speed: string | null): Rates | null {
  if (speed === 'fast') return price.fast ?? null; // unknown fast rates: do not guess the standard ones
  return price.above && promptTokens > price.above.promptTokens ? price.above.rates : price;
}

export function toUsageRecord(
  task: string,
  maxTokens: number,
  message: Anthropic.Message,
  requestId: string | null,
  prices: PriceConfig,
): UsageRecord {
  const u = message.usage;
  const write5m = u.cache_creation?.ephemeral_5m_input_tokens ?? u.cache_creation_input_tokens ?? 0;
  const write1h = u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const read = u.cache_read_input_tokens ?? 0;
  const speed = u.speed ?? null;
  const geo = u.inference_geo ?? null;
  const webSearches = u.server_tool_use?.web_search_requests ?? 0;
  const price = prices.models[message.model];
  const rates = price ? ratesFor(price, u.input_tokens + write5m + write1h + read, speed) : null;
  const costUsd = rates
    ? ((u.input_tokens * rates.input +
        write5m * rates.cacheWrite5m +
        write1h * rates.cacheWrite1h +
        read * rates.cacheRead +
        u.output_tokens * rates.output) /
        1_000_000) *
        (geo === 'us' ? prices.usGeoMultiplier : 1) +
      (webSearches * prices.webSearchPer1000) / 1_000
    : null; // unknown model or rate: log it anyway, a missing price is itself a finding
  return {
    ts: new Date().toISOString(),
    task,
    model: message.model,
    requestId,
    inputTokens: u.input_tokens,
    cacheWrite5mTokens: write5m,
    cacheWrite1hTokens: write1h,
    cacheReadTokens: read,
    outputTokens: u.output_tokens,
    thinkingTokens: u.output_tokens_details?.thinking_tokens ?? 0,
    speed,
    inferenceGeo: geo,
    webSearches,
    maxTokens,
    stopReason: message.stop_reason,
    costUsd,
  };
}

/** Wrap every call site with this (or do it once in your routing module). */
export async function loggedCreate(
  client: Anthropic,
  task: string,
  params: Anthropic.MessageCreateParamsNonStreaming,
  prices: PriceConfig,
): Promise<Anthropic.Message> {
  const { data, request_id } = await client.messages.create(params).withResponse();
  console.log(JSON.stringify(toUsageRecord(task, params.max_tokens, data, request_id ?? null, prices)));
  return data;
}
