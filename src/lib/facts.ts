/**
 * Formats catalogue figures for prose (<Fact>) and tables: one place decides how a price, a window or a date reads.
 */
import { getFact, getModel, STATUS_LABEL, THINKING_LABEL, TOKENIZER_LABEL, type CatalogueModel, type Figure } from './catalogue.ts';
import type { Confidence, FactUnit } from '../schemas/catalogue.ts';
import { formatInt, formatMultiplier, formatNumber, formatPercent, formatPricePerMTok, formatTokens, formatUsd } from './format.ts';

export const MODEL_FIELDS = [
  'name',
  'apiId',
  'input',
  'output',
  'cacheWrite5m',
  'cacheWrite1h',
  'cacheRead',
  'batchInput',
  'batchOutput',
  'contextWindow',
  'maxOutput',
  'released',
  'retires',
  'minCacheablePrompt',
  'toolTokensAuto',
  'toolTokensAny',
  'status',
  'bedrockId',
  'bedrockProfiles',
  'vertexId',
  'eolNotBefore',
  'tokenizer',
  'latency',
  'thinking',
  'effort',
  'defaultEffort',
  'usGeo',
] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];

/** A figure ready to render: display text, bare value, and provenance (absent for the display name). */
export interface RenderedFigure {
  text: string;
  raw: string;
  figure?: Figure<unknown>;
}

const RANK: Record<Confidence, number> = { confirmed: 0, 'third-party': 1, uncertain: 2 };
/** The weaker of two confidence marks. */
export function weaker(a: Confidence, b: Confidence): Confidence {
  return RANK[a] >= RANK[b] ? a : b;
}

function rawNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function need<T>(model: CatalogueModel, field: string, f: Figure<T> | undefined): Figure<T> {
  if (!f)
    throw new Error(`The catalogue has no "${field}" for model "${model.id}" (no source gives it). Leave the figure out of the text.`);
  return f;
}

/** One model field as text; throws naming the model and field when the catalogue has no such figure. */
export function modelFigure(modelId: string, field: ModelField): RenderedFigure {
  const m = getModel(modelId);
  const price = (f: Figure<number>): RenderedFigure => ({ text: formatPricePerMTok(f.value), raw: rawNumber(f.value), figure: f });
  const tokens = (f: Figure<number> | undefined): RenderedFigure => {
    const g = need(m, field, f);
    return { text: formatTokens(g.value), raw: String(g.value), figure: g };
  };
  const text = (f: Figure<string> | undefined, label?: (v: string) => string): RenderedFigure => {
    const g = need(m, field, f);
    return { text: label ? label(g.value) : g.value, raw: g.value, figure: g };
  };
  switch (field) {
    case 'name':
      return { text: m.name, raw: m.name };
    case 'input':
    case 'output':
    case 'cacheWrite5m':
    case 'cacheWrite1h':
    case 'cacheRead':
      return price(m.prices[field]);
    case 'batchInput':
    case 'batchOutput': {
      const base = field === 'batchInput' ? m.prices.input : m.prices.output;
      const mult = need(m, 'batchMultiplier', m.batchMultiplier);
      const value = base.value * mult.value;
      const fig: Figure<number> = {
        value,
        source: base.source,
        asOf: base.asOf,
        confidence: weaker(base.confidence, mult.confidence),
        note: [base.note, mult.confidence !== 'confirmed' ? mult.note : undefined].filter(Boolean).join('; ') || undefined,
      };
      return price(fig);
    }
    case 'contextWindow':
    case 'maxOutput':
    case 'minCacheablePrompt':
    case 'toolTokensAuto':
    case 'toolTokensAny':
      return tokens(m[field]);
    case 'released':
    case 'retires':
    case 'eolNotBefore':
    case 'apiId':
    case 'bedrockId':
    case 'vertexId':
    case 'latency':
    case 'defaultEffort':
      return text(m[field]);
    case 'status':
      return text(m.status, (v) => STATUS_LABEL[v as keyof typeof STATUS_LABEL]);
    case 'tokenizer':
      return text(m.tokenizer, (v) => TOKENIZER_LABEL[v as keyof typeof TOKENIZER_LABEL]);
    case 'thinking':
      return text(m.thinking, (v) => THINKING_LABEL[v as keyof typeof THINKING_LABEL]);
    case 'bedrockProfiles': {
      const g = need(m, field, m.bedrockProfiles);
      return { text: g.value.join(', '), raw: g.value.join(','), figure: g };
    }
    case 'effort': {
      const g = need(m, field, m.effort);
      const t = g.value.length ? g.value.join(', ') : 'not supported (the parameter returns an error)';
      return { text: t, raw: g.value.join(','), figure: g };
    }
    case 'usGeo': {
      const g = m.usGeo;
      return { text: g.value ? 'allowed (1.1× price)' : 'not allowed (400 error)', raw: String(g.value), figure: g };
    }
    default:
      throw new Error(`<Fact> field "${String(field)}" is not one of: ${MODEL_FIELDS.join(', ')}.`);
  }
}

