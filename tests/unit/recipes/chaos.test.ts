// Property-based chaos tests (fast-check): random schedules of faults and latencies, invariants that must hold in
// every run. The seed is printed; replay a failure with CHAOS_SEED=<seed> npx vitest run tests/unit/recipes/chaos.test.ts.
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BreakerRegistry, CircuitBreaker, CircuitOpenError } from '../../../content/recipes/circuit-breaker.ts';
import { answerOrDegrade } from '../../../content/recipes/degrade.ts';
import { hedge } from '../../../content/recipes/hedge.ts';
import { RetryBudget, isSpendCap, withRetry } from '../../../content/recipes/retry.ts';
import { resilientCreate, type Route } from '../../../content/snippets/fallbacks/resilient-call.ts';
import { classifyThrottle } from '../../../content/snippets/rate-limits/classify-429.ts';
import { reply, startFaultServer, type FaultServer, type Reply } from '../../support/fault-server.ts';

const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 2 ** 31);
const runs = { breaker: 200, retry: 300, hedge: 12, degrade: 25, resilient: 40 };
console.log(`chaos: seed ${seed}, runs ${JSON.stringify(runs)}`);

// ---- errors as the SDK builds them from a response ----
const body = (type: string, code?: string) => ({ type: 'error', error: { type, message: 'x', ...(code ? { details: { error_code: code } } : {}) } });
const h = (init: Record<string, string> = {}) => new Headers(init);
const faults = {
  spendCap: () => APIError.generate(429, body('rate_limit_error', 'enforced_spend_limit_reached'), 'cap', h()),
  contractCap: () => APIError.generate(429, body('rate_limit_error', 'contract_spend_limit_reached'), 'cap', h()),
  ramp: () => APIError.generate(429, body('rate_limit_error', 'ramp_limit_exceeded'), 'ramp', h({ 'retry-after': '1' })),
  rateLimit: () => APIError.generate(429, body('rate_limit_error'), 'rl', h({ 'retry-after': '2' })),
  bedrock: () => APIError.generate(429, { message: 'Too many tokens, please wait before trying again.' }, 'throttle', h({ 'x-amzn-errortype': 'ThrottlingException' })),
  vertex: () => APIError.generate(429, { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded' } }, 'quota', h()),
  overloaded: () => APIError.generate(529, body('overloaded_error'), 'overloaded', h()),
  storage: () => APIError.generate(503, body('api_error', 'storage_not_ready'), 'storage', h()),
  badRequest: () => APIError.generate(400, body('invalid_request_error'), 'bad', h()),
  connection: () => new Anthropic.APIConnectionError({ message: 'reset' }),
};
type FaultName = keyof typeof faults;
const faultName = fc.constantFrom(...(Object.keys(faults) as FaultName[]));
const spendCaps: ReadonlySet<FaultName> = new Set(['spendCap', 'contractCap']);
const throttles: ReadonlySet<FaultName> = new Set(['ramp', 'rateLimit', 'bedrock', 'vertex']);

describe('chaos: classification and the retry recipe', () => {
  it('never retries a spend cap, never calls a throttle a spend cap, never exceeds the retry budget', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.option(faultName, { nil: undefined }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 5 }), async (calls, cap) => {
        const budget = new RetryBudget(0.1, cap);
        let retries = 0;
        let earned = 0;
        for (const script of calls) {
          let attempt = 0;
          earned += 0.1;
          const seen: FaultName[] = [];
          await withRetry(
            async () => {
              const name = script[attempt++];
              if (name === undefined) return 'ok';
              seen.push(name);
              // A spend cap must be the last attempt: nothing may be tried after it.
              if (seen.length > 1) expect(spendCaps.has(seen[seen.length - 2]!)).toBe(false);
              throw faults[name]();
            },
            { budget, maxAttempts: 10, sleep: async () => {}, onRetry: () => void retries++ },
          ).catch(() => {});
        }
        expect(retries).toBeLessThanOrEqual(cap + earned);
      }),
      { seed, numRuns: runs.retry },
    );
    for (const name of Object.keys(faults) as FaultName[]) {
      const err = faults[name]();
      expect(isSpendCap(err), name).toBe(spendCaps.has(name));
      if (throttles.has(name)) expect(classifyThrottle(err).kind, name).not.toBe('spend-cap');
    }
  }, 60_000);
});

