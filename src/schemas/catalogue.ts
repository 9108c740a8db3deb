import { z } from 'astro/zod';

/**
 * Schema of the model catalogue in `content/catalogue.ts`.
 *
 * Every figure is wrapped in a {@link figure}: the value plus the key of its source (see `sources`),
 * the date the source was read, and a confidence mark copied from the team reference
 * (`confirmed` = Anthropic / AWS / Google source; `third-party` = only third parties;
 * `uncertain` = sources conflict, or the figure is inferred from a general rule).
 *
 * `parseCatalogue()` validates the whole file and throws one readable error that names the model
 * (or fact key) and the field, e.g.
 * `content/catalogue.ts: model "opus-4-7", field prices.input.value: expected a number, received string`.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

/** A calendar day `YYYY-MM-DD`. */
export const isoDay = z.string().regex(ISO_DAY, 'use a date in the form YYYY-MM-DD');
/** A day, or a month `YYYY-MM` when the source gives only the month. */
export const isoDayOrMonth = z
  .string()
  .regex(ISO_DAY_OR_MONTH, 'use a date in the form YYYY-MM-DD (or YYYY-MM when only the month is known)');

export const confidenceSchema = z.enum(['confirmed', 'third-party', 'uncertain']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** Wraps a value with its provenance. */
export function figure<T extends z.ZodType>(value: T) {
  return z
    .object({
      /** The figure itself. */
      value,
      /** Key into `sources` (e.g. `S1`, `S2-opus-4-6`). */
      source: z.string().min(1, 'name the source key'),
      /** When the source was read (YYYY-MM-DD, or YYYY-MM when the copy is dated only by month). */
      asOf: isoDayOrMonth,
      /** The mark the team reference gives the figure. */
      confidence: confidenceSchema,
      /** Why a figure is uncertain, or what the other sources say. Shown next to the mark. */
      note: z.string().min(3).optional(),
    })
    .strict();
}

const tokens = z.number().int('token counts are whole numbers').positive('token counts are positive');
const usdPerMTok = z.number().nonnegative('prices cannot be negative').finite();

/**
 * A price figure. An 'uncertain' or 'third-party' price may carry `alt`: the other values its sources give (an older
 * copy, the general multiplier rule), each explained with its source in `note`. Usage re-pricing shows the range from
 * the lowest to the highest of `value` and `alt`. A 'confirmed' price has no alternatives.
 */
export const priceFigureSchema = figure(usdPerMTok)
  .extend({ alt: z.array(usdPerMTok).min(1, 'list at least one other value, or leave alt out').optional() })
  .strict()
  .superRefine((f, ctx) => {
    if (!f.alt) return;
    if (f.confidence === 'confirmed') {
      ctx.addIssue({ code: 'custom', path: ['alt'], message: "a 'confirmed' price has no other values: mark it 'uncertain' or 'third-party', or drop alt" });
    }
    if (!f.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'explain each value in alt, with its source, in note' });
  });

/** The five per-million-token prices of one model (or of one prompt-size tier of a model). */
export const priceSetSchema = z
  .object({
    input: priceFigureSchema,
    output: priceFigureSchema,
    cacheWrite5m: priceFigureSchema,
    cacheWrite1h: priceFigureSchema,
    cacheRead: priceFigureSchema,
  })
  .strict();

export const modelStatusSchema = z.enum(['current', 'legacy', 'deprecated', 'retired-api']);
export type ModelStatus = z.infer<typeof modelStatusSchema>;
export const tierSchema = z.enum(['haiku', 'sonnet', 'opus', 'fable']);
export type ModelTier = z.infer<typeof tierSchema>;
/** `pre-4.7`: the tokenizer of Sonnet 4.6 and earlier. `4.7`: the newer tokenizer of Claude 4.7 and later (~30% more tokens). */
export const tokenizerSchema = z.enum(['pre-4.7', '4.7']);
export type TokenizerGeneration = z.infer<typeof tokenizerSchema>;
/**
 * `adaptive-only`: adaptive thinking only, `budget_tokens` is rejected; `adaptive`: adaptive recommended, `budget_tokens`
 * deprecated but accepted; `extended`: extended thinking with `budget_tokens`; `none`: no thinking mode.
 */
