/**
 * The 7-step model-selection diagnostic as a pure function: answers in, a recommendation out
 * (default tier, what to route up or down, caching and Batch moves, monthly cost against
 * all-Opus and all-Haiku). Costs come from the pricing engine passed in (`estimateCost` from
 * src/lib/pricing.ts on the server and in tests; the same engine over slim catalogue data in
 * the island). No prices or limits are typed here: they come from the catalogue via `env`.
 *
 * Rules (each has a unit test in tests/unit/recommend.test.ts):
 *  R1 tier-by-difficulty  simple requests → Haiku, medium → Sonnet, hard → Opus (Anthropic's rule of thumb).
 *  R2 quality-critical    a critical quality bar moves every share one tier up.
 *  R3 quality-efficiency  a "good enough" bar suggests testing Haiku on the medium share first (efficiency-first).
 *  R4 tools-complex       many or ambiguous tools move the Haiku share to Sonnet (Haiku may invent missing parameters).
 *  R5 latency-interactive an interactive path moves the Opus share to Sonnet unless quality is critical; always stream.
 *  R6 caching             a shared prefix at or above the model's minimum cacheable prompt, reused within the cache
 *                         lifetime, is cached: 5-minute TTL when the reads per 5 minutes pay back a write, else the
 *                         1-hour TTL when the reads per hour pay back its write (break-even counts from the catalogue).
 *                         An unknown minimum is said to be unknown.
 *  R7 batch               work that can wait goes through the Message Batches API. Batch requests run in parallel and do
 *                         not read each other's cache writes (/errors/batch-cache-misses/): pre-warm with one normal
 *                         request at the 1-hour TTL; hits are best-effort, so the price assumes none (every batch
 *                         request writes the prefix at the 1-hour write price) and the best case is stated as a saving.
 *  R8 context             a prompt plus output over the window of a chosen model → chunk or compact (engine warning);
 *                         a prompt over every window gets no price at all, only the reason.
 *  R11 fable              a critical bar with hard requests off the interactive path: Fable 5.2 priced for the hard share.
 *  R12 price-tier         a prompt just above a model's prompt-size price tier (Haiku 5.5: 100K) is pointed out.
 *  R9 budget              the recommendation over the monthly budget → say by how much and what to cut.
 *  R10 task               classification and extraction: small schema-bound output; coding and agents: tune effort.
 */
import type { CostBreakdown, Workload } from './pricing.ts';

export type Tier = 'haiku' | 'sonnet' | 'opus';
export const TIERS: readonly Tier[] = ['haiku', 'sonnet', 'opus'];

export type TaskType = 'classification' | 'extraction' | 'chat' | 'coding' | 'analysis' | 'writing';
export type QualityBar = 'good-enough' | 'high' | 'critical';
export type LatencyBudget = 'interactive' | 'background' | 'offline';
export type ToolUse = 'none' | 'simple' | 'complex';

export interface DiagnosticAnswers {
  /** Step 1: what the requests do, and how hard they are (percent of requests, 0–100; the rest is medium). */
  task: TaskType;
  simpleShare: number;
  hardShare: number;
  /** Step 2. */
  quality: QualityBar;
  /** Step 3. */
  latency: LatencyBudget;
  /** Step 4. */
  requestsPerDay: number;
  /** Step 5: tokens per request. `sharedPrefixTokens` is the part of the prompt identical across requests. */
  promptTokens: number;
  sharedPrefixTokens: number;
  outputTokens: number;
  /** Step 6. */
  tools: ToolUse;
  /** Step 7: USD per month, or null for no budget. */
  monthlyBudget: number | null;
}

export interface TierModel {
  id: string;
  name: string;
  /** Prompts shorter than this are not cached (from the catalogue). */
  minCacheablePrompt?: number | undefined;
  /** Input tokens the model accepts (from the catalogue), when known. */
  contextWindow?: number | undefined;
  /** The model's prompt-size price tier: above `above` prompt tokens every category costs `factor` times more. */
  priceTier?: { above: number; factor: number } | undefined;
}