describe('chaos: circuit breaker', () => {
  it('goes from open to closed only through a successful half-open probe, with at most one probe in flight', async () => {
    const step = fc.record({ ok: fc.boolean(), advanceMs: fc.integer({ min: 0, max: 20_000 }) });
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(step, { minLength: 1, maxLength: 40 }), async (s, steps) => {
        let now = 0;
        const breaker = new CircuitBreaker('k', { failureThreshold: 3, windowMs: 10_000, cooldownMs: 15_000, now: () => now });
        let probesInFlight = 0;
        let probeSucceededSinceOpen = false;
        let last = breaker.state;
        const observe = () => {
          const state = breaker.state;
          if (last !== 'closed' && state === 'closed') expect(probeSucceededSinceOpen).toBe(true);
          if (state === 'open' && last !== 'open') probeSucceededSinceOpen = false;
          last = state;
        };
        const pending: Promise<unknown>[] = [];
        for (const { ok, advanceMs } of steps) {
          now += advanceMs;
          const before = breaker.state;
          let isProbe = false;
          const p = breaker.call(() => {
            isProbe = before !== 'closed'; // admitted while open/half-open: this call is the probe
            if (isProbe) probesInFlight++;
            expect(probesInFlight).toBeLessThanOrEqual(1);
            return s.schedule(Promise.resolve(ok), `call ok=${ok}`).then((good) => {
              if (isProbe) {
                probesInFlight--;
                if (good) probeSucceededSinceOpen = true;
              }
              if (!good) throw faults.overloaded();
              return 'ok';
            });
          });
          pending.push(p.catch((e: unknown) => expect(e instanceof CircuitOpenError || e instanceof APIError).toBe(true)).finally(observe));
          observe();
          // Interleave: some calls finish before the next starts. Only when a task is scheduled: waitNext waits for one to
          // be scheduled, and a breaker that fails fast schedules none, so waiting then would hang the run.
          if (advanceMs % 3 === 0 && s.count() > 0) await s.waitNext(1);
        }
        await s.waitIdle();
        await Promise.all(pending);
        observe();
      }),
      { seed, numRuns: runs.breaker },
    );
  }, 60_000);
});

