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