/** Formats a non-model fact value by its unit. */
export function formatFactValue(value: number | string, unit: FactUnit): string {
  if (typeof value === 'string') return value;
  const usd = Number.isInteger(value) ? `$${formatInt(value)}` : formatUsd(value);
  switch (unit) {
    case 'usd':
      return usd;
    case 'usd-per-month':
      return `${usd} / month`;
    case 'usd-per-mtok':
      return formatPricePerMTok(value);
    case 'usd-per-1000':
      return `${usd} / 1,000`;
    case 'multiplier':
      return formatMultiplier(value);
    case 'fraction':
      return formatPercent(value, 0);
    case 'tokens':
      return formatTokens(value);
    case 'count':
      return formatInt(value);
    case 'reads':
      return value === 1 ? '1 read' : `${formatNumber(value)} reads`;
    case 'mb':
      return `${formatInt(value)} MB`;
    case 'minutes':
      return `${formatNumber(value)} minutes`;
    case 'hours':
      return `${formatNumber(value)} hours`;
    case 'days':
      return `${formatNumber(value)} days`;
    case 'date':
    case 'text':
      return String(value);
  }
}

/** A non-model fact by key path, e.g. `spendCaps.build` → "$1,000.00 / month". */
export function factFigure(key: string): RenderedFigure {
  const f = getFact(key);
  return { text: formatFactValue(f.value, f.unit), raw: typeof f.value === 'number' ? rawNumber(f.value) : f.value, figure: f };
}

/** A labelled figure in a table, for the footnotes under it. */
export interface MarkedFigure {
  label: string;
  figure: Figure<unknown>;
}

/** The explanation of one non-confirmed figure group: which figures, their mark, note, source and date. */
export interface FigureNote {
  labels: string[];
  confidence: Confidence;
  note: string | undefined;
  source: string;
  asOf: string;
}

/** Groups the non-confirmed figures of a table by (mark, note, source) so each explanation is printed once. */
export function collectNotes(items: MarkedFigure[]): FigureNote[] {
  const out = new Map<string, FigureNote>();
  for (const { label, figure } of items) {
    if (figure.confidence === 'confirmed') continue;
    const key = `${figure.confidence}|${figure.note ?? ''}|${figure.source}|${figure.asOf}`;
    const hit = out.get(key);
    if (hit) hit.labels.push(label);
    else out.set(key, { labels: [label], confidence: figure.confidence, note: figure.note, source: figure.source, asOf: figure.asOf });
  }
  return [...out.values()];
}

/** Readable names of the non-model fact groups, in the order /models/ lists them. */
export const FACT_GROUP_LABEL: Record<string, string> = {
  multipliers: 'Price multipliers',
  breakEven: 'Cache break-even',
  tokenizerInflation: 'Tokenizer',
  fastMode: 'Fast mode',
  serverTools: 'Server tools',
  longContext: 'Long context (history)',
  dataResidency: 'Data residency',
  spendCaps: 'Monthly spend caps by tier',
  rateLimitScheme: 'Rate-limit tiers',
  rateLimitsApi: 'Rate Limits API',
  workspaceLimits: 'Workspace rate limits',
  requestSizeLimits: 'Request size limits',
  batchLimits: 'Message Batches',
  cloudBatch: 'Batch on the clouds',
  cache: 'Prompt caching',
  sdkDefaults: 'SDK defaults',
  apiVersions: 'API versions',
  preservedThinking: 'Preserved thinking',
  betaHeaders: 'Beta headers',
};

