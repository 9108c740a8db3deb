/**
 * Whether an error-reference entry applies only to models that are no longer current (a "legacy" page), from the
 * entry's `onlyModels` list and each model's status in the catalogue. Pure: the lookup is passed in.
 */
export interface ModelStatusLookup {
  (id: string): { id: string; name: string; status: { value: string } } | undefined;
}

export interface LegacyMark {
  /** True when none of the models the error applies to is current. */
  legacy: boolean;
  models: { id: string; name: string; status: string }[];
  /** Ids the catalogue does not know (the build fails on these). */
  unknown: string[];
}

export function legacyMark(onlyModels: readonly string[] | undefined, find: ModelStatusLookup): LegacyMark | null {
  if (!onlyModels?.length) return null;
  const models: LegacyMark['models'] = [];
  const unknown: string[] = [];
  for (const id of onlyModels) {
    const m = find(id);
    if (m) models.push({ id: m.id, name: m.name, status: m.status.value });
    else unknown.push(id);
  }
  return { legacy: models.length > 0 && models.every((m) => m.status !== 'current'), models, unknown };
}

const STATUS_WORD: Record<string, string> = {
  current: 'current',
  legacy: 'legacy',
  deprecated: 'deprecated',
  'retired-api': 'retired on the Claude API',
  retired: 'retired',
};

/** "Claude Sonnet 4.5 (deprecated), Claude Opus 4.6 (legacy)". */
export function modelList(mark: LegacyMark): string {
  return mark.models.map((m) => `${m.name} (${STATUS_WORD[m.status] ?? m.status})`).join(', ');
}
