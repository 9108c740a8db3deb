import { z } from 'astro/zod';

/** The shared category vocabulary (documented in tests/fixtures/eval/README.md). Also used as the Pagefind `category` filter. */
export const ERROR_CATEGORIES = [
  'rate-limit',
  'overloaded',
  'context-window',
  'max-output-tokens',
  'tool-use',
  'model-not-found-or-deprecated',
  'auth-or-permission',
  'billing-credits',
  'request-too-large',
  'timeout-or-streaming',
  'caching',
  'batch',
  'thinking',
  'invalid-request-other',
  'latency',
  'quality',
  'cost',
] as const;

/** Where a message was seen. */
export const ERROR_SURFACES = [
  'api',
  'python-sdk',
  'typescript-sdk',
  'claude-code',
  'bedrock',
  'vertex',
  'litellm',
  'other',
] as const;

const sourceUrl = z.url({ protocol: /^https$/, error: 'source must be an https URL of the page or thread the text was copied from' });

/** A message exactly as it was seen somewhere, with the page it was copied from. */
const quotedText = z.object({
  /** Verbatim, including wrapper prefixes and the user's ids/numbers. Never paraphrased, never invented. */
  text: z.string().min(3),
  /** The public page or issue the text was copied from. */
  source: sourceUrl,
});

const variant = quotedText.extend({
  surface: z.enum(ERROR_SURFACES),
  /** `message`: the error text itself. `report`: how a user described it (an issue title), when no raw text was posted. */
  kind: z.enum(['message', 'report']).default('message'),
  /** What is different about this surface (optional, one sentence). */
  note: z.string().min(3).optional(),
});

/**
 * Prose fields may embed catalogue figures as `{fact:key.path}` (e.g. `{fact:requestSizeLimits.messages}`) or
 * `{model:<catalogue id>.<field>}` (e.g. `{model:opus-4-5.contextWindow}`); the page renders them with <Fact>.
 * Never type a limit, price or date from the catalogue into prose.
 */
const prose = z.string().min(20);

/** One entry of the error reference: `content/errors/<id>.yaml` → `/errors/<id>/`. */
export const errorSchema = z
  .object({
    /** Stable kebab-case id; must equal the file name. Other pages link to `/errors/<id>/`. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'error ids are kebab-case'),
    /** Page title: what happened, in the reader's words. */
    title: z.string().min(5).max(90),
    /** One sentence for search results and the meta description (≤ 160 characters). */
    summary: z.string().min(20).max(160),
    /** `error`: something returns an error. `symptom`: no error code, a behaviour the reader describes. */
    kind: z.enum(['error', 'symptom']).default('error'),
    /** HTTP status, or null when nothing is returned over HTTP (raised client-side by an SDK, a UI message, a symptom). */
    httpStatus: z.number().int().min(100).max(599).nullable(),
    /** `error.type` in the body (`rate_limit_error`), the cloud's exception or status name, or null. */
    errorType: z.string().min(3).nullable(),
    category: z.enum(ERROR_CATEGORIES),
    /** The canonical message, verbatim from the reference facts or the dev set; null when no verbatim text was captured. */
    message: quotedText.nullable(),
    /** Required when `message` is null: why there is no verbatim text. */
    messageNote: z.string().min(10).optional(),
    /** The message as it appears on each surface (verbatim, each with its source). */
    variants: z.array(variant).default([]),
    retry: z.object({
      policy: z.enum(['never', 'after-fix', 'retry-after', 'backoff']),
      /** One or two sentences on how. */
      how: prose,
    }),
    cause: prose,
    /** A concrete check the reader can run. */
    diagnose: prose,
    /** A concrete fix. */
    fix: prose,
    /** The fix in one line (the paste box shows it). */
    fixSummary: z.string().min(10).max(160),
    /** Chapter section: `/guide/<slug>/#<h2 anchor>`. */
    chapter: z.string().regex(/^\/guide\/[a-z0-9-]+\/(?:#[a-z0-9_-]+)?$/, 'chapter links look like /guide/<slug>/#<anchor>'),
    /** Decision-tree page: `/troubleshoot/` or `/troubleshoot/<tree-id>/[<node-id>/]`. */
    tree: z.string().regex(/^\/troubleshoot\/(?:[a-z0-9-]+\/){0,2}$/, 'tree links look like /troubleshoot/<tree-id>/'),
    /** Ids of related entries. */
    related: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    /**
     * For an error that only older models can give: the catalogue ids of the models it applies to and one sentence on
     * what current models do instead. The page is marked legacy while none of them is current (status from the catalogue).
     */
    onlyModels: z
      .object({
        models: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
        note: prose,
      })
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.message === null && !e.messageNote) {
      ctx.addIssue({ code: 'custom', path: ['messageNote'], message: 'say why there is no verbatim message when `message` is null' });
    }
    if (e.kind === 'symptom' && (e.httpStatus !== null || e.errorType !== null)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'a symptom has no httpStatus or errorType' });
    }
    if (e.related.includes(e.id)) {
      ctx.addIssue({ code: 'custom', path: ['related'], message: 'an entry cannot be related to itself' });
    }
  });

export type ErrorEntry = z.infer<typeof errorSchema>;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];
export type ErrorSurface = (typeof ERROR_SURFACES)[number];
