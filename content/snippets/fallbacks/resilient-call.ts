// One logical request over an ordered list of routes (model × provider), with
// a deadline, a circuit breaker per route and ONE retry budget for retries and
// fallbacks together. Clients must be built with `maxRetries: 0`: this loop is
// the only place that retries, so an outage cannot multiply your traffic.
import type Anthropic from '@anthropic-ai/sdk';
import { BreakerRegistry, CircuitOpenError } from '../../recipes/circuit-breaker.ts';
import { FALLBACK_CREDIT_BETA, RefusalError, isRefusal, withFallbackCredit } from '../../recipes/refusal.ts';
import { RetryBudget } from '../../recipes/retry.ts';
import { decide } from './fallback-policy.ts';

type Params = Anthropic.MessageCreateParamsNonStreaming;

export interface Route {
  /** For logs and metrics, e.g. "anthropic/opus-4-7". */
  name: string;
  provider: 'anthropic' | 'bedrock' | 'vertex';
  client: Anthropic;
  model: string;
  /** What must change on this route (a lower max_tokens, no effort…). */
  overrides?: Partial<Omit<Params, 'model' | 'messages'>>;
}

export interface Attempt {
  route: string;
  error: unknown;
}

export class AllRoutesFailedError extends Error {
  constructor(
    readonly attempts: Attempt[],
    why: string,
  ) {
    super(`${why}: ${attempts.map((a) => `${a.route} (${String(a.error)})`).join('; ')}`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function resilientCreate(
  routes: readonly Route[],
  params: Omit<Params, 'model'>,
  { budget, breakers, deadlineMs = 30_000 }: { budget: RetryBudget; breakers: BreakerRegistry; deadlineMs?: number },
): Promise<{ message: Anthropic.Message; route: string; attempts: Attempt[] }> {
  const deadline = Date.now() + deadlineMs;
  const attempts: Attempt[] = [];
  const skippedProviders = new Set<string>();
  let refused: Anthropic.Message | undefined; // the last refusal, whose credit token the next route echoes
  let sent = 0;
  budget.earn(); // every logical request earns a fraction of a retry

  for (const route of routes) {
    if (skippedProviders.has(route.provider)) continue;
    const breaker = breakers.get(route.name);
    for (let attempt = 0; ; attempt++) {
      const remainingMs = deadline - Date.now();
      if (remainingMs <= 0) throw new AllRoutesFailedError(attempts, 'deadline passed');
      // Every request after the first one spends from the shared budget.
      if (sent > 0 && budget.balance < 1) throw new AllRoutesFailedError(attempts, 'retry budget exhausted');
      try {
        const message = await breaker.call(() => {
          if (sent++ > 0) budget.trySpend();
          return route.client.messages.create(withFallbackCredit({ ...params, ...route.overrides, model: route.model }, refused), {
            timeout: remainingMs,
            maxRetries: 0,
            // Fallback credit is a Claude API beta header; Bedrock and Vertex take their own flags.
            headers: route.provider === 'anthropic' ? { 'anthropic-beta': FALLBACK_CREDIT_BETA } : {},
          });
        });
        if (isRefusal(message)) {
          // HTTP 200, but declined: not an answer. The next route (another model) may answer; it echoes the credit.
          refused = message;
          attempts.push({ route: route.name, error: new RefusalError(message, route.model) });
          break;
        }
        return { message, route: route.name, attempts };
      } catch (error) {
        attempts.push({ route: route.name, error });
        if (error instanceof CircuitOpenError) break; // failed fast, nothing was sent: next route
        const action = decide(error, { attempt, remainingMs: deadline - Date.now() });
        if (action.kind === 'stop') throw error;
        if (action.kind === 'retry-same') {
          await sleep(action.afterMs);
          continue;
        }
        if (action.scope === 'provider') skippedProviders.add(route.provider);
        break;
      }
    }
  }
  throw new AllRoutesFailedError(attempts, 'every route failed');
}
