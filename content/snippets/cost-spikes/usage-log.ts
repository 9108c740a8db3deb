// One structured log line per Claude call: which task, which model, and every billed token
// category from `usage`. Spend questions ("what doubled?") become a GROUP BY instead of a guess.
import Anthropic from '@anthropic-ai/sdk';

/** USD per million tokens, loaded from your own config (copy it from the pricing page). */
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
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
  maxTokens: number;
  stopReason: string | null;
  costUsd: number | null;
}

export function toUsageRecord(
  task: string,
  maxTokens: number,
  message: Anthropic.Message,
  requestId: string | null,
  prices: Record<string, ModelPrice>,
): UsageRecord {
  const u = message.usage;
  const write5m = u.cache_creation?.ephemeral_5m_input_tokens ?? u.cache_creation_input_tokens ?? 0;
  const write1h = u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const read = u.cache_read_input_tokens ?? 0;
  const price = prices[message.model];
  const costUsd = price
    ? (u.input_tokens * price.input +
        write5m * price.cacheWrite5m +
        write1h * price.cacheWrite1h +
        read * price.cacheRead +
        u.output_tokens * price.output) /
      1_000_000
    : null; // unknown model: log it anyway, a missing price is itself a finding
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
  prices: Record<string, ModelPrice>,
): Promise<Anthropic.Message> {
  const { data, request_id } = await client.messages.create(params).withResponse();
  console.log(JSON.stringify(toUsageRecord(task, params.max_tokens, data, request_id ?? null, prices)));
  return data;
}