export const thinkingSchema = z.enum(['adaptive-only', 'adaptive', 'extended', 'none']);
export type ThinkingMode = z.infer<typeof thinkingSchema>;
export const effortLevelSchema = z.enum(['low', 'medium', 'high', 'xhigh', 'max']);
export type EffortLevel = z.infer<typeof effortLevelSchema>;
export const latencySchema = z.enum(['Fastest', 'Fast', 'Moderate', 'Slower']);
export const rateLimitPoolSchema = z.enum(['opus-4x', 'sonnet-4x', 'haiku-4-5']);
export type RateLimitPoolId = z.infer<typeof rateLimitPoolSchema>;

export const modelSchema = z
  .object({
    /** Catalogue key, URL-safe, e.g. `opus-4-7`. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'model keys are lower-case kebab-case, e.g. opus-4-7'),
    /** Display name, e.g. `Claude Opus 4.7`. */
    name: z.string().min(3),
    tier: tierSchema,
    status: figure(modelStatusSchema),
    /** Claude API model id. Omitted when no source gives it. */
    apiId: figure(z.string().regex(/^claude-[a-z0-9-]+$/, 'Claude API ids look like claude-opus-4-7')).optional(),
    /** Other ids the Claude API accepts for the same model (alias or dated snapshot). */
    aliases: figure(z.array(z.string().regex(/^claude-[a-z0-9-]+$/))).optional(),
    /**
     * Separately named models with the same specifications and prices (the Mythos twin of a Fable model, offered only to
     * verified organisations). Lookups of their ids resolve to this entry.
     */
    siblings: figure(
      z.array(z.object({ name: z.string().min(3), apiId: z.string().regex(/^claude-[a-z0-9-]+$/) }).strict()).min(1),
    ).optional(),
    /** Catalogue key of the model Anthropic points to instead (deprecated, retired and legacy models). */
    replacedBy: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).optional(),
    bedrockId: figure(z.string().min(3)).optional(),
    /** Bedrock cross-region inference-profile ids (us. / eu. / jp. / global. …), which on-demand calls need. */
    bedrockProfiles: figure(z.array(z.string().regex(/^[a-z]+\.anthropic\.[a-z0-9.:-]+$/)).min(1)).optional(),
    vertexId: figure(z.string().min(3)).optional(),
    released: figure(isoDayOrMonth).optional(),
    /** Deprecated models: scheduled retirement. Retired models: the day they left the Claude API. */
    retires: figure(isoDay).optional(),
    /** Cloud model cards that promise availability until at least this date. */
    eolNotBefore: figure(isoDay).optional(),
    contextWindow: figure(tokens).optional(),
    maxOutput: figure(tokens).optional(),
    /** Base prices, USD per million tokens, Claude API global routing. */
    prices: priceSetSchema,
    /** Higher prices when a request's prompt (input + cache write + cache read) is over `above` tokens. Every category switches. */
    promptTiers: z.array(z.object({ above: z.number().int().positive(), prices: priceSetSchema }).strict()).optional(),
    /** Multiplier the Message Batches API applies to every category (0.5 = 50% off). */
    batchMultiplier: figure(z.number().positive().max(1)).optional(),
    /** Whether `inference_geo: "us"` is accepted (1.1× on every category). */
    usGeo: figure(z.boolean()),
    tokenizer: figure(tokenizerSchema),
    /** Shorter cache prefixes are silently not cached. */
    minCacheablePrompt: figure(tokens).optional(),
    /** Accepted `output_config.effort` values; an empty list means the parameter is rejected. */
    effort: figure(z.array(effortLevelSchema)).optional(),
    defaultEffort: figure(effortLevelSchema).optional(),
    thinking: figure(thinkingSchema).optional(),
    /** Tool-use system prompt tokens added when tools are sent: `tool_choice` auto/none, and any/tool. */
    toolTokensAuto: figure(tokens).optional(),
    toolTokensAny: figure(tokens).optional(),
    latency: figure(latencySchema).optional(),
    /** Pool in the last published (old-scheme) rate-limit tables. */
    rateLimitPool: rateLimitPoolSchema.optional(),
    /** Short remarks shown on /models/. */
    notes: z.array(z.string().min(3)).optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    url: z.url('sources need a full https:// URL'),
    title: z.string().min(3),
    /** When the copy the team read was taken. */
    asOf: isoDayOrMonth,
    confidence: confidenceSchema,
  })
  .strict();