/** The shape of a catalogue model this module reads (src/lib/catalogue.ts MODELS). */
export interface CatalogueLike {
  id: string;
  name: string;
  tier: string;
  status: { value: string };
  minCacheablePrompt?: { value: number } | undefined;
  contextWindow?: { value: number } | undefined;
  prices?: { input: { value: number } };
  promptTiers?: { above: number; prices: { input: { value: number } } }[] | undefined;
}

function tierModel(m: CatalogueLike): TierModel {
  const t = m.promptTiers?.[0];
  return {
    id: m.id,
    name: m.name,
    minCacheablePrompt: m.minCacheablePrompt?.value,
    contextWindow: m.contextWindow?.value,
    priceTier: t && m.prices ? { above: t.above, factor: t.prices.input.value / m.prices.input.value } : undefined,
  };
}

/** The current Fable model (the most capable tier, priced above Opus), if the catalogue has one. */
export function currentFable(models: readonly CatalogueLike[]): TierModel | undefined {
  const m = models.find((x) => x.tier === 'fable' && x.status.value === 'current');
  return m ? tierModel(m) : undefined;
}

/** The current model of each tier, in catalogue order (the catalogue marks which models are current). */
export function currentTierModels(models: readonly CatalogueLike[]): Record<Tier, TierModel> {
  const pick = (tier: Tier): TierModel => {
    const m = models.find((x) => x.tier === tier && x.status.value === 'current');
    if (!m) throw new Error(`The catalogue has no current ${tier} model.`);
    return tierModel(m);
  };
  return { haiku: pick('haiku'), sonnet: pick('sonnet'), opus: pick('opus') };
}

export interface RecommendEnv {
  /** The model that stands for each tier (the page picks the current model of each tier from the catalogue). */
  models: Record<Tier, TierModel>;
  /** The pricing engine: `estimateCost` from src/lib/pricing.ts. */
  estimate: (modelId: string, workload: Workload) => CostBreakdown;
  /** Days in a month for monthly figures (the calculator's constant). */
  daysPerMonth: number;
  /** Cache reads that pay back a write (catalogue facts breakEven.reads5m and breakEven.reads1h). */
  breakEven: { reads5m: number; reads1h: number };
  /** The current Fable model, considered for hard requests where capability is the point. */
  fable?: TierModel | undefined;
}

export interface Note {
  rule: string;
  text: string;
  href: string;
}

export interface Allocation {
  tier: Tier;
  model: TierModel;
  /** Share of requests, 0–1. */
  share: number;
  /** Which requests go there. */
  what: string;
}

export interface Recommendation {
  defaultTier: Tier;
  allocations: Allocation[];
  routeUp: Allocation[];
  routeDown: Allocation[];
  caching: { use: boolean; ttl: '5m' | '1h' | null; hitRate: number; text: string };
  batch: { use: boolean; text: string };
  notes: Note[];
  /** Monthly USD; null when the workload cannot run on any model (see `unpriced`). */
  costs: { recommended: number; allOpus: number; allHaiku: number; warnings: string[] } | null;
  /** Why there is no price: the prompt does not fit any model's window. */
  unpriced?: string;
  /** Batch with a shared prefix: what pre-warmed cache reads would save a month at best (hits are best-effort). */
  batchCacheBestCase?: number;
  /** Fable for the hard share: the model and the month's cost of the recommendation with the hard share on it. */
  fable?: { model: TierModel; share: number; monthly: number };
  budget: { monthly: number; over: number } | null;
  /** The calculator with this workload and mix filled in. */
  calculatorHref: string;
}

const SEGMENT_WHAT = {
  simple: 'simple requests (classification, lookups, short extraction)',
  medium: 'medium requests',
  hard: 'hard requests (multi-step reasoning, complex code, ambiguous input)',
} as const;
type Segment = keyof typeof SEGMENT_WHAT;

