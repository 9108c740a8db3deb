/**
 * `npm run check:live`: lists GET /v1/models (every page) with ANTHROPIC_API_KEY and compares each model's lifecycle,
 * retirement date, limits and capabilities with the catalogue. Prints a table of differences; exit 0 when there are
 * none, 1 when there are, 2 (with a one-line reason) when it cannot check: no key, a rejected key, or no network.
 * Not part of `npm test`: CI has no key, and the SDK drift test (tests/unit/sdk-drift.test.ts) covers the offline case.
 */
import Anthropic from '@anthropic-ai/sdk';
import { checkLiveModels, type LiveModel } from '../src/lib/catalogue-drift.ts';
import { findModel } from '../src/lib/catalogue.ts';

function cannotCheck(reason: string): never {
  console.error(`check:live: ${reason}`);
  process.exit(2);
}

/** Why a request failed, in one line, or undefined when it is not one of the "cannot check" cases. */
export function reasonFor(err: unknown): string | undefined {
  if (err instanceof Anthropic.AuthenticationError || err instanceof Anthropic.PermissionDeniedError) {
    return `the API rejected ANTHROPIC_API_KEY (HTTP ${err.status}); check the key and its workspace.`;
  }
  if (err instanceof Anthropic.APIConnectionError) {
    return `no network: could not reach ${process.env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com'} (${err.message}).`;
  }
  return undefined;
}

async function main(): Promise<void> {
  const apiKey = process.env.ANTHROPIC_API_KEY;
  if (!apiKey) cannotCheck('ANTHROPIC_API_KEY is not set, so the live model list cannot be read (nothing was compared).');
  const client = new Anthropic({ apiKey, maxRetries: 1, timeout: 20_000 });
  const live: LiveModel[] = [];
  try {
    for await (const m of client.models.list({ limit: 100 })) live.push(m);
  } catch (err) {
    const reason = reasonFor(err);
    if (reason) cannotCheck(reason);
    throw err;
  }
  const diffs = checkLiveModels(live, findModel);
  if (diffs.length === 0) {
    console.log(`check:live: ${live.length} models listed; the catalogue agrees on lifecycle, retirement, limits and capabilities.`);
    return;
  }
  console.table(diffs);
  console.error(`check:live: ${diffs.length} difference(s) between GET /v1/models and content/catalogue.ts.`);
  process.exitCode = 1;
}

await main();
