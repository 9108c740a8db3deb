import Anthropic from '@anthropic-ai/sdk';

/** Per-task model settings as they live in your config. */
export interface TaskConfig {
  task: string;
  model: string;
  maxTokens: number;
}

/**
 * Run at startup or in CI: fail fast when a configured max_tokens is above the
 * model's output cap, instead of discovering it as a 400 in production.
 * A window size is not an output size; this catches the classic mistake of
 * setting max_tokens to the context window.
 */
export async function checkOutputLimits(configs: readonly TaskConfig[]): Promise<string[]> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const problems: string[] = [];
  const seen = new Map<string, Anthropic.ModelInfo>();
  for (const cfg of configs) {
    let info = seen.get(cfg.model);
    if (info === undefined) {
      info = await client.models.retrieve(cfg.model);
      seen.set(cfg.model, info);
    }
    if (info.max_tokens !== null && cfg.maxTokens > info.max_tokens) {
      problems.push(
        `${cfg.task}: max_tokens ${cfg.maxTokens} > ${info.max_tokens}, the output cap of ${info.id}`,
      );
    }
    if (info.max_input_tokens !== null && cfg.maxTokens >= info.max_input_tokens) {
      problems.push(`${cfg.task}: max_tokens leaves no room for a prompt in ${info.id}`);
    }
  }
  return problems;
}