const pct = (n: number) => `${Math.round(n * 100)}%`;
const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const up = (t: Tier): Tier => (t === 'haiku' ? 'sonnet' : 'opus');
const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** Reads and normalises the shares: percentages to 0–1, and simple + hard never above 1. */
export function shares(a: Pick<DiagnosticAnswers, 'simpleShare' | 'hardShare'>): Record<Segment, number> {
  const simple = clamp01(a.simpleShare / 100);
  const hard = Math.min(clamp01(a.hardShare / 100), 1 - simple);
  return { simple, medium: Math.max(0, 1 - simple - hard), hard };
}

/** R6: whether and how to cache the shared prefix, and the hit rate that implies (one write per cache lifetime). */
export function cachingMove(a: DiagnosticAnswers, model: TierModel, breakEven: RecommendEnv['breakEven']): Recommendation['caching'] {
  const none = (text: string) => ({ use: false, ttl: null, hitRate: 0, text });
  if (a.sharedPrefixTokens <= 0) return none('No shared prefix: nothing to cache.');
  if (model.minCacheablePrompt !== undefined && a.sharedPrefixTokens < model.minCacheablePrompt) {
    return none(
      `The shared prefix is shorter than ${model.name}'s minimum cacheable prompt, so the API would silently not cache it; grow it (tools, instructions, examples) or skip caching.`,
    );
  }
  const unknownMin =
    model.minCacheablePrompt === undefined
      ? ` ${model.name}'s minimum cacheable prompt is unknown (not in our sources): check that cache_read_input_tokens is above 0 once it runs.`
      : '';
  const per5m = a.requestsPerDay / (24 * 12);
  const perHour = a.requestsPerDay / 24;
  // A write is followed by the reads that arrive within its lifetime: enough of them pay it back.
  if (per5m >= breakEven.reads5m) {
    return {
      use: true,
      ttl: '5m',
      hitRate: Math.max(0, 1 - 1 / (per5m + 1)),
      text: `Cache the shared prefix with the 5-minute TTL: requests arrive within its lifetime, each hit refreshes it for free, and the reads in that window pay back the write.${unknownMin}`,
    };
  }
  if (perHour >= breakEven.reads1h) {
    return {
      use: true,
      ttl: '1h',
      hitRate: Math.max(0, 1 - 1 / perHour),
      text: `Cache the shared prefix with the 1-hour TTL: requests are too sparse for the 5-minute cache, but enough arrive within an hour to pay back the dearer 1-hour write.${unknownMin}`,
    };
  }
  return none('Requests are too sparse for a cache write to be read again before it expires: do not cache.');
}