describe('chaos: against the fault server', () => {
  let server: FaultServer;
  let client: Anthropic;
  beforeAll(async () => {
    server = await startFaultServer();
    client = new Anthropic({ apiKey: 'k', baseURL: server.url, maxRetries: 0 });
  });
  afterAll(() => server.close());
  const params = { model: 'claude-opus-5-5', max_tokens: 32, messages: [{ role: 'user' as const, content: 'hi' }] };

  const streamReply = fc.oneof(
    fc.integer({ min: 0, max: 250 }).map((ttftMs) => reply.ok('text answer', { ttftMs })),
    fc.integer({ min: 0, max: 250 }).map((ttftMs) => reply.toolUseOnly({ ttftMs })),
    fc.integer({ min: 0, max: 250 }).map((thinkMs) => reply.thinkingFirst('answer', { thinkMs })),
    fc.constant(reply.overloaded()),
    fc.constant(reply.streamError()),
    fc.constant(reply.refusal()),
  );

  it('a hedge always settles before its deadline and the losing request is cancelled', async () => {
    await fc.assert(
      fc.asyncProperty(streamReply, streamReply, async (first, second) => {
        const from = server.messageRequests().length;
        server.enqueue(first, second);
        const started = Date.now();
        const result: Awaited<ReturnType<typeof hedge>> | Error = await hedge(client, params, { hedgeAfterMs: 80, deadlineMs: 500 }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
        const returnedAt = Date.now();
        expect(returnedAt - started).toBeLessThan(500 + 400); // the deadline, plus slack for a loaded CI machine
        const sent = server.messageRequests().slice(from);
        await Promise.all(sent.map((r) => r.done));
        if (!(result instanceof Error) && sent.length === 2) {
          const loser = result.winner === 'primary' ? sent[1]! : sent[0]!;
          // Cancelled, or it had already finished on its own (a near tie): nothing keeps generating after the hedge returns.
          expect(loser.aborted || loser.endedAt! <= returnedAt + 50).toBe(true);
        }
        if (!(result instanceof Error)) expect(result.message.stop_reason).not.toBe('refusal');
        server.reset(); // drop leftovers: an unsent hedge reply must not leak into the next run
      }),
      { seed, numRuns: runs.hedge },
    );
  }, 60_000);

  const anyReply: fc.Arbitrary<Reply> = fc.oneof(
    fc.constant(reply.ok('good answer')),
    fc.constant(reply.truncated()),
    fc.constant(reply.refusal()),
    fc.constant(reply.spendCap()),
    fc.constant(reply.overloaded()),
    fc.constant(reply.bedrockThrottle()),
  );

  it('degrade never caches a truncated or refused reply as the last good answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(anyReply, anyReply), { minLength: 1, maxLength: 4 }), async (rounds) => {
        const cache = new Map<string, string>();
        for (const [full, reduced] of rounds) {
          const queue = [full, reduced];
          server.respond(() => queue.shift());
          const answer = await answerOrDegrade(client, params, { key: 'k', cache, reduced: { max_tokens: 8 }, fallbackText: 'n/a' });
          expect([...cache.values()].every((t) => t === 'good answer')).toBe(true);
          if (!answer.degraded) expect(answer.text).toBe('good answer');
        }
        server.reset();
      }),
      { seed, numRuns: runs.degrade },
    );
  }, 60_000);
});

describe('chaos: resilient call', () => {
  it('starts no request after the deadline, spends no more retries than the budget holds, never returns a refusal', async () => {
    const outcome = fc.record({
      kind: fc.constantFrom('ok', 'refusal', ...(Object.keys(faults) as FaultName[])),
      delayMs: fc.integer({ min: 0, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(outcome, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 20, max: 120 }), async (script, cap, deadlineMs) => {
        const starts: number[] = [];
        let i = 0;
        const fake = {
          messages: {
            create: async () => {
              starts.push(Date.now());
              const o = script[i++ % script.length]!;
              await new Promise((r) => setTimeout(r, o.delayMs));
              if (o.kind === 'ok' || o.kind === 'refusal') {
                return { id: 'm', type: 'message', role: 'assistant', model: 'x', content: o.kind === 'ok' ? [{ type: 'text', text: 'a' }] : [], stop_reason: o.kind === 'ok' ? 'end_turn' : 'refusal', stop_details: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } };
              }
              throw faults[o.kind as FaultName]();
            },
          },
        } as unknown as Anthropic;
        const routes: Route[] = ['a', 'b', 'c'].map((n, k) => ({ name: n, provider: k === 2 ? 'bedrock' : 'anthropic', client: fake, model: `m-${n}` }));
        const budget = new RetryBudget(0.1, cap);
        const begin = Date.now();
        const result = await resilientCreate(routes, { max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] }, { budget, breakers: new BreakerRegistry(), deadlineMs }).catch((e: unknown) => e);
        for (const t of starts) expect(t - begin).toBeLessThanOrEqual(deadlineMs + 5);
        expect(starts.length - 1).toBeLessThanOrEqual(cap + 0.1);
        if (!(result instanceof Error)) expect((result as { message: Anthropic.Message }).message.stop_reason).not.toBe('refusal');
      }),
      { seed, numRuns: runs.resilient },
    );
  }, 60_000);
});
