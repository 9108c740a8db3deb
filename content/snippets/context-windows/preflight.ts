import Anthropic from '@anthropic-ai/sdk';

type CreateParams = Anthropic.MessageCreateParamsNonStreaming;

export interface ModelLimits {
  id: string;
  /** Context window: prompt and max_tokens share it. */
  contextWindow: number;
  /** Largest max_tokens the model accepts. */
  maxOutput: number;
}

const limitsCache = new Map<string, ModelLimits>();

/** Read the limits from the Models API once per model instead of hard-coding them. */
export async function getModelLimits(client: Anthropic, model: string): Promise<ModelLimits> {
  const cached = limitsCache.get(model);
  if (cached) return cached;
  const info = await client.models.retrieve(model);
  if (info.max_input_tokens === null || info.max_tokens === null) {
    throw new Error(`Models API has no limits for ${model}; use your catalogue values instead`);
  }
  const limits: ModelLimits = {
    id: info.id,
    contextWindow: info.max_input_tokens,
    maxOutput: info.max_tokens,
  };
  limitsCache.set(model, limits);
  return limits;
}

export class PromptTooLongError extends Error {
  constructor(
    readonly inputTokens: number,
    readonly contextWindow: number,
    readonly model: string,
  ) {
    super(`prompt would be ${inputTokens} tokens; ${model} accepts ${contextWindow}`);
    this.name = 'PromptTooLongError';
  }
}

/**
 * Count the prompt before sending it. If it does not fit the requested model,
 * try the long-context model (if one is configured), otherwise throw so the
 * caller can chunk or compact instead of paying for a guaranteed 400.
 */
export async function preflight(
  client: Anthropic,
  params: CreateParams,
  longContextModel?: string,
): Promise<CreateParams & { inputTokens: number }> {
  const counted = await client.messages.countTokens({
    model: params.model,
    messages: params.messages,
    system: params.system,
    tools: params.tools,
    tool_choice: params.tool_choice,
    thinking: params.thinking,
  });
  const inputTokens = counted.input_tokens;
  const limits = await getModelLimits(client, params.model);
  if (inputTokens + params.max_tokens <= limits.contextWindow) {
    return { ...params, inputTokens };
  }
  if (longContextModel !== undefined && longContextModel !== params.model) {
    const long = await getModelLimits(client, longContextModel);
    if (inputTokens + params.max_tokens <= long.contextWindow) {
      // Token counts differ between tokenizer generations: recount on the new model
      // before trusting this in production if the two models are from different generations.
      return { ...params, model: longContextModel, inputTokens };
    }
  }
  throw new PromptTooLongError(inputTokens, limits.contextWindow, params.model);
}

/** Send with the preflight check; count_tokens is free but has its own rate limit. */
export async function createChecked(
  params: CreateParams,
  longContextModel?: string,
): Promise<Anthropic.Message> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const { inputTokens: _counted, ...checked } = await preflight(client, params, longContextModel);
  return client.messages.create(checked);
}
