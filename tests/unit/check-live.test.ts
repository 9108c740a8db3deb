/**
 * `npm run check:live` never has a key in CI; what it must do then is say why in one line and exit 2. These run the
 * real script: without a key, against a server that rejects the key, and against a port where nothing listens.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const script = new URL('../../scripts/check-live.ts', import.meta.url).pathname;

function run(env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean: Record<string, string | undefined> = { ...process.env, ANTHROPIC_API_KEY: undefined, ANTHROPIC_BASE_URL: undefined, ANTHROPIC_AUTH_TOKEN: undefined, ...env };
  for (const k of Object.keys(clean)) if (clean[k] === undefined) delete clean[k];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', script], { env: clean as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: Server;
let base = '';
beforeAll(async () => {
  // Answers as the API does for a bad key.
  server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_test' });
    res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('npm run check:live when it cannot check', () => {
  test('no key: one line, exit 2', async () => {
    const r = await run({});
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/ANTHROPIC_API_KEY is not set/);
  }, 30_000);

  test('a rejected key: one line, exit 2', async () => {
    const r = await run({ ANTHROPIC_API_KEY: 'sk-ant-not-a-key', ANTHROPIC_BASE_URL: base });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/rejected ANTHROPIC_API_KEY \(HTTP 401\)/);
  }, 30_000);

  test('no network: one line, exit 2', async () => {
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
    const r = await run({ ANTHROPIC_API_KEY: 'sk-ant-not-a-key', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no network: could not reach http:\/\/127\.0\.0\.1:9/);
  }, 60_000);
});
