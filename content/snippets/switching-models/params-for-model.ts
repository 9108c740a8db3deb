import Anthropic from '@anthropic-ai/sdk';
import { thinkingOff } from '../mixed-model-workflows/switch-safely.ts';

/** A request as older code and configs describe it, before it is fitted to a model. */
export interface PortableRequest {
  model: string;
  max_tokens: number;
  messages: Anthropic.MessageParam[];
  system?: string;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  /** Manual extended thinking, as written for Claude 4.5-era models. */
  thinkingBudget?: number;
  /** Thinking turned off, as older code writes `thinking: {type: "disabled"}`. */
  thinkingOff?: boolean;
  toolChoice?: Anthropic.ToolChoice;
  tools?: Anthropic.ToolUnion[];
  effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max';
  inferenceGeo?: 'us' | 'global';
}

/** Models that reject forced tool use (tool_choice "any" or "tool") with a 400. From each model's migration guide. */
const REJECTS_FORCED_TOOL = ['claude-sonnet-5-5'];
/** Models that reject inference_geo with a 400 (it exists from the 4.6 generation on). */
const NO_INFERENCE_GEO = ['claude-opus-4-5', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'];
const matches = (list: readonly string[], model: string) => list.some((p) => model === p || model.startsWith(`${p}-`));

/**
 * Fit one request to the model it will be sent to, using the Models API's
 * capability flags where they exist and a short list where they do not.
 * Returns what was dropped or rewritten so the change is logged, not silent.
 */
export async function paramsForModel(
  client: Anthropic,
  req: PortableRequest,
): Promise<{ params: Anthropic.MessageCreateParamsNonStreaming; changes: string[] }> {
  const caps = (await client.models.retrieve(req.model)).capabilities;
  const changes: string[] = [];
  const params: Anthropic.MessageCreateParamsNonStreaming = {
    model: req.model,
    max_tokens: req.max_tokens,
    messages: req.messages,
    ...(req.system !== undefined ? { system: req.system } : {}),
    ...(req.tools !== undefined ? { tools: req.tools } : {}),
  };

  // Sampling parameters: the API version that @anthropic-ai/sdk 1.x sends rejects them on every
  // model, even at their defaults, and Opus 4.7+ rejects them on any version.
  for (const key of ['temperature', 'top_p', 'top_k'] as const) {
    if (req[key] !== undefined) changes.push(`dropped ${key}: rejected under the current API version; steer with the prompt or effort`);
  }

  if (req.toolChoice !== undefined) {
    const forced = req.toolChoice.type === 'any' || req.toolChoice.type === 'tool';
    if (forced && matches(REJECTS_FORCED_TOOL, req.model)) {
      params.tool_choice = { type: 'auto' };
      changes.push(`tool_choice "${req.toolChoice.type}" -> "auto": ${req.model} rejects forced tool use; say which tool in the prompt`);
    } else {
      params.tool_choice = req.toolChoice;
    }
  }

  if (req.thinkingOff) {
    const off = thinkingOff(caps);
    if (off?.type === 'between_tools' && (req.effort === 'xhigh' || req.effort === 'max')) {
      // between_tools is a 400 at xhigh and max effort (Sonnet 5.5): keep the effort, leave thinking adaptive.
      changes.push(`thinking off -> adaptive on ${req.model}: between_tools is rejected at effort "${req.effort}"`);
    } else {
      if (off) params.thinking = off;
      if (off?.type !== 'disabled') changes.push(`thinking off -> ${off ? off.type : 'omitted'} on ${req.model}`);
    }
  }

  if (req.thinkingBudget !== undefined) {
    const types = caps?.thinking.types;
    if (types?.enabled.supported) {
      params.thinking = { type: 'enabled', budget_tokens: req.thinkingBudget };
    } else if (types?.adaptive.supported) {
      params.thinking = { type: 'adaptive' };
      changes.push(`thinking: budget_tokens -> adaptive on ${req.model}`);
    } else {
      changes.push(`dropped thinking: ${req.model} reports no thinking support`);
    }
  }

  if (req.effort !== undefined) {
    const effort = caps?.effort;
    const level = effort?.[req.effort];
    if (effort?.supported && level?.supported) {
      params.output_config = { effort: req.effort };
    } else {
      changes.push(`dropped effort "${req.effort}": not supported by ${req.model}`);
    }
  }

  if (req.inferenceGeo !== undefined) {
    if (matches(NO_INFERENCE_GEO, req.model)) changes.push(`dropped inference_geo: ${req.model} rejects it`);
    else params.inference_geo = req.inferenceGeo;
  }
  return { params, changes };
}
