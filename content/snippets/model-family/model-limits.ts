// Read a model's limits and capabilities from the Models API instead of hard-coding them.
// GET /v1/models/{id} resolves aliases too: "claude-haiku-4-5" (still on 4.x) comes back as its dated id; the 5.5 ids are already pinned.
import Anthropic from '@anthropic-ai/sdk';

export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

export interface ModelLimits {
  id: string;
  displayName: string;
  lifecycle: 'active' | 'deprecated' | 'retired';
  retiresAt: string | null;
  maxInputTokens: number | null; // context window (input side)
  maxOutputTokens: number | null; // highest value max_tokens may take
  effortLevels: Effort[]; // empty when the model rejects output_config.effort
  adaptiveThinking: boolean;
  budgetThinking: boolean; // thinking: { type: 'enabled', budget_tokens }
}

const cache = new Map<string, Promise<ModelLimits>>();

export function getModelLimits(
  client: Anthropic,
  model: string,
): Promise<ModelLimits> {
  let pending = cache.get(model);
  if (!pending) {
    pending = client.models.retrieve(model).then((info) => {
      const caps = info.capabilities;
      const effort = caps?.effort;
      const levels: Effort[] = [];
      if (effort?.supported) {
        if (effort.low.supported) levels.push('low');
        if (effort.medium.supported) levels.push('medium');
        if (effort.high.supported) levels.push('high');
        if (effort.xhigh?.supported) levels.push('xhigh');
        if (effort.max.supported) levels.push('max');
      }
      return {
        id: info.id,
        displayName: info.display_name,
        lifecycle: info.lifecycle,
        retiresAt: info.retires_at,
        maxInputTokens: info.max_input_tokens,
        maxOutputTokens: info.max_tokens,
        effortLevels: levels,
        adaptiveThinking: caps?.thinking.types.adaptive.supported ?? false,
        budgetThinking: caps?.thinking.types.enabled.supported ?? false,
      };
    });
    // A failed lookup must not be cached forever.
    pending.catch(() => cache.delete(model));
    cache.set(model, pending);
  }
  return pending;
}

/** Clamp a requested max_tokens to what the model accepts, instead of getting a 400. */
export async function safeMaxTokens(
  client: Anthropic,
  model: string,
  requested: number,
): Promise<number> {
  const { maxOutputTokens } = await getModelLimits(client, model);
  return maxOutputTokens === null ? requested : Math.min(requested, maxOutputTokens);
}

/** Print the limits of every model id given on the command line (or a default set). */
export async function printLimits(models: string[]): Promise<void> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  for (const model of models) {
    const l = await getModelLimits(client, model);
    console.log(
      `${l.id} (${l.lifecycle}${l.retiresAt ? `, retires ${l.retiresAt}` : ''}): ` +
        `input ${l.maxInputTokens ?? '?'}, max_tokens ${l.maxOutputTokens ?? '?'}, ` +
        `effort [${l.effortLevels.join(', ') || 'not supported'}], ` +
        `adaptive thinking ${l.adaptiveThinking ? 'yes' : 'no'}`,
    );
  }
}
