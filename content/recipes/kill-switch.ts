// Kill switch and version pinning: the model behind each task lives in config read at call time.
//
// Flipping a task to another model (the current one regressed, is overloaded, or
// was retired and now returns 404 `not_found_error`) or switching a feature off is
// an edit to that config, picked up within `ttlMs` by every running instance,
// without a build or a deploy.
import type Anthropic from '@anthropic-ai/sdk';
import { readFile } from 'node:fs/promises';
import { findModel } from '../../src/lib/catalogue.ts'; // this guide's model catalogue: ids, aliases, status

export interface TaskSwitch {
  model: string;
  /** false switches the feature off: calls are refused without reaching the API. */
  enabled?: boolean;
}
export type SwitchConfig = Record<string, TaskSwitch>;

/** Config from a JSON file; a flag service or a database row works the same way. */
export const fromJsonFile =
  (path: string) =>
  async (): Promise<SwitchConfig> =>
    JSON.parse(await readFile(path, 'utf8')) as SwitchConfig;

/**
 * Version pinning. A pinned id names one snapshot: a dated id such as
 * claude-haiku-4-5-20251001, or, for models whose API id has no date (Opus 4.7),
 * that dateless id. An alias such as claude-haiku-4-5 can be moved to a newer
 * snapshot, changing behaviour under you; pin in production.
 */
export function pinnedId(id: string): string {
  const model = findModel(id);
  if (!model?.apiId) throw new Error(`unknown model id "${id}"`);
  return model.apiId.value;
}

/** Reject a config that would fail at request time: unknown, unpinned or retired ids. */
export function checkConfig(config: SwitchConfig): void {
  for (const [task, { model }] of Object.entries(config)) {
    const entry = findModel(model);
    if (!entry?.apiId) throw new Error(`${task}: unknown model id "${model}"`);
    if (entry.apiId.value !== model) throw new Error(`${task}: "${model}" is an alias; pin "${entry.apiId.value}"`);
    if (entry.status.value === 'retired-api') throw new Error(`${task}: ${entry.name} is retired on the Claude API`);
  }
}

export class TaskDisabledError extends Error {
  constructor(readonly task: string) {
    super(`"${task}" is switched off`);
  }
}

export class ModelSwitch {
  #config: SwitchConfig | undefined;
  #loadedAt = -Infinity;

  constructor(
    private readonly load: () => Promise<SwitchConfig>,
    private readonly opts: { ttlMs?: number; now?: () => number; onBadConfig?: (error: unknown) => void } = {},
  ) {}

  async config(): Promise<SwitchConfig> {
    const now = (this.opts.now ?? Date.now)();
    if (!this.#config || now - this.#loadedAt >= (this.opts.ttlMs ?? 30_000)) {
      try {
        const next = await this.load();
        checkConfig(next);
        this.#config = next;
      } catch (error) {
        // A bad edit must not take the service down: keep the last good config and shout.
        if (!this.#config) throw error;
        this.opts.onBadConfig?.(error);
      }
      this.#loadedAt = now;
    }
    return this.#config;
  }

  async create(client: Anthropic, task: string, params: Omit<Anthropic.MessageCreateParamsNonStreaming, 'model'>): Promise<Anthropic.Message> {
    const setting = (await this.config())[task];
    if (!setting) throw new Error(`no model configured for "${task}"`);
    if (setting.enabled === false) throw new TaskDisabledError(task);
    return client.messages.create({ ...params, model: setting.model });
  }
}
