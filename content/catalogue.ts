/**
 * THE MODEL CATALOGUE: the single home of every price, limit, window, id and date on the site.
 * Prose never types a number: it renders one from here with <Fact>, <PriceTable>, <ModelTable>, <RateLimitTable>.
 *
 * Every figure is `{ value, source, asOf, confidence, note? }`:
 *   source      a key of `sources` below (each has the URL the figure was read from);
 *   asOf        when that copy was read (YYYY-MM-DD, or YYYY-MM when the copy is dated only by month);
 *   confidence  the mark the team reference gives it: 'confirmed' (Anthropic / AWS / Google source),
 *               'third-party' (only third parties), 'uncertain' (sources conflict, or inferred from a general rule);
 *   note        the reason for the mark, or what the other sources say.
 * Validated by src/schemas/catalogue.ts at build time (src/content.config.ts, collection `models`) and in
 * tests/unit/catalogue.test.ts. This file must not import zod at runtime (islands bundle it).
 *
 * ── Model keys (models[].id) ───────────────────────────────────────────────────────────────────────────────
 *   opus-5-5 sonnet-5-5 haiku-5-5 fable-5-2 fable-5-1 fable-5 opus-5 opus-4-8 opus-4-7 opus-4-6 opus-4-5
 *   sonnet-5 sonnet-4-6 sonnet-4-5 haiku-4-5 opus-4-1 haiku-3-5
 *   Lookups (src/lib/catalogue.ts `findModel`) also accept the API id, aliases and siblings (the Mythos twins of the
 *   Fable models, e.g. claude-mythos-5-2), e.g. claude-haiku-4-5-20251001. `unpriced` lists ids with no public price
 *   (claude-mythos-preview); `resolveModelId` knows those too.
 *
 * ── Status follows dates ───────────────────────────────────────────────────────────────────────────────────
 *   `declaredModels` is what the sources say; `models` is that list with the status on the build date
 *   (src/lib/catalogue-status.ts): once `retires` has passed, the model is `retired-api` on every page.
 *
 * ── <Fact model="…" field="…"> fields ──────────────────────────────────────────────────────────────────────
 *   name apiId input output cacheWrite5m cacheWrite1h cacheRead batchInput batchOutput contextWindow maxOutput
 *   released retires minCacheablePrompt toolTokensAuto toolTokensAny status
 *   (also: bedrockId bedrockProfiles vertexId eolNotBefore tokenizer latency thinking effort defaultEffort usGeo)
 *
 * ── <Fact k="…"> keys (non-model facts, below in `facts`) ──────────────────────────────────────────────────
 *   multipliers.cacheWrite5m  multipliers.cacheWrite1h  multipliers.cacheRead  multipliers.cacheReadFable51
 *   multipliers.cacheReadOpus55  multipliers.cacheReadSonnet55
 *   multipliers.batch  multipliers.usGeo  multipliers.cloudRegional
 *   breakEven.reads5m  breakEven.reads1h
 *   tokenizerInflation
 *   spendCaps.start  spendCaps.build  spendCaps.scale  spendCaps.custom
 *   rateLimitScheme.newTiersSince  rateLimitScheme.oldTablesAsOf  rateLimitScheme.opusRaise
 *   requestSizeLimits.messages  requestSizeLimits.countTokens  requestSizeLimits.batch  requestSizeLimits.files
 *   sdkDefaults.maxRetries  sdkDefaults.timeoutMinutes  sdkDefaults.apiVersion
 *   apiVersions.latest  apiVersions.previous  apiVersions.typescriptSdk  apiVersions.pythonSdk1x  apiVersions.pythonSdk2x
 *   apiVersions.rejects  apiVersions.observedMessage  apiVersions.bedrock
 *   rateLimitsApi.endpoint  rateLimitsApi.workspaceEndpoint  rateLimitsApi.sdkMethod
 *   workspaceLimits.itpmCountsCacheReads  workspaceLimits.takesEffect
 *   cloudBatch.vertex
 *   batchLimits.maxRequests  batchLimits.maxMb  batchLimits.resultsRetentionDays  batchLimits.expiresAfterHours  batchLimits.typicalCompletion
 *   preservedThinking.prefixCheckDefaultSince
 *   betaHeaders.thinkingBindingControls  betaHeaders.serverSideFallback  betaHeaders.fallbackCredit
 *   betaHeaders.fallbackCreditBedrock
 *   cache.maxBreakpoints
 *   fastMode.input  fastMode.output  fastMode.opus55Input  fastMode.opus55Output  fastMode.fable52Input  fastMode.fable52Output
 *   fastMode.generallyAvailable  fastMode.researchPreview  fastMode.platforms  fastMode.opus48RemovedOn  fastMode.opus47RemovedOn
 *   serverTools.webSearchPer1000
 *   longContext.oldPremiumAbove  longContext.oldInputMultiplier  longContext.oldOutputMultiplier
 *   dataResidency.cloudRegionalPremium
 *
 * ── Rate limits (`rateLimits`) ─────────────────────────────────────────────────────────────────────────────
 *   The last published OLD-scheme tables (Tier 1–4, copy of 2026-06-21) per pool: opus-4x, sonnet-4x, haiku-4-5.
 *   Start / Build / Scale (since 2026-06-26): only the Fable 5.x figures (`fableNewScheme`, third-party copy of 2026-10-17).
 *   That copy also has tables for the Opus 5.5, Sonnet 5.5 and Haiku 5.5 pools, whose figures we could not read (h18, 2026-12-03).
 *
 * ── How to change a figure ─────────────────────────────────────────────────────────────────────────────────
 *   1. Read the live page; 2. change the value AND its source / asOf / confidence; 3. add the source to `sources`
 *   if new; 4. `npx vitest run --project unit tests/unit/catalogue.test.ts`. Adding a model is one entry in `models`
 *   (plus its id in a rate-limit pool if it shares one). The drift test
 *   (tests/unit/sdk-drift.test.ts) fails when the installed SDK names a model this file cannot resolve.
 */
import type { Catalogue, CatalogueSource, Confidence, Figure, PriceSet } from '../src/schemas/catalogue.ts';
import { buildDate, withStatusOn } from '../src/lib/catalogue-status.ts';

/** When each source was read; kept apart from `sources` so island bundles that never show a source stay small. */
const AS_OF = {
  S1: '2026-09',
  'S2-opus-4-5': '2026-11',
  'S2-opus-4-6': '2026-11',
  'S2-opus-4-8': '2026-11',
  'S2-sonnet-4-5': '2026-11',
  'S2-sonnet-4-6': '2026-11',
  'S2-haiku-4-5': '2026-11',
  S3: '2026-07-01',
  S4: '2026-11',
  S5: '2026-11',
  S6: '2026-11',
  S7: '2026-09-26',
  S8: '2026-11',
  S9: '2026-06-27',
  'S9-3p': '2026-10-17',
  S10: '2026-11',
  S14: '2026-11',
  'S15-opus-5-5': '2026-11',
  'S15-sonnet-5-5': '2026-11',
  'S15-haiku-5-5': '2026-11',
  S16: '2026-06-05',
  'S16-1194': '2026-07',
  S17: '2026-06-21',
  S18: '2026-11',
  S19: '2026-11',
  F52: '2026-11-23',
  'F52-3p': '2026-11-23',
  'F51-3p': '2026-11',
  SDK: '2026-12-01',
  RN: '2026-12-02',
  'RET-3p': '2026-06-17',
  'SDK-RET': '2026-12-04',
  'VX-H55': '2026-12-04',
  'S1-0926': '2026-09-26',
  'F52F-3p': '2026-11-12',
  DEP: '2025-11',
  'DEP-25': '2026-12-04',
  'S35-3p': '2026-12-04',
  'S35-GL': '2026-12-04',
  'H3-3p': '2026-12-04',
  'H3-3p-b': '2026-12-04',
  F5: '2026-12-02',
  'F5-3p': '2026-06-09',
  O5: '2026-12-02',
  SON5: '2026-12-02',
  S55N: '2026-12-02',
  'S55-3p': '2026-10-24',
  FAST: '2026-12-02',
  VER: '2026-12-02',
  WSRL: '2026-12-02',
  VXB: '2026-12-02',
  PY: '2026-12-02',
  BATCH: '2025-08',
  PT: '2026-12-03',
  FBC: '2026-12-03',
  'AWS-FBC': '2026-12-03',
  'AWS-O55': '2026-12-03',
  'CM-O55': '2026-09-23',
  O55N: '2026-09-24',
  O5N: '2026-12-04',
  'AISDK-S55': '2026-09-28',
  'AISDK-H55': '2026-10-07',
  'AISDK-F52': '2026-11-09',
} as const;
type SourceKey = keyof typeof AS_OF;

function withAsOf<K extends SourceKey>(list: Record<K, Omit<CatalogueSource, 'asOf'>>): Record<K, CatalogueSource> {
  const out = {} as Record<K, CatalogueSource>;
  for (const k of Object.keys(list) as K[]) out[k] = { ...list[k], asOf: AS_OF[k] };
  return out;
}