export const unitSchema = z.enum([
  'usd',
  'usd-per-month',
  'usd-per-mtok',
  'usd-per-1000',
  'multiplier',
  'fraction',
  'tokens',
  'count',
  'reads',
  'mb',
  'minutes',
  'hours',
  'days',
  'date',
  'text',
]);
export type FactUnit = z.infer<typeof unitSchema>;

/** A non-model fact: a figure with a unit so `<Fact k="…">` can format it. */
export const factSchema = figure(z.union([z.number().finite(), z.string().min(1)]))
  .extend({ unit: unitSchema })
  .strict();

const limitRow = figure(
  z
    .object({
      rpm: z.number().int().positive(),
      itpm: z.number().int().positive(),
      otpm: z.number().int().positive(),
    })
    .strict(),
);

export const rateLimitsSchema = z
  .object({
    /** Explains which scheme the tables are from and what is not known. */
    note: z.string().min(20),
    tiers: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            name: z.string(),
            deposit: figure(z.number().positive()),
          })
          .strict(),
      )
      .min(1),
    pools: z.record(
      rateLimitPoolSchema,
      z
        .object({
          name: z.string(),
          models: z.array(z.string()),
          limits: z.record(z.string(), limitRow),
        })
        .strict(),
    ),
    /** Opus 4.x figures before the May 2026 raise (history). */
    opusBeforeMay2026: z.record(z.string(), limitRow),
    /** The only new-scheme (Start / Build / Scale) figures found. */
    fableNewScheme: z.record(z.string(), limitRow),
  })
  .strict();

type FactTree = { [key: string]: FactTree | z.infer<typeof factSchema> };
const factTreeSchema: z.ZodType<FactTree> = z.lazy(() =>
  z.record(z.string().regex(/^[a-zA-Z0-9]+$/, 'fact keys are camelCase words'), z.union([factSchema, factTreeSchema])),
);

/**
 * A model id the SDK or the API names that the guide does not price (no public price list): kept so lookups and the
 * drift test know it, with its status and dates.
 */
export const unpricedModelSchema = z
  .object({
    /** Lower case; the Claude 2 generation's ids have a dot (`claude-2.1`, `claude-instant-1.2`). */
    apiId: z.string().regex(/^claude-[a-z0-9]+(?:[-.][a-z0-9]+)*$/),
    name: z.string().min(3),
    /** Other ids that named it (e.g. the `-0` alias of a dated snapshot), lower case. */
    aliases: z.array(z.string().regex(/^claude-[a-z0-9]+(?:[-.][a-z0-9]+)*$/)).optional(),
    status: figure(modelStatusSchema),
    retires: figure(isoDay).optional(),
    replacedBy: z.string().optional(),
    /** Why the guide has no full entry. */
    why: z.string().min(10),
  })
  .strict();

export const catalogueSchema = z
  .object({
    sources: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), sourceSchema),
    models: z.array(modelSchema).min(1),
    unpriced: z.array(unpricedModelSchema),
    facts: factTreeSchema,
    rateLimits: rateLimitsSchema,
  })
  .strict()
  .superRefine((cat, ctx) => {
    const seen = new Map<string, string>();
    cat.models.forEach((m, i) => {
      const ids = [m.id, m.apiId?.value, ...(m.aliases?.value ?? []), ...(m.siblings?.value ?? []).map((s) => s.apiId)].filter(
        (x): x is string => !!x,
      );
      for (const id of ids) {
        const other = seen.get(id);
        if (other && other !== m.id) {
          ctx.addIssue({ code: 'custom', path: ['models', i, 'id'], message: `id "${id}" is already used by model "${other}"` });
        }
        seen.set(id, m.id);
      }
      // Every figure must cite a source listed in `sources`.
      walkFigures(m, [], (fig, path) => {
        if (!(fig.source in cat.sources)) {
          ctx.addIssue({ code: 'custom', path: ['models', i, ...path, 'source'], message: `unknown source key "${fig.source}"` });
        }
      });
      const input = m.prices.input.value;
      if (
        m.prices.cacheRead.value > input ||
        m.prices.cacheWrite5m.value < input ||
        m.prices.cacheWrite1h.value < m.prices.cacheWrite5m.value
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['models', i, 'prices'],
          message: 'expected cacheRead ≤ input ≤ cacheWrite5m ≤ cacheWrite1h; check for a swapped price',
        });
      }
    });
    walkFigures(cat.facts, [], (fig, path) => {
      if (!(fig.source in cat.sources)) {
        ctx.addIssue({ code: 'custom', path: ['facts', ...path, 'source'], message: `unknown source key "${fig.source}"` });
      }
    });
    walkFigures(cat.rateLimits, [], (fig, path) => {
      if (!(fig.source in cat.sources)) {
        ctx.addIssue({ code: 'custom', path: ['rateLimits', ...path, 'source'], message: `unknown source key "${fig.source}"` });
      }
    });
    const modelIds = new Set(cat.models.map((m) => m.id));
    cat.models.forEach((m, i) => {
      if (m.replacedBy && !modelIds.has(m.replacedBy)) {
        ctx.addIssue({ code: 'custom', path: ['models', i, 'replacedBy'], message: `unknown model "${m.replacedBy}"` });
      }
    });
    cat.unpriced.forEach((u, i) => {
      if (seen.has(u.apiId)) ctx.addIssue({ code: 'custom', path: ['unpriced', i, 'apiId'], message: `id "${u.apiId}" is already a model` });
      walkFigures(u, [], (fig, path) => {
        if (!(fig.source in cat.sources)) {
          ctx.addIssue({ code: 'custom', path: ['unpriced', i, ...path, 'source'], message: `unknown source key "${fig.source}"` });
        }
      });
    });
    for (const [poolId, pool] of Object.entries(cat.rateLimits.pools)) {
      pool.models.forEach((id, j) => {
        if (!modelIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['rateLimits', 'pools', poolId, 'models', j], message: `unknown model "${id}"` });
        }
      });
    }
  });

