/**
 * Which models a 404 may be about: every catalogue model whose retirement date has passed, with the ids it was
 * called by and the current model of its tier that replaces it. Dates and names come from the catalogue (passed in);
 * nothing here is typed by hand. Pure; the pages compute the list at build time and pass it to the islands.
 */
export interface RetiredModel {
  name: string;
  /** ISO day the catalogue gives as its retirement */
  retired: string;
  /** set when the catalogue marks that date as not confirmed (sources differ, or only third parties give it) */
  dateUnconfirmed?: true;
  /** lower-case ids it answered to (API id, aliases, cloud ids) */
  ids: string[];
  replacement?: { name: string; apiId: string };
}

interface CatalogueLike {
  id?: string;
  name: string;
  tier: string;
  status: { value: string };
  apiId?: { value: string };
  aliases?: { value: string[] };
  bedrockId?: { value: string };
  vertexId?: { value: string };
  retires?: { value: string; confidence?: string };
}

/** An id the catalogue lists without a full entry (`unpriced`), e.g. a model retired before the catalogue began. */
interface UnpricedLike {
  name: string;
  apiId: string;
  aliases?: string[];
  retires?: { value: string; confidence?: string };
  replacedBy?: string;
}

export function retiredModels(models: readonly CatalogueLike[], today: string, unpriced: readonly UnpricedLike[] = []): RetiredModel[] {
  const listed = unpriced.flatMap((u): RetiredModel[] => {
    const retired = u.retires?.value;
    if (!retired || retired > today) return [];
    const next = models.find((m) => m.id === u.replacedBy);
    const ids = [u.apiId, ...(u.aliases ?? [])].map((x) => x.toLowerCase());
    const unconfirmed = u.retires?.confidence !== undefined && u.retires.confidence !== 'confirmed';
    return [{ name: u.name, retired, ...(unconfirmed ? { dateUnconfirmed: true as const } : {}), ids, ...(next?.apiId ? { replacement: { name: next.name, apiId: next.apiId.value } } : {}) }];
  });
  return [...listed, ...fromModels(models, today)];
}

function fromModels(models: readonly CatalogueLike[], today: string): RetiredModel[] {
  return models.flatMap((m) => {
    const retired = m.retires?.value;
    if (!retired || retired > today) return [];
    const next = models.find((r) => r.tier === m.tier && r.status.value === 'current' && r.apiId);
    const ids = [m.apiId?.value, ...(m.aliases?.value ?? []), m.bedrockId?.value, m.vertexId?.value]
      .filter((x): x is string => !!x)
      .map((x) => x.toLowerCase());
    const unconfirmed = m.retires?.confidence !== undefined && m.retires.confidence !== 'confirmed';
    return [{ name: m.name, retired, ...(unconfirmed ? { dateUnconfirmed: true as const } : {}), ids, ...(next?.apiId ? { replacement: { name: next.name, apiId: next.apiId.value } } : {}) }];
  });
}

/** The retired model a pasted id names (region prefixes, `[1m]` and a trailing `-v1:0` do not matter). */
export function findRetired(list: readonly RetiredModel[], pastedId: string): RetiredModel | undefined {
  const id = pastedId.toLowerCase().replace(/^(?:us|eu|apac|jp|au|global)\./, '').replace(/\[1m\]$/, '');
  return list.find((m) => m.ids.some((x) => x === id || x.replace(/^anthropic\./, '') === id.replace(/^anthropic\./, '')));
}