/** Every source a figure cites, with the URL it was read from. */
export const sources = /* @__PURE__ */ withAsOf({
  S1: {
    url: 'https://platform.claude.com/docs/en/about-claude/pricing',
    title: 'Claude API pricing (snapshot with Fable 5.1 listed, before Opus 5.5)',
    confidence: 'confirmed',
  },
  'S1-0926': {
    url: 'https://platform.claude.com/docs/en/about-claude/pricing',
    title: 'Claude API pricing (copy of 2026-09-26, kept verbatim in a public docs mirror; fast mode then a research preview)',
    confidence: 'confirmed',
  },
  'S2-opus-4-5': {
    url: 'https://platform.claude.com/docs/en/models/opus-4-5/overview',
    title: 'Claude Opus 4.5 overview',
    confidence: 'confirmed',
  },
  'S2-opus-4-6': {
    url: 'https://platform.claude.com/docs/en/models/opus-4-6/overview',
    title: 'Claude Opus 4.6 overview',
    confidence: 'confirmed',
  },
  'S2-opus-4-8': {
    url: 'https://platform.claude.com/docs/en/models/opus-4-8/overview',
    title: 'Claude Opus 4.8 overview',
    confidence: 'confirmed',
  },
  'S2-sonnet-4-5': {
    url: 'https://platform.claude.com/docs/en/models/sonnet-4-5/overview',
    title: 'Claude Sonnet 4.5 overview',
    confidence: 'confirmed',
  },
  'S2-sonnet-4-6': {
    url: 'https://platform.claude.com/docs/en/models/sonnet-4-6/overview',
    title: 'Claude Sonnet 4.6 overview',
    confidence: 'confirmed',
  },
  'S2-haiku-4-5': {
    url: 'https://platform.claude.com/docs/en/models/haiku-4-5/overview',
    title: 'Claude Haiku 4.5 overview',
    confidence: 'confirmed',
  },
  S3: {
    url: 'https://github.com/anthropics/skills/tree/9d2f1ae/skills/claude-api',
    title: "Anthropic's claude-api skill (models, error codes, prompt caching, platform availability) @ 9d2f1ae",
    confidence: 'confirmed',
  },
  S4: {
    url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-opus-4-7.html',
    title: 'Amazon Bedrock model card: Claude Opus 4.7',
    confidence: 'confirmed',
  },
  S5: {
    url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/partner-models/claude/opus-4-7',
    title: 'Google Cloud partner models: Claude Opus 4.7',
    confidence: 'confirmed',
  },
  S6: {
    url: 'https://github.com/BerriAI/litellm/blob/00035b69/model_prices_and_context_window.json',
    title: 'LiteLLM model_prices_and_context_window.json @ 00035b69',
    confidence: 'third-party',
  },
  S7: {
    url: 'https://platform.claude.com/docs/en/agents-and-tools/tool-use/overview',
    title: 'Tool use overview (web capture)',
    confidence: 'confirmed',
  },
  S8: { url: 'https://platform.claude.com/docs/en/api/errors', title: 'API errors', confidence: 'confirmed' },
  S9: {
    url: 'https://platform.claude.com/docs/en/api/rate-limits',
    title: 'Rate limits (Start / Build / Scale tiers; copy of 2026-06-27)',
    confidence: 'confirmed',
  },
  'S9-3p': {
    url: 'https://developersdigest.tech/rate-limits/anthropic',
    title: 'Third-party copy of the rate-limits page (Fable 5.x figures)',
    confidence: 'third-party',
  },
  S10: {
    url: 'https://platform.claude.com/docs/en/manage-claude/data-residency',
    title: 'Data residency (inference_geo)',
    confidence: 'confirmed',
  },
  S14: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/effort',
    title: 'Effort',
    confidence: 'confirmed',
  },
  'S15-opus-5-5': {
    url: 'https://platform.claude.com/docs/en/models/opus-5-5/overview',
    title: 'Claude Opus 5.5 overview',
    confidence: 'confirmed',
  },
  'S15-sonnet-5-5': {
    url: 'https://platform.claude.com/docs/en/models/sonnet-5-5/overview',
    title: 'Claude Sonnet 5.5 overview',
    confidence: 'confirmed',
  },
  'S15-haiku-5-5': {
    url: 'https://platform.claude.com/docs/en/models/haiku-5-5/overview',
    title: 'Claude Haiku 5.5 overview',
    confidence: 'confirmed',
  },
  S16: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/prompt-caching',
    title: 'Prompt caching (as quoted in public repository notes)',
    confidence: 'confirmed',
  },
  'S16-1194': {
    url: 'https://github.com/anthropics/anthropic-sdk-python/issues/1194',
    title: 'anthropic-sdk-python#1194 (user report on the Sonnet 4.6 cache minimum)',
    confidence: 'third-party',
  },
  S17: {
    url: 'https://platform.claude.com/docs/en/api/rate-limits',
    title: 'Rate limits, old Tier 1–4 tables (public copies; one checked 2026-06-21)',
    confidence: 'confirmed',
  },
  S18: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/claude-on-amazon-bedrock-legacy',
    title: 'Claude on Amazon Bedrock (legacy InvokeModel path)',
    confidence: 'confirmed',
  },
  S19: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/claude-on-vertex-ai',
    title: 'Claude on Vertex AI (model ids per platform)',
    confidence: 'confirmed',
  },
  F52: {
    url: 'https://platform.claude.com/docs/en/models/fable-5-2/migration-guide',
    title: 'Claude Fable 5.2 migration guide',
    confidence: 'confirmed',
  },
  'F52-3p': {
    url: 'https://docs.laozhang.ai/en/announcements/claude-fable-5-2-2026-11.md',
    title: 'Third-party announcement quoting the Fable 5.2 list price',
    confidence: 'third-party',
  },
  'F52F-3p': {
    url: 'https://qiita.com/kai_kou/items/83d306e07f59beddc48d',
    title: 'Qiita: Claude Fable 5.2 API, prices and fast mode (third-party summary of the docs as of 2026-11-12)',
    confidence: 'third-party',
  },
  'F51-3p': {
    url: 'https://github.com/BerriAI/litellm/discussions/39163',
    title: 'LiteLLM discussion 39163 (Fable 5.1 cache minimum)',
    confidence: 'third-party',
  },
  SDK: {
    url: 'https://www.npmjs.com/package/@anthropic-ai/sdk/v/1.16.0',
    title: "Anthropic's TypeScript SDK 1.16.0: CHANGELOG, Model type and deprecated-models table",
    confidence: 'confirmed',
  },
  RN: {
    url: 'https://platform.claude.com/docs/en/release-notes/overview',
    title: 'Claude Platform release notes',
    confidence: 'confirmed',
  },
  'RET-3p': {
    url: 'https://github.com/ottto-ai/ai-provider-watch/blob/main/data/events/2026-06-15-anthropic-sonnet-4-opus-4-retirement.json',
    title: "ai-provider-watch: Anthropic retired Claude Sonnet 4 and Opus 4 (from Anthropic's release notes, read 2026-06-17)",
    confidence: 'third-party',
  },
  'SDK-RET': {
    url: 'https://github.com/anthropics/anthropic-sdk-typescript/commit/e984ba4942d0e9660690910c4a7c7325b1fe3607',
    title:
      "Anthropic's TypeScript SDK: 0.89.0 (2026-04-14) lists claude-opus-4-0 / -20250514 and claude-sonnet-4-0 / -20250514 as deprecated, end of life \"June 15th, 2026\"; commit e984ba4 of 2026-06-15, \"remove retired models from API and SDKs\", drops them",
    confidence: 'confirmed',
  },
  'DEP-25': {
    url: 'https://docs.anthropic.com/zh-CN/docs/about-claude/model-deprecations',
    title:
      'Model deprecations (zh-CN copy on docs.anthropic.com, undated, from after the 2025-07-21 retirements: its status table lists claude-1.x, claude-instant-1.x, claude-2.0, claude-2.1 and claude-3-sonnet-20240229 as retired and claude-3-opus-20240229 as deprecated)',
    confidence: 'confirmed',
  },
  'S35-3p': {
    url: 'https://github.com/thevibeworks/claude-code-docs/pull/417',
    title: 'claude-code-docs PR #417 of 2025-10-28, tracking Anthropic\'s docs: "Claude 3.5 Sonnet models retired today (October 28, 2025)", both the June and October snapshots',
    confidence: 'third-party',
  },
  'S35-GL': {
    url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/572012',
    title: 'GitLab issue 572012: Anthropic deprecated claude-3-5-sonnet-20240620 on 2025-08-13 and "will fully retire the model on 2025-10-22"',
    confidence: 'third-party',
  },
  'H3-3p': {
    url: 'https://www.abhs.in/blog/claude-3-haiku-deprecation-april-2026-migration-guide',
    title: 'Claude 3 Haiku retires April 19, 2026: migration guide (claude-3-haiku-20240307; replacement claude-haiku-4-5-20251001)',
    confidence: 'third-party',
  },
  'H3-3p-b': {
    url: 'https://dev.to/flarecanary/claude-3-haiku-20240307-just-started-returning-errors-heres-what-happened-57he',
    title: 'claude-3-haiku-20240307 just started returning errors: "Anthropic retired Claude Haiku 3 on April 20, 2026"',
    confidence: 'third-party',
  },
  DEP: {
    url: 'https://platform.claude.com/docs/zh-CN/about-claude/model-deprecations',
    title: 'Model deprecations (zh-CN copy with the model status table, late 2025)',
    confidence: 'confirmed',
  },
  F5: {
    url: 'https://platform.claude.com/docs/en/models/fable-5/overview',
    title: 'Claude Fable 5 overview',
    confidence: 'confirmed',
  },
  'F5-3p': {
    url: 'https://github.com/PaulArgoud/mxchat-promptcache/releases/tag/v0.7.0',
    title: 'mxchat-promptcache v0.7.0 release notes (Fable 5 / Mythos 5 cache minimum)',
    confidence: 'third-party',
  },
  O5: {
    url: 'https://platform.claude.com/docs/en/models/opus-5/overview',
    title: 'Claude Opus 5 overview',
    confidence: 'confirmed',
  },
  SON5: {
    url: 'https://platform.claude.com/docs/en/models/sonnet-5/overview',
    title: 'Claude Sonnet 5 overview',
    confidence: 'confirmed',
  },
  S55N: {
    url: 'https://platform.claude.com/docs/en/models/sonnet-5-5/whats-new-sonnet-5-5',
    title: "What's new in Claude Sonnet 5.5",
    confidence: 'confirmed',
  },
  'S55-3p': {
    url: 'https://github.com/kurofune/claudit/releases/tag/v1.9.2',
    title: 'claudit v1.9.2 release notes (Sonnet 5.5 cache-read cut of 2026-10-07)',
    confidence: 'third-party',
  },
  FAST: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/fast-mode',
    title: 'Fast mode',
    confidence: 'confirmed',
  },
  VER: {
    url: 'https://platform.claude.com/docs/en/api/versioning',
    title: 'API versions',
    confidence: 'confirmed',
  },
  WSRL: {
    url: 'https://platform.claude.com/docs/en/api/java/organization/workspaces/rate_limits/update',
    title: 'Set workspace rate limits (Admin API reference)',
    confidence: 'confirmed',
  },
  VXB: {
    url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/partner-models/claude/batch',
    title: 'Google Cloud: batch predictions with Anthropic Claude models',
    confidence: 'confirmed',
  },
  PY: {
    url: 'https://pypi.org/project/anthropic/',
    title: "Anthropic's Python SDK (anthropic 1.x, _constants.py)",
    confidence: 'confirmed',
  },
  BATCH: {
    url: 'https://docs.anthropic.com/en/docs/build-with-claude/batch-processing',
    title: 'Batch processing, "Batch limitations" (older docs.anthropic.com copy; the same text is in its translations)',
    confidence: 'confirmed',
  },
  PT: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/preserved-thinking',
    title: 'Preserved thinking',
    confidence: 'confirmed',
  },
  FBC: {
    url: 'https://platform.claude.com/docs/en/build-with-claude/fallback-credit',
    title: 'Fallback credit',
    confidence: 'confirmed',
  },
  'AWS-FBC': {
    url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-fallback-credit.html',
    title: 'Amazon Bedrock: fallback credit for refused requests (beta)',
    confidence: 'confirmed',
  },
  'AWS-O55': {
    url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-opus-5-5.html',
    title: 'Amazon Bedrock model card: Claude Opus 5.5 (read in its ja / zh_tw translations)',
    confidence: 'confirmed',
  },
  O5N: {
    url: 'https://platform.claude.com/docs/ja/about-claude/models/whats-new-opus-5',
    title: "What's new in Claude Opus 5 (Japanese copy)",
    confidence: 'confirmed',
  },
  O55N: {
    url: 'https://platform.claude.com/docs/en/models/opus-5-5/whats-new-opus-5-5',
    title: "What's new in Claude Opus 5.5 (Availability: the id on each platform; copy of 2026-09-24)",
    confidence: 'confirmed',
  },
  'CM-O55': {
    url: 'https://dev.classmethod.jp/en/articles/bedrock-claude-opus-5-5/',
    title: 'Classmethod: Claude Opus 5.5 on Amazon Bedrock (list-foundation-models / list-inference-profiles output, 2026-09-23)',
    confidence: 'third-party',
  },
  'AISDK-S55': {
    url: 'https://github.com/vercel/ai/releases/tag/@ai-sdk%2Famazon-bedrock@4.0.186',
    title: 'Vercel AI SDK @ai-sdk/amazon-bedrock 4.0.186 release notes (Claude Sonnet 5.5 ids)',
    confidence: 'third-party',
  },
  'VX-H55': {
    url: 'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/partner-models/claude/haiku-5-5',
    title: 'Google Cloud partner models: Claude Haiku 5.5 (model id, GA)',
    confidence: 'confirmed',
  },
  'AISDK-H55': {
    url: 'https://github.com/vercel/ai/releases/tag/@ai-sdk%2Famazon-bedrock@4.0.192',
    title: 'Vercel AI SDK @ai-sdk/amazon-bedrock 4.0.192 release notes (Claude Haiku 5.5 ids)',
    confidence: 'third-party',
  },
  'AISDK-F52': {
    url: 'https://github.com/vercel/ai/releases/tag/@ai-sdk%2Famazon-bedrock@3.0.145',
    title: 'Vercel AI SDK @ai-sdk/amazon-bedrock 3.0.145 release notes (Claude Fable 5.2 ids)',
    confidence: 'third-party',
  },
});

