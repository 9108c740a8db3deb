/**
 * Status follows dates: a model whose retirement day has passed is retired, whatever its entry last said. The catalogue
 * applies this once, at build time, with the build date (which the footer states), so every table, group and tree that
 * reads `status` agrees. Pure; no imports at runtime.
 */
import type { CatalogueModel, Figure, ModelStatus } from '../schemas/catalogue.ts';

/** The build date, YYYY-MM-DD (UTC). `GUIDE_BUILD_DATE` pins it for reproducible builds and tests. */
export function buildDate(env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env): string {
  const pinned = env.GUIDE_BUILD_DATE;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}

/** True when `retires` (YYYY-MM-DD) is on or before `day`: the model is gone from the Claude API that day. */
export function hasPassed(retires: string | undefined, day: string): boolean {
  return retires !== undefined && retires <= day;
}

/** The status a model has on `day`: its declared status, or `retired-api` once its retirement day has passed. */
export function statusOn(
  status: Figure<ModelStatus>,
  retires: Figure<string> | undefined,
  day: string,
): Figure<ModelStatus> {
  if (status.value === 'retired-api' || !hasPassed(retires?.value, day)) return status;
  const note = `retired on ${retires!.value}: its retirement date has passed (status as of ${day})`;
  return { ...status, value: 'retired-api', note: status.note ? `${note}; ${status.note}` : note };
}

/** Every model with its status on `day`. */
export function withStatusOn<M extends Pick<CatalogueModel, 'status' | 'retires'>>(models: readonly M[], day: string): M[] {
  return models.map((m) => {
    const status = statusOn(m.status, m.retires, day);
    return status === m.status ? m : { ...m, status };
  });
}

/** Whole days from `from` to `to` (YYYY-MM-DD, UTC); negative when `to` is earlier. */
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * One line for a model's lifecycle on `day`, e.g. "Deprecated: retires 2027-01-22 (50 days left)". A passed date is
 * always said in the past tense: the status is computed from it first, so "deprecated and retires on" a past date
 * cannot be produced.
 */
export function lifecycleLine(m: Pick<CatalogueModel, 'status' | 'retires' | 'eolNotBefore'>, day: string): string {
  const status = statusOn(m.status, m.retires, day).value;
  const retires = m.retires?.value;
  switch (status) {
    case 'current':
      return 'Current';
    case 'legacy':
      return m.eolNotBefore ? `Legacy: available until at least ${m.eolNotBefore.value}` : 'Legacy: still available';
    case 'deprecated': {
      if (!retires) return 'Deprecated: retirement date not announced';
      const left = days(day, retires);
      return `Deprecated: retires ${retires} (${left} ${left === 1 ? 'day' : 'days'} left)`;
    }
    case 'retired-api':
      return retires ? `Retired on the Claude API on ${retires}` : 'Retired on the Claude API';
  }
}
