import Anthropic from '@anthropic-ai/sdk';

/**
 * CI job (run daily): for every model id in your config, ask the Models API for
 * its lifecycle and scheduled retirement, and fail well before the date.
 * Also flags aliases, which can move to a new snapshot under you.
 */
export async function checkLifecycle(configured: readonly string[], warnDays = 60, now = new Date()): Promise<string[]> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const findings: string[] = [];
  for (const id of configured) {
    let info: Anthropic.ModelInfo;
    try {
      info = await client.models.retrieve(id);
    } catch (err) {
      if (err instanceof Anthropic.NotFoundError) {
        findings.push(`${id}: not found (retired, misspelled, or not enabled for this key)`);
        continue;
      }
      throw err;
    }
    if (info.id !== id) findings.push(`${id}: alias for ${info.id}; pin ${info.id} in production`);
    if (info.lifecycle === 'retired') findings.push(`${id}: retired; requests fail`);
    if (info.retires_at !== null) {
      const days = Math.floor((Date.parse(info.retires_at) - now.getTime()) / 86_400_000);
      if (days <= warnDays) findings.push(`${id}: ${info.lifecycle}, retires ${info.retires_at.slice(0, 10)} (${days} days)`);
    }
  }
  return findings;
}