function fig<T>(value: T, source: SourceKey, confidence: Confidence, note?: string, asOf?: string): Figure<T> {
  const f: Figure<T> = { value, source, asOf: asOf ?? AS_OF[source], confidence };
  if (note) f.note = note;
  return f;
}
/** Confirmed in an Anthropic / AWS / Google source. */
const c = <T>(value: T, source: SourceKey, note?: string, asOf?: string) => fig(value, source, 'confirmed', note, asOf);
/** Only third-party sources. */
const t = <T>(value: T, source: SourceKey, note?: string, asOf?: string) => fig(value, source, 'third-party', note, asOf);
/** Sources conflict, or inferred from a general rule. */
const u = <T>(value: T, source: SourceKey, note: string, asOf?: string) => fig(value, source, 'uncertain', note, asOf);

type Mark = (v: number) => Figure<number>;
function priceSet(
  mark: Mark,
  input: number,
  output: number,
  cacheWrite5m: number,
  cacheWrite1h: number,
  cacheRead: number,
  cacheMark?: Mark,
): PriceSet {
  const cm = cacheMark ?? mark;
  return {
    input: mark(input),
    output: mark(output),
    cacheWrite5m: cm(cacheWrite5m),
    cacheWrite1h: cm(cacheWrite1h),
    cacheRead: cm(cacheRead),
  };
}

const DERIVED_CACHE =
  "derived from the pricing page's standard multipliers (5-min write 1.25×, 1-h write 2×, read 0.1× base input); no per-model cache price in our sources, so no range known";
const BATCH_RULE = 'the pricing page\'s general rule "Batch API: 50% off"; no per-model Batch price in our sources, so no range known';
const GEO_RULE = 'inference_geo "us" is accepted on Claude 4.6 and later';
const GEO_OLD = 'older models return 400 when inference_geo is sent';
const TOKENIZER_NEW = 'Claude 4.7 and later use the newer tokenizer (~30% more tokens for the same text)';
const TOKENIZER_OLD = 'Sonnet 4.6 and earlier use the older tokenizer';
const FABLE_INFERRED = 'inferred from the "Claude 4.7 and later" rule; not stated for Fable';
const LATENCY_TIER = "label Anthropic's comparison table gives this tier; not checked for this model";
const batchHalf = c(0.5, 'S1');

const opus4Prices = (source: SourceKey) => priceSet((v) => c(v, source), 5, 25, 6.25, 10, 0.5);
const sonnet4Prices = priceSet((v) => c(v, 'S1'), 3, 15, 3.75, 6, 0.3);
const sonnet5Prices = (source: SourceKey) => priceSet((v) => c(v, source), 2, 10, 2.5, 4, 0.2);