export function recommend(a: DiagnosticAnswers, env: RecommendEnv): Recommendation {
  const notes: Note[] = [];
  const note = (rule: string, text: string, href: string) => notes.push({ rule, text, href });
  const split = shares(a);

  // R1: tier by difficulty.
  const tierOf: Record<Segment, Tier> = { simple: 'haiku', medium: 'sonnet', hard: 'opus' };
  // R2: critical quality bar moves every segment up one tier.
  if (a.quality === 'critical') {
    for (const s of Object.keys(tierOf) as Segment[]) tierOf[s] = up(tierOf[s]);
    note('quality-critical', 'A critical quality bar moves each kind of request one tier up; measure on your eval set whether the smaller tier would pass.', '/guide/quality-failures/#when-to-route-up');
  }
  // R3: efficiency-first hint.
  if (a.quality === 'good-enough' && split.medium > 0) {
    note('quality-efficiency', 'With a "good enough" bar, test Haiku on the medium requests first and move them down if it passes (efficiency-first).', '/guide/quality-failures/#prompt-fixes-that-rescue-haiku');
  }
  // R4: complex tools need at least Sonnet.
  if (a.tools === 'complex') {
    for (const s of Object.keys(tierOf) as Segment[]) if (tierOf[s] === 'haiku') tierOf[s] = 'sonnet';
    note('tools-complex', 'Many or ambiguous tools: Haiku may fill in missing parameters instead of asking, so tool calls start at Sonnet; route ambiguous tool calls to Opus.', '/guide/tool-use/#when-to-route-tool-heavy-work-to-a-bigger-model');
  } else if (a.tools === 'simple') {
    note('tools-simple', 'Send only the tools each step needs and cache their definitions: they are billed on every request.', '/guide/tool-use/#tool-definitions-inflate-every-request');
  }
  // R5: interactive latency.
  if (a.latency === 'interactive') {
    if (a.quality !== 'critical' && tierOf.hard === 'opus' && split.hard > 0) {
      tierOf.hard = 'sonnet';
      note('latency-interactive', 'A user is waiting: serve hard requests with Sonnet at a higher effort, and hand the ones that still fail to Opus in the background.', '/guide/latency/#opus-is-too-slow-for-the-interactive-path');
    } else if ((Object.keys(tierOf) as Segment[]).some((s) => tierOf[s] === 'opus' && split[s] > 0)) {
      // Only when requests actually go to Opus: a 0% hard share routed to Opus is not "Opus on the path".
      note('latency-interactive', 'Opus is on an interactive path: stream, keep max_tokens near the real output and tune effort to hold latency down.', '/guide/latency/#every-call-is-slow-because-it-generates-too-much');
    }
    note('stream', 'Stream responses on the interactive path: time to first token is what users feel.', '/guide/latency/#users-stare-at-a-spinner-until-the-whole-answer-arrives');
  }

  // R10: task type.
  if (a.task === 'classification' || a.task === 'extraction') {
    note('task-structured', 'Classification and extraction: ask for a fixed schema (a tool input_schema) and keep max_tokens near the real output, since output tokens cost more than input.', '/guide/quality-failures/#broken-or-truncated-json');
  } else if (a.task === 'coding') {
    note('task-coding', 'Coding and agent loops: tune effort on your eval before switching model, and cap turns per task so one loop cannot run up the bill.', '/guide/model-family/#effort-and-thinking-which-model-accepts-what');
  }

  // Allocations by tier.
  const byTier = new Map<Tier, { share: number; what: string[] }>();
  for (const s of ['simple', 'medium', 'hard'] as Segment[]) {
    if (split[s] <= 0) continue;
    const entry = byTier.get(tierOf[s]) ?? { share: 0, what: [] };
    entry.share += split[s];
    entry.what.push(SEGMENT_WHAT[s]);
    byTier.set(tierOf[s], entry);
  }
  const allocations: Allocation[] = [...byTier.entries()]
    .map(([tier, e]) => ({ tier, model: env.models[tier], share: e.share, what: e.what.join(' and ') }))
    .sort((x, y) => y.share - x.share || TIERS.indexOf(y.tier) - TIERS.indexOf(x.tier));
  const defaultTier = (allocations[0]?.tier ?? 'sonnet') as Tier;
  const rank = (t: Tier) => TIERS.indexOf(t);
  const routeUp = allocations.filter((x) => rank(x.tier) > rank(defaultTier));
  const routeDown = allocations.filter((x) => rank(x.tier) < rank(defaultTier));
  if (routeUp.length || routeDown.length) {
    note('routing', 'Route by difficulty in one routing module, or cascade: answer with the smaller model and escalate when a check fails.', '/guide/mixed-model-workflows/#centralize-model-choice-in-one-routing-module');
  }

  // R6 caching (judged on the default tier's model), R7 batch.
  const batchUse = a.latency === 'offline';
  const online = cachingMove(a, env.models[defaultTier], env.breakEven);
  // Batch requests run in parallel and do not read each other's writes: no hit rate is assumed for them.
  const defaultMin = env.models[defaultTier].minCacheablePrompt;
  const prewarm = batchUse && a.sharedPrefixTokens > 0 && !(defaultMin !== undefined && a.sharedPrefixTokens < defaultMin);
  const caching: Recommendation['caching'] = batchUse
    ? {
        use: false,
        ttl: prewarm ? '1h' : null,
        hitRate: 0,
        text: prewarm
          ? 'Batch requests run in parallel and do not read each other\'s cache writes. Pre-warm: send one normal request with the shared prefix and a 1-hour cache_control just before submitting, so the batch can read it. Hits are best-effort, so the cost below assumes none: every batch request pays the 1-hour cache write.'
          : a.sharedPrefixTokens > 0
            ? `${online.text} Leave cache_control off the batch requests.`
            : 'No shared prefix: nothing to cache.',
      }
    : online;
  const batch = {
    use: batchUse,
    text: batchUse
      ? 'Nobody waits for these answers: send them through the Message Batches API at half the price.'
      : a.latency === 'background'
        ? 'Move any part of this work that can wait for hours (reports, backfills, evals) to the Message Batches API.'
        : 'Keep interactive calls on the Messages API; use Batch only for the offline part of the work.',
  };
  if (caching.use) note('caching', caching.text, '/guide/pricing-caching-batch/#cache-break-even-5-minute-or-1-hour');
  if (batchUse) note('batch', batch.text, '/guide/pricing-caching-batch/#batch-half-price-for-work-that-can-wait');
  if (prewarm) note('batch-cache', caching.text, '/errors/batch-cache-misses/');

  // Costs per month.
  const monthly = a.requestsPerDay * env.daysPerMonth;
  // Batch with a pre-warmed prefix: the batch requests carry the 1-hour cache_control so they can read the pre-warmed
  // prefix, and with no hit assumed (best-effort) each one writes it at the 1-hour write price (Batch multiplier applied),
  // as /errors/batch-cache-misses/ describes. Without a cacheable prefix, cache_control stays off and it is plain input.
  const batchWrites = (model: TierModel) =>
    prewarm && !(model.minCacheablePrompt !== undefined && a.sharedPrefixTokens < model.minCacheablePrompt);
  const costOn = (model: TierModel, share: number): CostBreakdown => {
    const c = batchUse
      ? batchWrites(model)
        ? { use: true, hitRate: 0, ttl: '1h' as const }
        : { use: false, hitRate: 0, ttl: null }
      : cachingMove(a, model, env.breakEven);
    const prefix = c.use ? a.sharedPrefixTokens : 0;
    const workload: Workload = {
      requests: monthly * share,
      inputTokens: Math.max(0, a.promptTokens - prefix),
      outputTokens: a.outputTokens,
      cacheWriteTokens: prefix * (1 - c.hitRate),
      cacheReadTokens: prefix * c.hitRate,
      cacheTtl: c.ttl ?? '5m',
      batch: batchUse,
    };
    return env.estimate(model.id, workload);
  };
  const cost = (tier: Tier, share: number) => costOn(env.models[tier], share);
  const parts = allocations.map((x) => cost(x.tier, x.share));
  const recommended = parts.reduce((s, p) => s + p.total, 0);
  const opus = cost('opus', 1);
  const haiku = cost('haiku', 1);
  const warnings = [...new Set([...parts, opus, haiku].flatMap((p) => p.warnings))];
  // R8: the engine warns when a prompt plus output does not fit a model.
  if (warnings.some((w) => /exceeds .*(context window|max output)/.test(w))) {
    note('context', 'The prompt plus output does not fit at least one model: chunk long documents or compact conversations before choosing a bigger window.', '/guide/context-windows/#documents-longer-than-the-window-chunking-and-map-reduce');
  }
  const windows = [...TIERS.map((t) => env.models[t]), ...(env.fable ? [env.fable] : [])]
    .map((m) => m.contextWindow)
    .filter((w): w is number => w !== undefined);
  const widest = windows.length ? Math.max(...windows) : undefined;
  const unpriced =
    widest !== undefined && a.promptTokens > widest
      ? `A ${a.promptTokens.toLocaleString('en-US')}-token prompt is longer than every current model's context window (the widest is ${widest.toLocaleString('en-US')} tokens): the API would reject every request, so there is no price. Chunk the documents or compact the conversation first.`
      : undefined;
  // Best case for Batch with a pre-warmed prefix: the prefix read at the cache-read rate instead of input.
  let batchCacheBestCase: number | undefined;
  if (prewarm && !unpriced) {
    const withReads = allocations.reduce((s, x) => {
      const reads = batchWrites(x.model) ? a.sharedPrefixTokens : 0;
      const w: Workload = {
        requests: monthly * x.share,
        inputTokens: Math.max(0, a.promptTokens - reads),
        outputTokens: a.outputTokens,
        cacheReadTokens: reads,
        batch: true,
      };
      return s + env.estimate(x.model.id, w).total;
    }, 0);
    batchCacheBestCase = Math.max(0, recommended - withReads);
  }
  // R11: Fable where capability is the point (critical bar, hard requests, nobody waiting on the interactive path).
  let fable: Recommendation['fable'];
  if (env.fable && !unpriced && a.quality === 'critical' && split.hard > 0 && a.latency !== 'interactive') {
    const onFable = costOn(env.fable, split.hard).total;
    const hardTier = tierOf.hard;
    const withoutHard = allocations.reduce((s, x) => s + (x.tier === hardTier ? cost(x.tier, Math.max(0, x.share - split.hard)).total : cost(x.tier, x.share).total), 0);
    fable = { model: env.fable, share: split.hard, monthly: withoutHard + onFable };
    note(
      'fable',
      `Capability is the point for the hard requests: try ${env.fable.name}, the most capable tier, on them (${pct(split.hard)} of requests) against your eval set; with them on ${env.fable.name} this workload costs about ${usd(fable.monthly)} a month.`,
      '/guide/model-family/#the-four-tiers',
    );
  }
  // R12: a prompt just above a prompt-size price tier.
  for (const m of new Set(allocations.map((x) => x.model).concat(env.models.haiku))) {
    const t = m.priceTier;
    if (t && a.promptTokens > t.above && a.promptTokens <= t.above * 1.25) {
      note(
        'price-tier',
        `${m.name} bills every category at ${Number(t.factor.toFixed(2))}× its base rate when a prompt is over ${t.above.toLocaleString('en-US')} tokens; yours is ${a.promptTokens.toLocaleString('en-US')}. Trimming ${(a.promptTokens - t.above).toLocaleString('en-US')} tokens (history, retrieved chunks, tool definitions) brings it under.`,
        '/guide/pricing-caching-batch/',
      );
    }
  }
  // R9: budget.
  let budget: Recommendation['budget'] = null;
  if (a.monthlyBudget !== null && Number.isFinite(a.monthlyBudget) && a.monthlyBudget > 0) {
    budget = { monthly: a.monthlyBudget, over: Math.max(0, recommended - a.monthlyBudget) };
    if (budget.over > 0) {
      note(
        'budget',
        haiku.total > a.monthlyBudget
          ? 'Even all-Haiku is over the budget at this volume: cut tokens per request (shorter prompts, cached prefixes, lower max_tokens) or move work to Batch.'
          : 'The recommendation is over the budget: move more requests down a tier after testing them, cache the shared prefix, lower effort, and send offline work to Batch.',
        '/guide/pricing-caching-batch/#cost-per-completed-task-not-per-token',
      );
    }
  }

  const mix = allocations.map((x) => `${x.model.id}:${Number(x.share.toFixed(3))}`).join(',');
  // The calculator link carries the same cache model: a pre-warmed batch is the prefix written at 1 hour with no hits.
  const linkCached = caching.use || prewarm ? a.sharedPrefixTokens : 0;
  const q = new URLSearchParams({
    models: TIERS.map((t) => env.models[t].id).join(','),
    input: String(Math.max(0, a.promptTokens - linkCached)),
    cached: String(linkCached),
    output: String(a.outputTokens),
    hit: String(Number(caching.hitRate.toFixed(2))),
    ttl: caching.ttl ?? '5m',
    perDay: String(a.requestsPerDay),
    batch: batchUse ? '1' : '0',
    geo: 'global',
    mix,
  });

  return {
    defaultTier,
    allocations,
    routeUp,
    routeDown,
    caching,
    batch,
    notes,
    costs: unpriced ? null : { recommended, allOpus: opus.total, allHaiku: haiku.total, warnings },
    ...(unpriced ? { unpriced } : {}),
    ...(batchCacheBestCase !== undefined ? { batchCacheBestCase } : {}),
    ...(fable ? { fable } : {}),
    budget: unpriced ? null : budget,
    calculatorHref: `/calculator/?${q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`,
  };
}