/** Readable name of every non-model fact (tests/unit/catalogue.test.ts checks that each fact has one). */
export const FACT_LABEL: Record<string, string> = {
  'multipliers.cacheWrite5m': '5-minute cache write',
  'multipliers.cacheWrite1h': '1-hour cache write',
  'multipliers.cacheRead': 'Cache read',
  'multipliers.cacheReadFable51': 'Cache read, Fable 5.1',
  'multipliers.cacheReadOpus55': 'Cache read, Opus 5.5',
  'multipliers.cacheReadSonnet55': 'Cache read, Sonnet 5.5',
  'multipliers.batch': 'Message Batches discount',
  'multipliers.usGeo': 'US-only inference (inference_geo "us")',
  'multipliers.cloudRegional': 'Regional endpoints on Bedrock / Google Cloud',
  'breakEven.reads5m': 'Reads that pay back a 5-minute write',
  'breakEven.reads1h': 'Reads that pay back a 1-hour write',
  tokenizerInflation: 'Extra tokens with the newer tokenizer',
  'fastMode.input': 'Opus 5 fast mode, input',
  'fastMode.output': 'Opus 5 fast mode, output',
  'fastMode.opus55Input': 'Opus 5.5 fast mode, input',
  'fastMode.opus55Output': 'Opus 5.5 fast mode, output',
  'fastMode.fable52Input': 'Fable 5.2 fast mode, input',
  'fastMode.fable52Output': 'Fable 5.2 fast mode, output',
  'fastMode.generallyAvailable': 'Generally available on',
  'fastMode.researchPreview': 'Research preview on',
  'fastMode.platforms': 'Platforms',
  'fastMode.opus48RemovedOn': 'Removed from Opus 4.8 on',
  'fastMode.opus47RemovedOn': 'Removed from Opus 4.7 on',
  'serverTools.webSearchPer1000': 'Web search',
  'longContext.oldPremiumAbove': 'Old long-context premium above',
  'longContext.oldInputMultiplier': 'Old long-context input multiplier',
  'longContext.oldOutputMultiplier': 'Old long-context output multiplier',
  'dataResidency.cloudRegionalPremium': 'Regional endpoint premium',
  'spendCaps.start': 'Start',
  'spendCaps.build': 'Build',
  'spendCaps.scale': 'Scale',
  'spendCaps.custom': 'Custom',
  'rateLimitScheme.newTiersSince': 'Start / Build / Scale tiers since',
  'rateLimitScheme.oldTablesAsOf': 'Last copy of the Tier 1–4 tables',
  'rateLimitScheme.opusRaise': 'Opus 4.x limits raised',
  'rateLimitsApi.endpoint': 'Organisation limits',
  'rateLimitsApi.workspaceEndpoint': 'Workspace limits',
  'rateLimitsApi.sdkMethod': 'TypeScript SDK method',
  'workspaceLimits.itpmCountsCacheReads': 'Does input_tokens_per_minute count cache reads?',
  'workspaceLimits.takesEffect': 'A change takes effect',
  'requestSizeLimits.messages': 'Messages API request',
  'requestSizeLimits.countTokens': 'Token counting request',
  'requestSizeLimits.batch': 'Message Batches request',
  'requestSizeLimits.files': 'Files API upload',
  'batchLimits.maxRequests': 'Requests per batch',
  'batchLimits.maxMb': 'Size of a batch',
  'batchLimits.resultsRetentionDays': 'Results downloadable for',
  'batchLimits.expiresAfterHours': 'A batch expires after',
  'batchLimits.typicalCompletion': 'Most batches finish in',
  'preservedThinking.prefixCheckDefaultSince': 'Edited-history check on by default for accounts created from',
  'betaHeaders.thinkingBindingControls': 'Thinking-block binding controls (drop_block)',
  'betaHeaders.serverSideFallback': 'Server-side fallbacks',
  'betaHeaders.fallbackCredit': 'Fallback credit (Claude API)',
  'betaHeaders.fallbackCreditBedrock': 'Fallback credit (Amazon Bedrock)',
  'cloudBatch.vertex': 'Vertex AI batch prediction',
  'cache.maxBreakpoints': 'Cache breakpoints per request',
  'sdkDefaults.maxRetries': 'Retries',
  'sdkDefaults.timeoutMinutes': 'Request timeout',
  'sdkDefaults.apiVersion': 'API version sent by the TypeScript SDK',
  'apiVersions.latest': 'Latest API version',
  'apiVersions.previous': 'Previous API version',
  'apiVersions.typescriptSdk': 'Sent by the TypeScript SDK 1.x',
  'apiVersions.pythonSdk1x': 'Sent by the Python SDK 1.x',
  'apiVersions.pythonSdk2x': 'Sent by the Python SDK 2.x',
  'apiVersions.rejects': 'What 2026-10-21 rejects',
  'apiVersions.observedMessage': 'Reported message for temperature',
  'apiVersions.bedrock': 'On Amazon Bedrock',
};

/** Readable name of a fact key; the key itself only if someone forgot to add one (a test catches that). */
export const factLabel = (key: string) => FACT_LABEL[key] ?? key;
