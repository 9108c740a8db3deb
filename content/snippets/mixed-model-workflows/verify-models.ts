import Anthropic from '@anthropic-ai/sdk';

/** Short names that work in Claude Code or a gateway but are not API model ids. */
const TOOL_ALIASES = new Set(['haiku', 'sonnet', 'opus', 'opusplan', 'best', 'fable', 'default']);

/**
 * Run at startup (and in CI) for every model string in your config, including
 * the ones used by background jobs. Fails on tool-only aliases, dotted version
 * numbers and ids this key cannot use, and returns what each name resolves to.
 */
export async function verifyConfiguredModels(configured: Record<string, string>): Promise<Record<string, string>> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const resolved: Record<string, string> = {};
  const errors: string[] = [];
  for (const [use, model] of Object.entries(configured)) {
    if (TOOL_ALIASES.has(model) || model.endsWith('[1m]')) {
      errors.push(`${use}: "${model}" is a Claude Code alias, not an API model id`);
      continue;
    }
    if (/\d\.\d/.test(model)) {
      errors.push(`${use}: "${model}" uses a dot; API ids use dashes (claude-sonnet-5-5)`);
      continue;
    }
    try {
      const info = await client.models.retrieve(model);
      resolved[use] = info.id;
      if (info.lifecycle === 'retired') errors.push(`${use}: ${info.id} is retired`);
      else if (info.lifecycle === 'deprecated') {
        console.warn(`${use}: ${info.id} is deprecated${info.retires_at ? `, retires ${info.retires_at}` : ''}`);
      }
    } catch (err) {
      if (err instanceof Anthropic.NotFoundError) errors.push(`${use}: model "${model}" not found for this key`);
      else throw err;
    }
  }
  if (errors.length > 0) throw new Error(`Model config problems:\n${errors.join('\n')}`);
  return resolved;
}

/** Log which model actually answered, next to the one you meant; alert on a mismatch. */
export function recordModel(use: string, expected: string, message: Anthropic.Message): void {
  const served = message.model;
  const line = { use, expected, served, input: message.usage.input_tokens, output: message.usage.output_tokens };
  if (!served.startsWith(expected)) console.warn('model mismatch', line);
  else console.info('model used', line);
}