function walkFigures(node: unknown, path: (string | number)[], visit: (fig: { source: string }, path: (string | number)[]) => void): void {
  if (node === null || typeof node !== 'object') return;
  if ('source' in node && 'confidence' in node && typeof (node as { source: unknown }).source === 'string') {
    visit(node as { source: string }, path);
    return;
  }
  for (const [k, v] of Object.entries(node)) walkFigures(v, [...path, Array.isArray(node) ? Number(k) : k], visit);
}

export type Figure<T> = {
  value: T;
  source: string;
  asOf: string;
  confidence: Confidence;
  note?: string | undefined;
  /** Price figures only: the other values the sources give (see priceFigureSchema). */
  alt?: number[] | undefined;
};
export type PriceSet = z.infer<typeof priceSetSchema>;
export type CatalogueModel = z.infer<typeof modelSchema>;
export type UnpricedModel = z.infer<typeof unpricedModelSchema>;
export type CatalogueSource = z.infer<typeof sourceSchema>;
export type CatalogueFact = z.infer<typeof factSchema>;
export type { FactTree };
export type RateLimits = z.infer<typeof rateLimitsSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Turns zod issues into one message per line that names the model (or key) and the field. */
export function describeCatalogueIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const models = (input as { models?: unknown })?.models;
  const lines = issues.map((issue) => {
    const path = [...issue.path];
    let where = 'catalogue';
    if (path[0] === 'models' && typeof path[1] === 'number') {
      const entry = Array.isArray(models) ? (models[path[1]] as { id?: unknown } | undefined) : undefined;
      const id = entry && typeof entry.id === 'string' ? entry.id : `#${path[1] + 1}`;
      where = `model "${id}"`;
      path.splice(0, 2);
    } else if (path[0] === 'facts') {
      where = 'fact';
      path.shift();
    } else if (path[0] === 'rateLimits' || path[0] === 'sources') {
      where = String(path.shift());
    }
    if (issue.code === 'unrecognized_keys') {
      const at = path.map(String).join('.');
      return issue.keys
        .map((k) => `content/catalogue.ts: ${where}, field ${at ? `${at}.` : ''}${k}: unknown field (check the spelling against src/schemas/catalogue.ts)`)
        .join('\n');
    }
    const field = path.map(String).join('.') || '(entry)';
    return `content/catalogue.ts: ${where}, field ${field}: ${issue.message}`;
  });
  return lines.join('\n');
}

/** Validates the catalogue; throws an Error whose message lists every problem with its model and field. */
export function parseCatalogue(input: unknown): Catalogue {
  const result = catalogueSchema.safeParse(input);
  if (!result.success) {
    throw new Error(`The model catalogue is invalid:\n${describeCatalogueIssues(input, result.error.issues)}`);
  }
  return result.data;
}