/** Each model as its sources describe it; `models` below applies the dates. */
export const declaredModels: Catalogue['models'] = [
  // ── Current ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'opus-5-5',
    name: 'Claude Opus 5.5',
    tier: 'opus',
    status: c('current', 'S15-opus-5-5'),
    apiId: c('claude-opus-5-5', 'S15-opus-5-5'),
    released: c('2026-09-22', 'SDK', 'SDK 0.128.0 of 2026-09-22 added claude-opus-5-5'),
    eolNotBefore: c('2027-09-22', 'S15-opus-5-5', 'Amazon Bedrock model card'),
    contextWindow: c(1_000_000, 'S15-opus-5-5'),
    maxOutput: c(128_000, 'S15-opus-5-5'),
    prices: priceSet((v) => c(v, 'S15-opus-5-5'), 4, 20, 5, 8, 0.2),
    minCacheablePrompt: u(
      512,
      'O55N',
      "given in the 2026-09-24 copy of Anthropic's What's new page, but not in the other copies of that page we could read; Opus 5's is 512 (its What's new page)",
    ),
    batchMultiplier: c(0.5, 'S15-opus-5-5', 'Batch $2 / $10'),
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', TOKENIZER_NEW),
    defaultEffort: c('medium', 'S15-opus-5-5'),
    thinking: u(
      'adaptive-only',
      'AWS-O55',
      'adaptive thinking is always on and cannot be turned off (AWS model card); whether budget_tokens is rejected is not stated',
    ),
    bedrockId: c(
      'anthropic.claude-opus-5-5',
      'O55N',
      'the id on Claude in Amazon Bedrock; a third-party listing (CM-O55) shows inference profiles only on bedrock-runtime, so on-demand calls there go through a profile id',
    ),
    bedrockProfiles: t(['jp.anthropic.claude-opus-5-5'], 'CM-O55', 'list-inference-profiles in ap-northeast-1; a global profile is also listed'),
    vertexId: c('claude-opus-5-5', 'O55N', 'the id on Google Cloud'),
    latency: c('Moderate', 'S15-opus-5-5'),
    notes: [
      'Cache reads are billed at 0.05× input ($0.20), not the usual 0.1×.',
      'Fast mode is generally available (no beta header) at 2× the standard rates.',
      'No source gives its minimum cacheable prompt.',
    ],
  },
  {
    id: 'sonnet-5-5',
    name: 'Claude Sonnet 5.5',
    tier: 'sonnet',
    status: c('current', 'S15-sonnet-5-5'),
    apiId: c('claude-sonnet-5-5', 'S15-sonnet-5-5'),
    released: u('2026-09-28', 'SDK', 'the day SDK 0.129.0 added claude-sonnet-5-5; the launch date itself is only in third-party copies'),
    contextWindow: c(1_000_000, 'S15-sonnet-5-5'),
    maxOutput: c(128_000, 'S15-sonnet-5-5'),
    prices: {
      ...sonnet5Prices('S15-sonnet-5-5'),
      cacheRead: {
        ...u(
          0.1,
          'S55N',
          "$0.10 (0.05×) since 2026-10-07 per Anthropic's What's new page and pricing trackers that re-read the live pricing page; an older copy of the Sonnet 5.5 overview still shows $0.20",
        ),
        // The older overview copy (S15-sonnet-5-5), as the note says.
        alt: [0.2],
      },
    },
    minCacheablePrompt: c(512, 'S55N', 'Sonnet 5 needs 1,024'),
    thinking: c('adaptive', 'S55N', 'turn up-front thinking off with between_tools; thinking: {type: "disabled"} is rejected'),
    defaultEffort: c('high', 'S55N', 'the default on the Claude API'),
    bedrockId: c(
      'anthropic.claude-sonnet-5-5',
      'S55N',
      "the id on Claude in Amazon Bedrock (the page's Availability section, read in its id copy fetched 2026-10-08); a third-party SDK (AISDK-S55) added the same id",
      '2026-10-08',
    ),
    bedrockProfiles: t(['us.anthropic.claude-sonnet-5-5'], 'AISDK-S55'),
    vertexId: c('claude-sonnet-5-5', 'S55N', 'the id on Google Cloud (same copy)', '2026-10-08'),
    batchMultiplier: c(0.5, 'S15-sonnet-5-5', 'Batch $1 / $5'),
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', TOKENIZER_NEW),
    latency: c('Fast', 'S15-sonnet-5-5'),
    notes: [
      'tool_choice "any" and "tool" return a 400; use strict tool use or structured outputs.',
      'Thinking blocks are bound to the model and the conversation: blocks another model cannot read are dropped, and editing earlier history returns a 400.',
    ],
  },
  {
    id: 'haiku-5-5',
    name: 'Claude Haiku 5.5',
    tier: 'haiku',
    status: c('current', 'S15-haiku-5-5'),
    apiId: c('claude-haiku-5-5', 'S15-haiku-5-5'),
    released: c('2026-10-07', 'S15-haiku-5-5'),
    contextWindow: c(1_000_000, 'S15-haiku-5-5'),
    maxOutput: c(128_000, 'S15-haiku-5-5'),
    prices: priceSet(
      (v) => c(v, 'S15-haiku-5-5', 'prompts up to 100,000 tokens'),
      0.1,
      0.5,
      0.125,
      0.2,
      0.01,
      (v) => u(v, 'S1', DERIVED_CACHE),
    ),
    promptTiers: [
      {
        above: 100_000,
        prices: priceSet(
          (v) => c(v, 'S15-haiku-5-5', 'prompts over 100,000 tokens: every category at the higher rate'),
          0.5,
          2.5,
          0.625,
          1,
          0.05,
          (v) => u(v, 'S1', DERIVED_CACHE),
        ),
      },
    ],
    batchMultiplier: u(0.5, 'S1', BATCH_RULE),
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', TOKENIZER_NEW),
    thinking: c('adaptive', 'S15-haiku-5-5', 'adaptive thinking and effort'),
    defaultEffort: c('medium', 'S15-haiku-5-5'),
    bedrockId: t('anthropic.claude-haiku-5-5', 'AISDK-H55', 'id a third-party SDK added for Amazon Bedrock; not found in an Anthropic or AWS copy we could read'),
    bedrockProfiles: t(['us.anthropic.claude-haiku-5-5'], 'AISDK-H55'),
    vertexId: c('claude-haiku-5-5', 'VX-H55', "Google Cloud's model page (GA); a third-party SDK (AISDK-H55) added the same id"),
    latency: c('Fastest', 'S15-haiku-5-5'),
    notes: ['The only current model with a prompt-size price tier: over 100,000 prompt tokens the whole request costs 5× more.'],
  },
  {
    id: 'fable-5-2',
    name: 'Claude Fable 5.2',
    tier: 'fable',
    status: c('current', 'F52'),
    apiId: c('claude-fable-5-2', 'F52'),
    siblings: c([{ name: 'Claude Mythos 5.2', apiId: 'claude-mythos-5-2' }], 'RN', 'same specs and prices; only for organisations verified through Anthropic programmes'),
    released: c('2026-11-09', 'RN'),
    contextWindow: c(1_000_000, 'RN', '1M context at one rate'),
    maxOutput: c(128_000, 'RN'),
    prices: {
      input: c(8, 'RN', 'release notes of 2026-11-09'),
      output: c(40, 'RN', 'release notes of 2026-11-09'),
      cacheWrite5m: t(10, 'F52-3p', 'cache prices quoted by third parties only; $10 is also 1.25× the $8 input (the general rule), so no range known'),
      cacheWrite1h: t(16, 'F52-3p', 'cache prices quoted by third parties only; $16 is also 2× the $8 input (the general rule), so no range known'),
      cacheRead: {
        ...t(
          0.2,
          'F52-3p',
          "cache prices quoted by third parties only: $0.20 is 0.025× the $8 input, Fable 5.1's ratio; the general rule on Anthropic's pricing page (reads at 0.1× input) would give $0.80",
        ),
        // The general rule (multipliers.cacheRead, S1): 0.1 × $8.
        alt: [0.8],
      },
    },
    thinking: c('adaptive-only', 'RN', 'adaptive thinking is always on'),
    bedrockId: t('anthropic.claude-fable-5-2', 'AISDK-F52', 'id a third-party SDK added for Amazon Bedrock; not found in an Anthropic or AWS copy we could read'),
    bedrockProfiles: t(['us.anthropic.claude-fable-5-2'], 'AISDK-F52'),
    vertexId: t('claude-fable-5-2', 'AISDK-F52', 'the id that SDK added for Google Vertex AI'),
    batchMultiplier: u(0.5, 'S1', BATCH_RULE),
    usGeo: u(true, 'S10', `${GEO_RULE}; not stated for Fable`),
    tokenizer: u('4.7', 'S1', FABLE_INFERRED),
    latency: c('Slower', 'S15-opus-5-5', 'Fable tier label in the current comparison table'),
    notes: [
      'Claude Mythos 5.2 (claude-mythos-5-2) has the same specifications and prices, for verified organisations only.',
      'Available on the Claude API, Claude Platform on AWS, Google Cloud, Amazon Bedrock and Microsoft Foundry.',
      'Fast mode is generally available; its price (2× standard) is only in third-party copies.',
    ],
  },
  // ── Legacy, still available ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'fable-5-1',
    name: 'Claude Fable 5.1',
    tier: 'fable',
    status: u('legacy', 'F52', 'inferred: Fable 5.2 replaced it on 2026-11-09'),
    apiId: c('claude-fable-5-1', 'SDK'),
    siblings: c([{ name: 'Claude Mythos 5.1', apiId: 'claude-mythos-5-1' }], 'RN', 'same specs and prices, for Project Glasswing participants'),
    released: c('2026-09-01', 'RN'),
    contextWindow: c(1_000_000, 'RN'),
    maxOutput: c(128_000, 'RN'),
    prices: priceSet((v) => c(v, 'S1'), 10, 50, 12.5, 20, 0.25),
    thinking: c('adaptive-only', 'RN', 'adaptive thinking is always on'),
    batchMultiplier: u(0.5, 'S1', BATCH_RULE),
    usGeo: u(true, 'S10', `${GEO_RULE}; not stated for Fable`),
    tokenizer: u('4.7', 'S1', FABLE_INFERRED),
    minCacheablePrompt: t(512, 'F51-3p'),
    latency: c('Slower', 'S15-opus-5-5', 'Fable tier label in the current comparison table'),
    notes: [
      'Claude Mythos 5.1 (claude-mythos-5-1) has the same specifications and prices, for Project Glasswing participants.',
      'Cache reads at 0.025× input ($0.25), the lowest ratio of any Claude model.',
      'tool_choice "any" and "tool" return a 400.',
    ],
  },
  {
    id: 'fable-5',
    name: 'Claude Fable 5',
    tier: 'fable',
    status: c('legacy', 'F5'),
    apiId: c('claude-fable-5', 'F5'),
    siblings: c([{ name: 'Claude Mythos 5', apiId: 'claude-mythos-5' }], 'F5', 'same specs and prices, by invitation only'),
    released: c('2026-06-09', 'F5'),
    contextWindow: c(1_000_000, 'F5'),
    maxOutput: c(128_000, 'F5'),
    prices: priceSet((v) => c(v, 'F5'), 10, 50, 12.5, 20, 1),
    batchMultiplier: u(0.5, 'S1', BATCH_RULE),
    usGeo: u(true, 'S10', `${GEO_RULE}; not stated for Fable`),
    tokenizer: u('4.7', 'S1', FABLE_INFERRED),
    minCacheablePrompt: t(512, 'F5-3p'),
    thinking: c('adaptive-only', 'F5', 'adaptive thinking is always on'),
    latency: c('Slower', 'S15-opus-5-5', 'Fable tier label in the current comparison table'),
    replacedBy: 'fable-5-2',
    notes: ['Claude Mythos 5 (claude-mythos-5) has the same specifications and prices, by invitation only.'],
  },
  {
    id: 'opus-5',
    name: 'Claude Opus 5',
    tier: 'opus',
    status: c('legacy', 'O5'),
    apiId: c('claude-opus-5', 'O5'),
    released: c('2026-07-24', 'O5'),
    eolNotBefore: c('2027-07-24', 'O5'),
    contextWindow: c(1_000_000, 'O5', '1M is both the default and the maximum'),
    maxOutput: c(128_000, 'O5'),
    minCacheablePrompt: c(512, 'O5N', "the What's new page (Japanese copy): down from Opus 4.8's 1,024"),
    prices: { ...opus4Prices('S1'), input: c(5, 'O5'), output: c(25, 'O5') },
    thinking: c('adaptive', 'O5', 'thinking is on by default; it can be turned off only at effort high or lower'),
    defaultEffort: c('high', 'O5'),
    replacedBy: 'opus-5-5',
    batchMultiplier: batchHalf,
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', TOKENIZER_NEW),
    toolTokensAuto: c(286, 'S7'),
    toolTokensAny: c(406, 'S7'),
    latency: u('Moderate', 'S15-opus-5-5', LATENCY_TIER),
    notes: [
      'Fast mode is a research preview here (beta header fast-mode-2026-02-01), billed at the fast-mode rates.',
      'Knowledge cutoff May 2026. No web fetch tool; Priority Tier is not supported.',
    ],
  },
  {
    id: 'opus-4-8',
    name: 'Claude Opus 4.8',
    tier: 'opus',
    status: c('legacy', 'S2-opus-4-8'),
    apiId: c('claude-opus-4-8', 'S2-opus-4-8'),
    released: c('2026-05-28', 'S2-opus-4-8'),
    contextWindow: c(1_000_000, 'S2-opus-4-8'),
    maxOutput: c(128_000, 'S2-opus-4-8'),
    prices: opus4Prices('S1'),
    batchMultiplier: batchHalf,
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', TOKENIZER_NEW),
    minCacheablePrompt: c(1024, 'S16'),
    effort: c(['low', 'medium', 'high', 'xhigh', 'max'], 'S2-opus-4-8', 'same API surface as Opus 4.7'),
    thinking: c('adaptive-only', 'S2-opus-4-8', 'same API surface as Opus 4.7'),
    toolTokensAuto: c(290, 'S7'),
    toolTokensAny: c(410, 'S7'),
    latency: u('Moderate', 'S15-opus-5-5', LATENCY_TIER),
    rateLimitPool: 'opus-4x',
    replacedBy: 'opus-5-5',
    notes: ['Fast mode was removed on 2026-11-30: a request with speed "fast" now returns an error. Move fast traffic to Opus 5.5.'],
  },
  {
    id: 'opus-4-7',
    name: 'Claude Opus 4.7',
    tier: 'opus',
    status: c('legacy', 'S15-opus-5-5', 'marked "Legacy (still available)"'),
    apiId: c('claude-opus-4-7', 'S3', 'the dateless id is the pinned snapshot; there is no dated form'),
    bedrockId: c('anthropic.claude-opus-4-7', 'S4', 'inference profiles us. / eu. / global.anthropic.claude-opus-4-7'),
    bedrockProfiles: c(
      ['us.anthropic.claude-opus-4-7', 'eu.anthropic.claude-opus-4-7', 'global.anthropic.claude-opus-4-7'],
      'S4',
    ),
    vertexId: c('claude-opus-4-7', 'S5'),
    released: c('2026-04-16', 'S3', 'Vertex AI lists 2026-04-15', '2026-04-16'),
    eolNotBefore: c('2027-04-16', 'S4', 'AWS and Google Cloud model cards'),
    contextWindow: c(1_000_000, 'S4', 'standard price across the whole window'),
    maxOutput: c(128_000, 'S4'),
    prices: opus4Prices('S1'),
    batchMultiplier: batchHalf,
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', 'first model with the newer tokenizer: ~30% more tokens than Opus 4.6 for the same text'),
    minCacheablePrompt: u(
      4096,
      'S16',
      'docs quoted 2026-06-05 and the Anthropic skill (2026-07-01) say 4,096; LiteLLM and an Oct-2026 third-party article say 2,048',
    ),
    effort: c(['low', 'medium', 'high', 'xhigh', 'max'], 'S3'),
    thinking: c('adaptive-only', 'S3', 'budget_tokens, temperature, top_p and top_k return 400'),
    toolTokensAuto: c(675, 'S7'),
    toolTokensAny: c(804, 'S7'),
    latency: u('Moderate', 'S15-opus-5-5', LATENCY_TIER),
    rateLimitPool: 'opus-4x',
    notes: ['Knowledge cutoff January 2026.', 'Fast mode is not available (requests error).'],
  },
  {
    id: 'opus-4-6',
    name: 'Claude Opus 4.6',
    tier: 'opus',
    status: c('legacy', 'S2-opus-4-6'),
    apiId: c('claude-opus-4-6', 'S2-opus-4-6'),
    bedrockId: t('anthropic.claude-opus-4-6-v1', 'S19', 'seen in public repositories; legacy InvokeModel / Converse'),
    vertexId: c('claude-opus-4-6', 'S19'),
    released: c('2026-02-05', 'S2-opus-4-6'),
    contextWindow: c(1_000_000, 'S2-opus-4-6'),
    maxOutput: c(128_000, 'S2-opus-4-6'),
    prices: opus4Prices('S1'),
    batchMultiplier: batchHalf,
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    minCacheablePrompt: c(4096, 'S16'),
    effort: c(['low', 'medium', 'high', 'max'], 'S14'),
    thinking: c('adaptive', 'S2-opus-4-6', 'budget_tokens is deprecated but still works'),
    toolTokensAuto: c(497, 'S7'),
    toolTokensAny: c(589, 'S7'),
    latency: u('Moderate', 'S15-opus-5-5', LATENCY_TIER),
    rateLimitPool: 'opus-4x',
  },
  {
    id: 'opus-4-5',
    name: 'Claude Opus 4.5',
    tier: 'opus',
    status: c('deprecated', 'SDK', 'SDK 1.13.0 (2026-11-23) marked it deprecated'),
    apiId: c('claude-opus-4-5-20251101', 'S2-opus-4-5'),
    aliases: c(['claude-opus-4-5'], 'S2-opus-4-5'),
    bedrockId: c('anthropic.claude-opus-4-5-20251101-v1:0', 'S19'),
    vertexId: c('claude-opus-4-5@20251101', 'S19'),
    released: c('2025-11-24', 'S2-opus-4-5'),
    retires: u(
      '2027-01-22',
      'SDK',
      "tentative: the end-of-life date in the SDK's deprecated-models table (\"January 22nd, 2027\"); not yet in an Anthropic deprecations page we read",
    ),
    replacedBy: 'opus-5-5',
    contextWindow: c(200_000, 'S2-opus-4-5'),
    maxOutput: c(64_000, 'S2-opus-4-5'),
    prices: opus4Prices('S1'),
    batchMultiplier: batchHalf,
    usGeo: c(false, 'S10', GEO_OLD),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    minCacheablePrompt: c(4096, 'S16'),
    effort: c(['low', 'medium', 'high'], 'S14'),
    thinking: c('extended', 'S2-opus-4-5'),
    toolTokensAuto: c(496, 'S7'),
    toolTokensAny: c(588, 'S7'),
    latency: u('Moderate', 'S15-opus-5-5', LATENCY_TIER),
    rateLimitPool: 'opus-4x',
  },
  {
    id: 'sonnet-5',
    name: 'Claude Sonnet 5',
    tier: 'sonnet',
    status: c('legacy', 'SON5'),
    apiId: c('claude-sonnet-5', 'SON5'),
    released: c('2026-06-30', 'SON5'),
    contextWindow: c(1_000_000, 'SON5'),
    maxOutput: c(128_000, 'SON5'),
    prices: sonnet5Prices('SON5'),
    minCacheablePrompt: c(1024, 'S55N'),
    thinking: c('adaptive', 'SON5', 'adaptive by default; manual extended thinking returns a 400'),
    defaultEffort: c('high', 'SON5'),
    replacedBy: 'sonnet-5-5',
    batchMultiplier: batchHalf,
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('4.7', 'S1', TOKENIZER_NEW),
    latency: u('Fast', 'S15-sonnet-5-5', LATENCY_TIER),
  },
  {
    id: 'sonnet-4-6',
    name: 'Claude Sonnet 4.6',
    tier: 'sonnet',
    status: c('legacy', 'S2-sonnet-4-6'),
    apiId: c('claude-sonnet-4-6', 'S2-sonnet-4-6'),
    bedrockId: t('anthropic.claude-sonnet-4-6', 'S19', 'seen in public repositories'),
    vertexId: c('claude-sonnet-4-6', 'S19'),
    released: c('2026-02-17', 'S2-sonnet-4-6'),
    contextWindow: c(1_000_000, 'S2-sonnet-4-6'),
    maxOutput: u(128_000, 'S2-sonnet-4-6', "128K per Anthropic's docs; 64K in LiteLLM and launch-era third-party pages"),
    prices: sonnet4Prices,
    batchMultiplier: batchHalf,
    usGeo: c(true, 'S10', GEO_RULE),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    minCacheablePrompt: u(
      1024,
      'S16',
      "1,024 per the docs (quoted Feb–Jun 2026); 2,048 per Anthropic's skill (July 2026) and a user report in anthropic-sdk-python#1194",
    ),
    effort: c(['low', 'medium', 'high', 'max'], 'S14', 'max is accepted, xhigh is not'),
    thinking: c('adaptive', 'S2-sonnet-4-6', 'budget_tokens is deprecated but still works'),
    toolTokensAuto: c(497, 'S7'),
    toolTokensAny: c(589, 'S7'),
    latency: u('Fast', 'S15-sonnet-5-5', LATENCY_TIER),
    rateLimitPool: 'sonnet-4x',
  },
  // ── Retired on the Claude API ────────────────────────────────────────────────────────────────────────────
  {
    id: 'sonnet-4-5',
    name: 'Claude Sonnet 4.5',
    tier: 'sonnet',
    status: c('retired-api', 'SDK', 'retired on 2026-11-30; SDK 1.15.0 removed its ids. Amazon Bedrock and Google Cloud dates: not found'),
    apiId: c('claude-sonnet-4-5-20250929', 'S2-sonnet-4-5'),
    aliases: c(['claude-sonnet-4-5'], 'S2-sonnet-4-5'),
    bedrockId: c('anthropic.claude-sonnet-4-5-20250929-v1:0', 'S19'),
    vertexId: c('claude-sonnet-4-5@20250929', 'S19'),
    released: c('2025-09-29', 'S2-sonnet-4-5'),
    retires: c('2026-11-30', 'S2-sonnet-4-5'),
    replacedBy: 'sonnet-5-5',
    contextWindow: c(200_000, 'S2-sonnet-4-5', 'the old 1M beta is gone'),
    maxOutput: c(64_000, 'S2-sonnet-4-5'),
    prices: sonnet4Prices,
    batchMultiplier: batchHalf,
    usGeo: c(false, 'S10', GEO_OLD),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    minCacheablePrompt: c(1024, 'S16'),
    effort: c([], 'S14', 'the effort parameter returns an error'),
    thinking: c('extended', 'S2-sonnet-4-5'),
    toolTokensAuto: c(496, 'S7'),
    toolTokensAny: c(588, 'S7'),
    latency: u('Fast', 'S15-sonnet-5-5', LATENCY_TIER),
  },
  {
    id: 'haiku-4-5',
    name: 'Claude Haiku 4.5',
    tier: 'haiku',
    status: c('legacy', 'S2-haiku-4-5'),
    apiId: c('claude-haiku-4-5-20251001', 'S2-haiku-4-5'),
    aliases: c(['claude-haiku-4-5'], 'S2-haiku-4-5'),
    bedrockId: c('anthropic.claude-haiku-4-5-20251001-v1:0', 'S19'),
    vertexId: c('claude-haiku-4-5@20251001', 'S19'),
    released: c('2025-10-15', 'S2-haiku-4-5'),
    contextWindow: c(200_000, 'S2-haiku-4-5'),
    maxOutput: c(64_000, 'S2-haiku-4-5'),
    prices: priceSet((v) => c(v, 'S1'), 1, 5, 1.25, 2, 0.1),
    batchMultiplier: batchHalf,
    usGeo: c(false, 'S10', GEO_OLD),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    minCacheablePrompt: c(4096, 'S16'),
    effort: c([], 'S14', 'the effort parameter returns an error'),
    thinking: c('extended', 'S2-haiku-4-5', 'no adaptive thinking'),
    toolTokensAuto: c(496, 'S7'),
    toolTokensAny: c(588, 'S7'),
    latency: u('Fastest', 'S15-haiku-5-5', LATENCY_TIER),
    rateLimitPool: 'haiku-4-5',
    notes: ['Knowledge cutoff February 2025.'],
  },
  {
    id: 'opus-4-1',
    name: 'Claude Opus 4.1',
    tier: 'opus',
    status: c('retired-api', 'S1', 'kept on Amazon Bedrock and Google Cloud; SDK 0.116.0 (2026-08-07) removed its ids'),
    apiId: c('claude-opus-4-1-20250805', 'S3'),
    replacedBy: 'opus-5-5',
    released: c('2025-08', 'S3'),
    retires: c('2026-08-05', 'S3', 'retirement date announced in the Anthropic skill of 2026-07-01'),
    contextWindow: c(200_000, 'S3'),
    maxOutput: c(32_000, 'S3'),
    prices: priceSet((v) => c(v, 'S1'), 15, 75, 18.75, 30, 1.5),
    batchMultiplier: batchHalf,
    usGeo: c(false, 'S10', GEO_OLD),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    minCacheablePrompt: c(1024, 'S16'),
    thinking: c('extended', 'S3'),
    toolTokensAuto: c(313, 'S7'),
    toolTokensAny: c(315, 'S7'),
    latency: u('Moderate', 'S15-opus-5-5', LATENCY_TIER),
  },
  {
    id: 'haiku-3-5',
    name: 'Claude Haiku 3.5',
    tier: 'haiku',
    status: c('retired-api', 'S3', 'a 2026-10-17 copy of the rate-limits page says "retired, except on Google Cloud", so it may be gone from Amazon Bedrock too'),
    apiId: c('claude-3-5-haiku-20241022', 'S3'),
    replacedBy: 'haiku-5-5',
    released: c('2024-10', 'S3'),
    retires: c('2026-02-19', 'S3', 'retired on the Claude API'),
    contextWindow: c(200_000, 'S3'),
    prices: priceSet((v) => c(v, 'S1', 'Bedrock / Google Cloud only'), 0.8, 4, 1, 1.6, 0.08),
    batchMultiplier: batchHalf,
    usGeo: c(false, 'S10', GEO_OLD),
    tokenizer: c('pre-4.7', 'S1', TOKENIZER_OLD),
    thinking: c('none', 'S3'),
    latency: u('Fastest', 'S15-haiku-5-5', LATENCY_TIER),
    notes: ['Cache reads counted towards ITPM on this model, unlike current models.'],
  },
];

