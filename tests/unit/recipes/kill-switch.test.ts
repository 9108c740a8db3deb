import Anthropic from '@anthropic-ai/sdk';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelSwitch, TaskDisabledError, checkConfig, fromJsonFile, pinnedId, type SwitchConfig } from '../../../content/recipes/kill-switch.ts';
import { getModel } from '../../../src/lib/catalogue.ts';
import { reply, startFaultServer, type FaultServer } from '../../support/fault-server.ts';

let server: FaultServer;
let client: Anthropic;
let dir: string;
let file: string;
let now = 0;
const params = { max_tokens: 64, messages: [{ role: 'user' as const, content: 'hi' }] };
const writeConfig = (config: SwitchConfig) => writeFile(file, JSON.stringify(config));
const haikuDated = getModel('haiku-4-5').apiId!.value;

beforeEach(async () => {
  server = await startFaultServer();
  client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  dir = await mkdtemp(join(tmpdir(), 'kill-switch-'));
  file = join(dir, 'models.json');
  now = 0;
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('kill switch recipe', () => {
  it('flips a task to another model by editing config, in the same running process', async () => {
    await writeConfig({ summarize: { model: 'claude-sonnet-4-6' } });
    const models = new ModelSwitch(fromJsonFile(file), { ttlMs: 30_000, now: () => now });
    await models.create(client, 'summarize', params);

    await writeConfig({ summarize: { model: 'claude-opus-4-7' } });
    now += 29_000;
    await models.create(client, 'summarize', params); // still cached
    now += 1_000;
    await models.create(client, 'summarize', params); // picked up
    expect(server.messageRequests().map((r) => r.model)).toEqual(['claude-sonnet-4-6', 'claude-sonnet-4-6', 'claude-opus-4-7']);
  });

  it('switches a feature off without calling the API', async () => {
    await writeConfig({ summarize: { model: 'claude-sonnet-4-6', enabled: false } });
    const models = new ModelSwitch(fromJsonFile(file));
    await expect(models.create(client, 'summarize', params)).rejects.toBeInstanceOf(TaskDisabledError);
    expect(server.messageRequests()).toHaveLength(0);
  });

  it('moves a task off a model that started returning 404, without a deploy', async () => {
    // A model the catalogue still lists that the API has started to refuse (Sonnet 4.5 is now retired in the catalogue
    // itself, so checkConfig rejects it before any request).
    server.respond((req) => (req.model === haikuDated ? reply.notFound(haikuDated) : undefined));
    await writeConfig({ summarize: { model: haikuDated } });
    const models = new ModelSwitch(fromJsonFile(file), { ttlMs: 0 });
    await expect(models.create(client, 'summarize', params)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await writeConfig({ summarize: { model: 'claude-sonnet-4-6' } });
    const msg = await models.create(client, 'summarize', params);
    expect(msg.model).toBe('claude-sonnet-4-6');
  });

  it('pins: dated ids and dateless snapshot ids pass, aliases and retired ids do not', () => {
    expect(pinnedId('claude-haiku-4-5')).toBe(haikuDated);
    expect(pinnedId('claude-opus-4-7')).toBe('claude-opus-4-7');
    expect(() => checkConfig({ a: { model: haikuDated }, b: { model: 'claude-opus-4-7' } })).not.toThrow();
    expect(() => checkConfig({ a: { model: 'claude-haiku-4-5' } })).toThrow(`"claude-haiku-4-5" is an alias; pin "${haikuDated}"`);
    expect(() => checkConfig({ a: { model: 'claude-3-5-haiku-20241022' } })).toThrow(/retired on the Claude API/);
    expect(() => checkConfig({ a: { model: 'claude-sonnet-4.6' } })).toThrow(/unknown model id/);
  });

  it('keeps the last good config when a bad edit arrives, and reports it', async () => {
    await writeConfig({ summarize: { model: 'claude-sonnet-4-6' } });
    const bad: unknown[] = [];
    const models = new ModelSwitch(fromJsonFile(file), { ttlMs: 0, onBadConfig: (e) => bad.push(e) });
    await models.create(client, 'summarize', params);
    await writeFile(file, '{"summarize": {"model": "claude-haiku-4-5"}}');
    await models.create(client, 'summarize', params);
    await writeFile(file, '{ not json');
    await models.create(client, 'summarize', params);
    expect(server.messageRequests().map((r) => r.model)).toEqual(['claude-sonnet-4-6', 'claude-sonnet-4-6', 'claude-sonnet-4-6']);
    expect(bad).toHaveLength(2);
  });

  it('refuses to start on a bad first config', async () => {
    await writeConfig({ summarize: { model: 'claude-3-5-haiku-20241022' } });
    await expect(new ModelSwitch(fromJsonFile(file)).create(client, 'summarize', params)).rejects.toThrow(/retired/);
    expect(server.messageRequests()).toHaveLength(0);
  });
});
