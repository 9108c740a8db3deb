/** The one row type every usage/cost format is normalised to, and the report the tool shows. Pure types. */

/** Token categories the pricing engine bills separately. */
export const TOKEN_TYPES = ['input', 'write5m', 'write1h', 'read', 'output'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type Tokens = Record<TokenType, number>;

/** Reported money also has a bucket for what is not a token (web search, code execution). */
export type CostType = TokenType | 'other';

export type ServiceTier = 'standard' | 'batch' | 'priority' | 'other';

/**
 * The prompt-size band of a row. `req:<above>` — per-request logs: the engine's prompt tier (the `above` of the tier
 * that applied, or -1 for base prices), plus `:lc` when the prompt was over 200,000 tokens. `cw:lo` / `cw:hi` —
 * aggregated exports: the `context_window` column ("0-200k" / "200k-1M"); `cw:?` when the file does not say.
 */
export type Band = string;

/** One normalised row: usage (tokens) and/or reported cost, for one (day, model, workspace, key, tier, geo, band). */
export interface UsageRow {
  day: string; // YYYY-MM-DD (UTC) or 'unknown'
  model: string; // as the file wrote it
  workspace: string;
  apiKey: string;
  tier: ServiceTier;
  geo: 'global' | 'us';
  band: Band;
  fast: boolean;
  tokens?: Partial<Tokens>;
  webSearches?: number;
  requests?: number;
  /** Reported charge in USD (already converted from cents where the format uses cents), by cost type. */
  reportedUsd?: number;
  reportedListUsd?: number;
  costType?: CostType;
}

export interface SkipReason {
  reason: string;
  count: number;
  /** Up to five "file:line" places, so a reader can find the rows. */
  where: string[];
}

export interface UnknownModel {
  name: string;
  rows: number;
  tokens: number;
  reportedUsd: number;
}

export interface Spike {
  day: string;
  usd: number;
  median: number;
  threshold: number;
  drivers: { label: string; deltaUsd: number; href: string; section: string }[];
}

export interface Ratios {
  /** cache reads ÷ all prompt tokens (uncached input + writes + reads). */
  cacheHit: number;
  outputShare: number; // of list-price cost
  batchShare: number;
  usShare: number;
  longContextShare: number;
  fastShare: number;
  /** Per model and TTL: tokens written, tokens read, and whether the reads paid back the writes at list price. */
  cacheWrites: { model: string; ttl: '5m' | '1h'; written: number; read: number; paidBack: boolean; extraUsd: number }[];
}

export interface Scenario {
  id: string;
  title: string;
  /** Change in list-price cost over the file's whole period (negative = saving), low and high when a price is uncertain. */
  deltaUsd: number;
  deltaLowUsd: number;
  deltaHighUsd: number;
  monthlyDeltaUsd: number;
  monthlyLowUsd: number;
  monthlyHighUsd: number;
  assumptions: string[];
  /** Share-scalable scenarios (move traffic, Batch) are linear in the share: the island scales by it. */
  scalable: boolean;
}

export interface DayTotal {
  day: string;
  usd: number;
  byModel: Record<string, number>;
}

export interface UsageReport {
  formats: string[];
  rows: number;
  skipped: number;
  skipReasons: SkipReason[];
  /** At the catalogue's central figures (each price's `value`). */
  listPriceUsd: number;
  /**
   * Present when a price used has a range (catalogue `alt`, on 'uncertain' / 'third-party' figures): the list price with
   * every ranged price at its lowest, and at its highest, value.
   */
  listPriceLowUsd?: number;
  listPriceHighUsd?: number;
  byModel: Record<string, number>;
  /** The models whose cost depends on a ranged price: low and high ends. */
  byModelRange?: Record<string, { low: number; high: number }>;
  /** One "why a range" line per ranged price used: the figure, the other values, and the sources as the note gives them. */
  priceRanges?: string[];
  /** Set when the usage and the cost rows cover different days: how many each, and how many both. */
  coverage?: { usageDays: number; costDays: number; commonDays: number };
  reportedUsd?: number;
  /** What the files say the list price was (Console cost CSV `list_price_usd`, Analytics `list_amount`). */
  reportedListUsd?: number;
  reportedByModel: Record<string, number>;
  /** What the files say was charged, by token type (cost exports' `token_type` / `cost_type`) and by day. */
  reportedByType: Record<string, number>;
  reportedByDay: { day: string; usd: number }[];
  /** Explanations of the difference between reported and re-priced figures. */
  differences: string[];
  warnings: string[];
  unknownModels: UnknownModel[];
  byDay: DayTotal[];
  byWorkspace: Record<string, number>;
  byApiKey: Record<string, number>;
  byTokenType: Record<TokenType | 'webSearch', number>;
  /** As byModelRange, for the workspace, API key and token-type tables (only the rows a ranged price moves). */
  byWorkspaceRange?: Record<string, { low: number; high: number }>;
  byApiKeyRange?: Record<string, { low: number; high: number }>;
  byTokenTypeRange?: Partial<Record<TokenType, { low: number; high: number }>>;
  tokens: Tokens;
  requests?: number;
  days: number;
  ratios: Ratios;
  spikes: Spike[];
  spikeRule: string;
  /** How many days the files cover and how monthly figures are scaled. */
  periodNote: string;
  scenarios: Scenario[];
  /** Query string for /calculator/ with this usage's averages, when the files count requests. */
  calculatorQuery?: string;
  modelNames: Record<string, string>;
}