/** The day the figures of this file were last checked against their sources (shown as "last verified" on /models/). */
export const LAST_CHECKED = '2026-12-03';

/** The day this build was made (YYYY-MM-DD, UTC); the footer states it. */
export const BUILD_DATE = buildDate();

/** The models with their status on the build date: a passed retirement date makes a model retired everywhere. */
export const models: Catalogue['models'] = withStatusOn(declaredModels, BUILD_DATE);

/**
 * Ids the SDK names that have no public price list, so no full entry: lookups know them, and so does the drift test.
 */
export const unpriced: Catalogue['unpriced'] = withStatusOn<Catalogue['unpriced'][number]>(
  [
  {
    apiId: 'claude-mythos-preview',
    name: 'Claude Mythos Preview',
    status: c('deprecated', 'SDK', 'listed in the SDK\'s deprecated-models table; the SDK warns when it is used'),
    retires: c('2026-06-30', 'SDK', 'the SDK\'s deprecation date ("June 30th, 2026")'),
    replacedBy: 'fable-5-2',
    why: 'a research preview for invited organisations; no public price list, so the guide does not price it',
  },
  // Retired before this catalogue was written: kept so a 404 naming them says when they retired and what replaces
  // them. Not priced (nothing can be bought on the Claude API any more).
  {
    apiId: 'claude-sonnet-4-20250514',
    name: 'Claude Sonnet 4',
    aliases: ['claude-sonnet-4-0'],
    status: c('retired-api', 'SDK-RET', 'deprecated 2026-04-14 (SDK 0.89.0); its ids left the SDK on the retirement day'),
    retires: c('2026-06-15', 'SDK-RET', 'the SDK\'s end-of-life date ("June 15th, 2026"); a third-party copy of the release notes (RET-3p) gives the same day'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API on 2026-06-15, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-opus-4-20250514',
    name: 'Claude Opus 4',
    aliases: ['claude-opus-4-0'],
    status: c('retired-api', 'SDK-RET', 'deprecated 2026-04-14 (SDK 0.89.0); its ids left the SDK on the retirement day'),
    retires: c('2026-06-15', 'SDK-RET', 'the SDK\'s end-of-life date ("June 15th, 2026"); a third-party copy of the release notes (RET-3p) gives the same day'),
    replacedBy: 'opus-5-5',
    why: 'retired on the Claude API on 2026-06-15, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-3-7-sonnet-20250219',
    name: 'Claude Sonnet 3.7',
    aliases: ['claude-3-7-sonnet-latest'],
    status: c('deprecated', 'DEP', 'deprecated 2025-10-28'),
    retires: c('2026-02-19', 'DEP', 'the tentative retirement date in the model status table'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API on 2026-02-19, before this catalogue; listed only so a 404 for it is explained',
  },
  // The Claude 3 and 3.5 families and older, retired before this catalogue (Claude Haiku 3.5 has a full entry above).
  // Dates from Anthropic's deprecations page where a copy of it shows them (DEP-25); otherwise from third parties,
  // marked uncertain where those disagree. Replacements are the current model of the same tier.
  {
    apiId: 'claude-3-opus-20240229',
    name: 'Claude Opus 3',
    status: c('deprecated', 'DEP-25', 'deprecated 2025-06-30'),
    retires: c('2026-01-05', 'DEP-25', 'the retirement date in the model status table ("2026年1月5日")'),
    replacedBy: 'opus-5-5',
    why: 'retired on the Claude API on 2026-01-05, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-3-sonnet-20240229',
    name: 'Claude Sonnet 3',
    status: c('retired-api', 'DEP-25', 'deprecated 2025-01-21; retired in the model status table'),
    retires: c('2025-07-21', 'DEP-25', 'the retirement date in the model status table ("2025年7月21日")'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API on 2025-07-21, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-3-5-sonnet-20240620',
    name: 'Claude Sonnet 3.5 (June 2024)',
    status: t('retired-api', 'S35-3p', 'deprecated 2025-08-13 (S35-GL)'),
    retires: u('2025-10-28', 'S35-3p', 'third-party copies say both Sonnet 3.5 snapshots stopped working on 2025-10-28; a GitLab issue quoting Anthropic\'s notice (S35-GL) gives 2025-10-22; not read on Anthropic\'s own page'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API in October 2025, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-3-5-sonnet-20241022',
    name: 'Claude Sonnet 3.5 (October 2024)',
    status: t('retired-api', 'S35-3p', 'deprecated 2025-08-13 with the June snapshot'),
    retires: u('2025-10-28', 'S35-3p', 'third-party copies say both Sonnet 3.5 snapshots stopped working on 2025-10-28; a GitLab issue quoting Anthropic\'s notice (S35-GL) gives 2025-10-22 for the June snapshot; not read on Anthropic\'s own page'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API in October 2025, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-3-haiku-20240307',
    name: 'Claude Haiku 3',
    status: t('retired-api', 'H3-3p', 'deprecation announced in February 2026, with at least 60 days\' notice'),
    retires: u('2026-04-20', 'H3-3p-b', 'April 20, 2026 in a third-party report that requests failed from that day and in the 2026-09-26 copy of Anthropic\'s deprecations page; another third-party guide (H3-3p) gives April 19'),
    replacedBy: 'haiku-5-5',
    why: 'retired on the Claude API in April 2026, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-2.1',
    name: 'Claude 2.1',
    status: c('retired-api', 'DEP-25', 'deprecated 2025-01-21; retired in the model status table'),
    retires: c('2025-07-21', 'DEP-25', 'the retirement date in the model status table ("2025年7月21日")'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API on 2025-07-21, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-2.0',
    name: 'Claude 2.0',
    status: c('retired-api', 'DEP-25', 'deprecated 2025-01-21; retired in the model status table'),
    retires: c('2025-07-21', 'DEP-25', 'the retirement date in the model status table ("2025年7月21日")'),
    replacedBy: 'sonnet-5-5',
    why: 'retired on the Claude API on 2025-07-21, before this catalogue; listed only so a 404 for it is explained',
  },
  {
    apiId: 'claude-instant-1.2',
    name: 'Claude Instant 1.2',
    status: c('retired-api', 'DEP-25', 'deprecated 2024-09-04; retired in the model status table'),
    retires: c('2024-11-06', 'DEP-25', 'the retirement date in the model status table ("2024年11月6日")'),
    replacedBy: 'haiku-5-5',
    why: 'retired on the Claude API on 2024-11-06, before this catalogue; listed only so a 404 for it is explained',
  },
  ],
  BUILD_DATE,
);

export const facts: Catalogue['facts'] = {
  multipliers: {
    cacheWrite5m: { ...c(1.25, 'S1', 'of base input'), unit: 'multiplier' },
    cacheWrite1h: { ...c(2, 'S1', 'of base input'), unit: 'multiplier' },
    cacheRead: {
      ...c(0.1, 'S1', 'of base input; Opus 5.5 reads at 0.05×, Sonnet 5.5 probably at 0.05× since 2026-10-07, Fable 5.1 at 0.025×'),
      unit: 'multiplier',
    },
    cacheReadFable51: { ...c(0.025, 'S1'), unit: 'multiplier' },
    cacheReadOpus55: { ...c(0.05, 'S15-opus-5-5'), unit: 'multiplier' },
    cacheReadSonnet55: {
      ...u(0.05, 'S55N', "since 2026-10-07 per Anthropic's What's new page; an older overview copy shows 0.1× ($0.20)"),
      unit: 'multiplier',
    },
    batch: { ...c(0.5, 'S1', '50% off input and output; stacks with cache multipliers and data residency'), unit: 'multiplier' },
    usGeo: { ...c(1.1, 'S1', 'inference_geo "us", every token category, Claude 4.6 and later'), unit: 'multiplier' },
    cloudRegional: {
      ...c(1.1, 'S1', 'Bedrock / Google Cloud regional and multi-region endpoints over global, Sonnet 4.5, Haiku 4.5, Opus 4.5 and later'),
      unit: 'multiplier',
    },
  },
  breakEven: {
    reads5m: { ...c(1, 'S1', 'one cache read pays back a 5-minute cache write'), unit: 'reads' },
    reads1h: { ...c(2, 'S1', 'two cache reads pay back a 1-hour cache write'), unit: 'reads' },
  },
  tokenizerInflation: { ...c(0.3, 'S1', 'Claude 4.7 and later count about 30% more tokens for the same text'), unit: 'fraction' },
  spendCaps: {
    start: { ...c(500, 'S9'), unit: 'usd-per-month' },
    build: { ...c(1000, 'S9'), unit: 'usd-per-month' },
    scale: { ...c(200_000, 'S9'), unit: 'usd-per-month' },
    custom: { ...c('none (set with the account team)', 'S9'), unit: 'text' },
  },
  rateLimitScheme: {
    newTiersSince: { ...c('2026-06-26', 'S9', 'Start / Build / Scale, plus Custom and Evaluation'), unit: 'date' },
    oldTablesAsOf: { ...c('2026-06-21', 'S17', 'last copy of the Tier 1–4 tables'), unit: 'date' },
    opusRaise: { ...c('2026-05', 'S17', 'Opus 4.x limits raised above Sonnet 4.x'), unit: 'text' },
  },
  requestSizeLimits: {
    messages: { ...c(32, 'S8'), unit: 'mb' },
    countTokens: { ...c(32, 'S8'), unit: 'mb' },
    batch: { ...c(256, 'S8'), unit: 'mb' },
    files: { ...c(500, 'S8'), unit: 'mb' },
  },
  sdkDefaults: {
    maxRetries: { ...c(2, 'S3', 'retries 408, 409, 429, 5xx and connection errors'), unit: 'count' },
    timeoutMinutes: { ...c(10, 'S3'), unit: 'minutes' },
    apiVersion: {
      ...c('2026-10-21', 'S18', 'sent by the TypeScript SDK 1.0 and later only; the Python SDK 1.x still sends 2023-06-01'),
      unit: 'text',
    },
  },
  apiVersions: {
    latest: { ...c('2026-10-21', 'VER', 'the first new anthropic-version since 2023-06-01'), unit: 'text' },
    previous: { ...c('2023-06-01', 'VER'), unit: 'text' },
    typescriptSdk: { ...c('2026-10-21', 'SDK', 'sent by @anthropic-ai/sdk 1.0 and later (1.16 client.js)'), unit: 'text' },
    pythonSdk1x: { ...c('2023-06-01', 'PY', 'anthropic 1.13.0 _constants.py: ANTHROPIC_API_VERSION = "2023-06-01"'), unit: 'text' },
    pythonSdk2x: { ...t('2026-10-21', 'VER', 'Python SDK 2.0.0 and later, per third-party migration guides'), unit: 'text' },
    rejects: {
      ...c(
        'temperature, top_p and top_k (even at their default values); a document block in an assistant message; a user text block with non-empty citations',
        'VER',
        'each returns a 400 on 2026-10-21',
      ),
      unit: 'text',
    },
    observedMessage: {
      ...t('temperature: Extra inputs are not permitted', 'VER', 'the 400 message reported for temperature on 2026-10-21'),
      unit: 'text',
    },
    bedrock: { ...c('Claude 4.7 and later only', 'VER', 'on Amazon Bedrock, 2026-10-21 works only for these models'), unit: 'text' },
  },
  rateLimitsApi: {
    endpoint: { ...c('GET /v1/organizations/rate_limits', 'WSRL', 'official Admin API; each entry lists the models of its pool'), unit: 'text' },
    workspaceEndpoint: { ...c('GET /v1/organizations/workspaces/{workspace_id}/rate_limits', 'WSRL'), unit: 'text' },
    sdkMethod: { ...c('client.organization.rateLimits.list()', 'SDK'), unit: 'text' },
  },
  workspaceLimits: {
    itpmCountsCacheReads: {
      ...c(
        'yes: input_tokens_per_minute counts every input token, cache reads included; only input_tokens_per_minute_cache_aware leaves them out',
        'WSRL',
      ),
      unit: 'text',
    },
    takesEffect: { ...c('within about an hour', 'WSRL'), unit: 'text' },
  },
  cloudBatch: {
    vertex: {
      ...c('yes: Vertex AI batch prediction supports Claude, including Sonnet 5.5, Opus 5.5 and Fable 5.2', 'VXB', '4 concurrent batch jobs per project by default'),
      unit: 'text',
    },
  },
  batchLimits: {
    maxRequests: { ...c(100_000, 'S17', 'requests per batch'), unit: 'count' },
    maxMb: { ...c(256, 'S8', 'per batch'), unit: 'mb' },
    resultsRetentionDays: {
      ...c(29, 'BATCH', 'counted from the batch\'s creation; after that the batch is still listed but its results can no longer be downloaded'),
      unit: 'days',
    },
    expiresAfterHours: {
      ...c(24, 'BATCH', 'a batch whose processing has not finished by then expires; its unfinished requests come back as expired'),
      unit: 'hours',
    },
    typicalCompletion: {
      ...c('less than 1 hour', 'BATCH', "Anthropic's own statement of how long most batches take; under heavy load processing can slow"),
      unit: 'text',
    },
  },
  preservedThinking: {
    prefixCheckDefaultSince: {
      ...c(
        '2026-08-31',
        'PT',
        'accounts created on or after 2026-08-31 00:00 UTC: a thinking block whose earlier history (system, tools, messages) was edited returns a 400 by default; older accounts get the check only when a request sets thinking.block_binding.prefix_mismatch_behavior',
      ),
      unit: 'date',
    },
  },
  betaHeaders: {
    thinkingBindingControls: {
      ...c(
        'thinking-binding-controls-2026-08-01',
        'SDK',
        'SDK 1.16 types: required for thinking.block_binding (prefix_mismatch_behavior "drop_block" drops the invalid blocks instead of a 400) and for input_transformations in the response',
      ),
      unit: 'text',
    },
    serverSideFallback: {
      ...u(
        'server-side-fallback-2026-07-01',
        'SDK',
        "copies disagree: SDK 1.16 documents the fallbacks rules under -2026-07-01, Anthropic's fallback-credit page and older copies name server-side-fallback-2026-06-01, and the SDK's beta list accepts both",
      ),
      unit: 'text',
    },
    fallbackCredit: {
      ...u(
        'fallback-credit-2026-07-01',
        'SDK',
        "copies disagree: SDK 1.16's fallback middleware sends -2026-07-01 by default, Anthropic's fallback-credit page says fallback-credit-2026-06-01, the SDK's beta list accepts both, and Amazon Bedrock documents fallback-credit-2026-06-09",
      ),
      unit: 'text',
    },
    fallbackCreditBedrock: {
      ...c(
        'fallback-credit-2026-06-09',
        'AWS-FBC',
        'in the anthropic_beta array of both the refused request and the retry; a different date from the Claude API headers',
      ),
      unit: 'text',
    },
  },
  cache: {
    maxBreakpoints: { ...c(4, 'S3'), unit: 'count' },
  },
  fastMode: {
    input: { ...c(10, 'S1', 'Opus 5 fast mode (research preview); Opus 4.8 had the same rate until its fast mode was removed on 2026-11-30'), unit: 'usd-per-mtok' },
    output: { ...c(50, 'S1', 'Opus 5 fast mode (research preview); Opus 4.8 had the same rate until its fast mode was removed on 2026-11-30'), unit: 'usd-per-mtok' },
    opus55Input: { ...c(8, 'S1-0926', "2× standard; the pricing page's fast-mode table when it was a research preview (not re-read since it went GA)"), unit: 'usd-per-mtok' },
    opus55Output: { ...c(40, 'S1-0926', "2× standard; the pricing page's fast-mode table when it was a research preview (not re-read since it went GA)"), unit: 'usd-per-mtok' },
    fable52Input: { ...t(16, 'F52F-3p', "2× standard; only third parties give the Claude API rate (Google Cloud's Fable 5.2 page bills fast mode there at 2× every token type)"), unit: 'usd-per-mtok' },
    fable52Output: { ...t(80, 'F52F-3p', "2× standard; only third parties give the Claude API rate (Google Cloud's Fable 5.2 page bills fast mode there at 2× every token type)"), unit: 'usd-per-mtok' },
    generallyAvailable: { ...c('Opus 5.5, Fable 5.2 and Mythos 5.2', 'FAST', 'no beta header needed'), unit: 'text' },
    researchPreview: { ...c('Opus 5 (beta header fast-mode-2026-02-01)', 'FAST'), unit: 'text' },
    platforms: {
      ...c('Claude API, Google Cloud, and Microsoft Foundry (Opus 5.5 on Azure-hosted deployments)', 'FAST', 'no longer Claude-API-only'),
      unit: 'text',
    },
    opus48RemovedOn: { ...c('2026-11-30', 'FAST', 'requests to claude-opus-4-8 with speed "fast" return an error'), unit: 'date' },
    opus47RemovedOn: { ...c('2026-07-24', 'FAST'), unit: 'date' },
  },
  serverTools: {
    webSearchPer1000: { ...c(10, 'S1', 'web fetch is free'), unit: 'usd-per-1000' },
  },
  longContext: {
    oldPremiumAbove: { ...c(200_000, 'S1', 'history: Sonnet 4/4.5 1M beta and the Feb–Mar 2026 beta for 4.6 models'), unit: 'tokens' },
    oldInputMultiplier: { ...c(2, 'S1', 'history: whole request, prompts over 200K'), unit: 'multiplier' },
    oldOutputMultiplier: { ...c(1.5, 'S1', 'history: whole request, prompts over 200K'), unit: 'multiplier' },
  },
  dataResidency: {
    cloudRegionalPremium: { ...c(0.1, 'S1', 'regional and multi-region endpoints on Bedrock / Google Cloud'), unit: 'fraction' },
  },
};

export const rateLimits: Catalogue['rateLimits'] = {
  note: 'The Tier 1–4 tables are the last published old-scheme limits (copy of 2026-06-21, after the May 2026 Opus raise); they cover the 4.x pools only. Since 2026-06-26 the tiers are Start / Build / Scale. A third-party copy of the rate-limits page read on 2026-10-17 lists per-model tables for the new tiers, Opus 5.5, Sonnet 5.5 and Haiku 5.5 among them, but the only figures we could read from it are the Fable 5.x ones. Read your own limits with the Rate Limits API (GET /v1/organizations/rate_limits) or the anthropic-ratelimit-* response headers.',
  tiers: [
    { id: 'tier-1', name: 'Tier 1', deposit: c(5, 'S17') },
    { id: 'tier-2', name: 'Tier 2', deposit: c(40, 'S17') },
    { id: 'tier-3', name: 'Tier 3', deposit: c(200, 'S17') },
    { id: 'tier-4', name: 'Tier 4', deposit: c(400, 'S17') },
  ],
  pools: {
    'opus-4x': {
      name: 'Opus 4.x (4.8, 4.7, 4.6, 4.5)',
      models: ['opus-4-8', 'opus-4-7', 'opus-4-6', 'opus-4-5'],
      limits: {
        'tier-1': c({ rpm: 50, itpm: 500_000, otpm: 80_000 }, 'S17'),
        'tier-2': c({ rpm: 1000, itpm: 2_000_000, otpm: 200_000 }, 'S17'),
        'tier-3': c({ rpm: 2000, itpm: 5_000_000, otpm: 400_000 }, 'S17'),
        'tier-4': c({ rpm: 4000, itpm: 10_000_000, otpm: 800_000 }, 'S17'),
      },
    },
    'sonnet-4x': {
      name: 'Sonnet 4.x (4.6, 4.5)',
      models: ['sonnet-4-6', 'sonnet-4-5'],
      limits: {
        'tier-1': c({ rpm: 50, itpm: 30_000, otpm: 8_000 }, 'S17'),
        'tier-2': c({ rpm: 1000, itpm: 450_000, otpm: 90_000 }, 'S17'),
        'tier-3': c({ rpm: 2000, itpm: 800_000, otpm: 160_000 }, 'S17'),
        'tier-4': c({ rpm: 4000, itpm: 2_000_000, otpm: 400_000 }, 'S17'),
      },
    },
    'haiku-4-5': {
      name: 'Haiku 4.5',
      models: ['haiku-4-5'],
      limits: {
        'tier-1': c({ rpm: 50, itpm: 50_000, otpm: 10_000 }, 'S17'),
        'tier-2': c({ rpm: 1000, itpm: 450_000, otpm: 90_000 }, 'S17'),
        'tier-3': c({ rpm: 2000, itpm: 1_000_000, otpm: 200_000 }, 'S17'),
        'tier-4': c({ rpm: 4000, itpm: 4_000_000, otpm: 800_000 }, 'S17'),
      },
    },
  },
  opusBeforeMay2026: {
    'tier-1': c({ rpm: 50, itpm: 30_000, otpm: 8_000 }, 'S17', 'same as Sonnet 4.x before the May 2026 raise'),
    'tier-4': c({ rpm: 4000, itpm: 2_000_000, otpm: 400_000 }, 'S17', 'same as Sonnet 4.x before the May 2026 raise'),
  },
  fableNewScheme: {
    start: t({ rpm: 1000, itpm: 500_000, otpm: 100_000 }, 'S9-3p'),
    scale: t({ rpm: 4000, itpm: 4_000_000, otpm: 800_000 }, 'S9-3p'),
  },
};

/** The whole catalogue, as validated by src/schemas/catalogue.ts. */
export const catalogue: Catalogue = { sources, models, unpriced, facts, rateLimits };
