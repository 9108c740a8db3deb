// The Python twins of the recipes, executed with the real `anthropic` SDK against the same fault server,
// over the same scenario table (scenarios.json) as the TypeScript tests, plus the Python-specific findings.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePythonVenv, repoRoot } from '../../support/python-venv.ts';
import { reply, startFaultServer, type FaultServer, type Reply } from '../../support/fault-server.ts';
import { build, costRows, scenarios, scenariosPath } from './scenarios.ts';

const extra: Record<string, Reply[]> = {
  'hedge/tool_use only': [reply.toolUseOnly()],
  'hedge/thinking first': [reply.thinkingFirst('answer', { thinkMs: 1_500 })],
  'hedge/refusal': [reply.refusal()],
  'resilient/refusal moves to the next route': [reply.refusal({ creditToken: 'tok_r' })],
  'resilient/Vertex throttle keeps the provider': [reply.vertexResourceExhausted()],
  'resilient/every route refuses': [reply.refusal(), reply.refusal()],
  'cross-cloud/throttle then refusal': [reply.bedrockThrottle(), reply.refusal()],
  'us-inference/fails closed': [reply.ok('here'), { ...reply.ok('elsewhere'), kind: 'message', inferenceGeo: 'global' } as Reply],
};
const checks = [
  ...scenarios.classification.map((r) => `classification/${r.name}`),
  ...scenarios.cascade.map((r) => `cascade/${r.name}`),
  ...scenarios.degrade.map((r) => `degrade/${r.name}`),
  'breaker/straggler cannot close an open breaker; one probe at a time',
  ...costRows.map((r) => `cost/${r.name}`),
  'batch/split under the limits and retry the transient 404',
  'us-inference/fails closed',
  'cross-cloud/a missing id fails at startup',
  'cross-cloud/a 409 stops, as in the TypeScript',
  ...Object.keys(extra),
];

let server: FaultServer;
const results = new Map<string, { ok: boolean; detail: string }>();

beforeAll(async () => {
  const python = ensurePythonVenv();
  server = await startFaultServer();
  const queues = new Map<string, Reply[]>(Object.entries(extra).map(([k, v]) => [k, [...v]]));
  for (const r of scenarios.classification) queues.set(`classification/${r.name}`, []);
  for (const r of scenarios.cascade) queues.set(`cascade/${r.name}`, r.replies.map(build));
  for (const r of scenarios.degrade) queues.set(`degrade/${r.name}`, r.replies.map(build));
  const byName = new Map(scenarios.classification.map((r) => [`classification/${r.name}`, r]));
  server.respond((req) => {
    const key = String(req.headers['x-scenario'] ?? '');
    const row = byName.get(key);
    if (row) return build(row.reply); // every call of a classification row gets its fault
    return queues.get(key)?.shift();
  });
  // The cost rows carry the catalogue's prices and the pricing engine's figure, so both languages price the same way.
  mkdirSync(join(repoRoot, 'tmp'), { recursive: true });
  const costPath = join(repoRoot, 'tmp', 'cost-rows.json');
  writeFileSync(costPath, JSON.stringify(costRows));
  const script = fileURLToPath(new URL('../../support/python/run_scenarios.py', import.meta.url));
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(python, [script, server.url, fileURLToPath(scenariosPath), repoRoot, costPath], { timeout: 60_000 }, (err, out, errOut) =>
      err ? reject(new Error(`${String(err)}\n${errOut}`)) : resolve(out),
    );
  });
  for (const line of stdout.split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { id: string; ok: boolean; detail: string };
    results.set(r.id, r);
  }
}, 300_000);
afterAll(() => server?.close());

describe('Python twins over the shared scenarios (real anthropic SDK)', () => {
  it.each(checks)('%s', (id) => {
    const r = results.get(id);
    expect(r, `${id} did not report`).toBeDefined();
    expect(r?.detail).toBe('');
    expect(r?.ok).toBe(true);
  });

  it('sends the fallback-credit beta on cascade requests and echoes the refusal token on the retry', () => {
    const sent = server.messageRequests().filter((r) => r.headers['x-scenario'] === 'cascade/refusal then answer, with the credit token');
    expect(sent).toHaveLength(2);
    expect(sent.every((r) => String(r.headers['anthropic-beta']).includes('fallback-credit-2026-07-01'))).toBe(true);
    expect(sent[1]?.body['fallback_credit_token']).toEqual({ token: 'tok_1', mode: 'best_effort' });
  });

  it('the Python resilient call echoes the refusal credit on the next route', () => {
    const sent = server.messageRequests().filter((r) => r.headers['x-scenario'] === 'resilient/refusal moves to the next route');
    expect(sent.map((r) => r.model)).toEqual(['claude-opus-5-5', 'claude-sonnet-5-5']);
    expect(sent[1]?.body['fallback_credit_token']).toEqual({ token: 'tok_r', mode: 'best_effort' });
  });

  it('the Python cross-cloud fallback moves past a throttle and sends Bedrock an inference-profile id', () => {
    const sent = server.messageRequests().filter((r) => r.headers['x-scenario'] === 'cross-cloud/throttle then refusal');
    expect(sent.map((r) => [r.prefix, r.model])).toEqual([
      ['', 'claude-sonnet-5-5'],
      ['/bedrock', 'us.anthropic.claude-sonnet-5-5'],
    ]);
  });

  it('cancels nothing it should keep: a tool_use-only reply is answered by one request', () => {
    expect(server.messageRequests().filter((r) => r.headers['x-scenario'] === 'hedge/tool_use only')).toHaveLength(1);
    expect(server.messageRequests().filter((r) => r.headers['x-scenario'] === 'hedge/thinking first')).toHaveLength(1);
  });
});
