/**
 * Model names as usage files write them → catalogue models, through the catalogue index (never a table of our own), so
 * a model added to content/catalogue.ts is recognised here with no change. Accepts catalogue keys, API ids, aliases and
 * dated snapshots (`claude-haiku-4-5-20251001`), display names (`Claude Haiku 4.5`, the Console cost CSV),
 * and cloud ids (`anthropic.claude-…-v1:0`, `us.anthropic.…`, `claude-…@20250929`).
 */
import type { CatalogueModel } from '../../schemas/catalogue.ts';
import type { ModelIndex } from '../catalogue-index.ts';

export type ModelResolver = (name: string) => CatalogueModel | undefined;

export function createResolver(index: ModelIndex): ModelResolver {
  const byName = new Map<string, CatalogueModel>();
  for (const m of index.models) {
    const n = m.name.trim().toLowerCase();
    byName.set(n, m);
    byName.set(n.replace(/^claude\s+/, ''), m);
  }
  const cache = new Map<string, CatalogueModel | undefined>();
  return (raw: string) => {
    if (cache.has(raw)) return cache.get(raw);
    const candidates = (() => {
      const s = raw.trim();
      const lower = s.toLowerCase();
      const cloud = lower
        .replace(/^(us|eu|apac|global|jp|au)\./, '')
        .replace(/^anthropic\./, '')
        .replace(/-v\d+(:\d+)?$/, '')
        .replace(/@\d{8}$/, '');
      const undated = cloud.replace(/-\d{8}$/, '');
      return [s, cloud, undated];
    })();
    let found: CatalogueModel | undefined;
    for (const c of candidates) {
      found = index.find(c) ?? byName.get(c.toLowerCase().replace(/\s+/g, ' '));
      if (found) break;
    }
    cache.set(raw, found);
    return found;
  };
}
