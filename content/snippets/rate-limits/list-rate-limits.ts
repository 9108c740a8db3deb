// Which models share a rate-limit pool, what its limits are, and how to cap a background workspace:
// the official Rate Limits API (part of the Admin API, so it needs an admin key, not a normal API key).
import Anthropic from '@anthropic-ai/sdk';
import type {
  WorkspaceRateLimit,
  WorkspaceRateLimitUpdateValue,
} from '@anthropic-ai/sdk/resources/organization/workspaces/rate-limits';

export interface PoolLimits {
  id: string; // pass it as rate_limit_id to set a workspace's overrides for this pool
  group: string; // the model group's display name, or the API surface (batch, files, web_search, ...)
  models: string[]; // every model id and alias that draws on this pool, as your organization sees it
  limits: Record<string, number>; // limiter type → value, e.g. requests_per_minute
}

function adminClient(adminKey = process.env['ANTHROPIC_ADMIN_KEY']): Anthropic {
  if (!adminKey) throw new Error('Set ANTHROPIC_ADMIN_KEY: the Rate Limits API takes an admin key');
  return new Anthropic({ apiKey: adminKey });
}

/** The organization's limits, one entry per pool (GET /v1/organizations/rate_limits). */
export async function listPools(admin = adminClient()): Promise<PoolLimits[]> {
  const pools: PoolLimits[] = [];
  for await (const entry of admin.organization.rateLimits.list()) {
    pools.push({
      id: entry.id,
      group: entry.group.type === 'model_group' ? entry.group.display_name : entry.group.type,
      models: entry.models ?? [],
      limits: Object.fromEntries(entry.limits.map((l) => [l.type, l.value])),
    });
  }
  return pools;
}

/** The pool a model draws on; two models with the same pool compete for the same limits. */
export function poolOf(pools: PoolLimits[], model: string): PoolLimits | undefined {
  return pools.find((p) => p.models.includes(model));
}

/**
 * Caps one workspace (say, the one your batch jobs use) below the organization's limit for one pool, so
 * it cannot starve the interactive workspace. The lower of the two limits applies; changes take effect
 * within about an hour. Pass `value: null` to clear an override.
 */
export async function capWorkspace(
  workspaceId: string,
  pool: PoolLimits,
  limits: WorkspaceRateLimitUpdateValue[],
  admin = adminClient(),
): Promise<WorkspaceRateLimit> {
  return admin.organization.workspaces.rateLimits.update(pool.id, { workspace_id: workspaceId, limits });
}

/** A workspace's effective limits, each marked as its own override or inherited from the organization. */
export async function workspaceLimits(workspaceId: string, admin = adminClient()) {
  const out: { group: string; type: string; value: number; orgLimit: number | null; source: string }[] = [];
  for await (const entry of admin.organization.workspaces.rateLimits.list(workspaceId, { include_inherited: true })) {
    const group = entry.group.type === 'model_group' ? entry.group.display_name : entry.group.type;
    for (const l of entry.limits) out.push({ group, type: l.type, value: l.value, orgLimit: l.org_limit, source: l.source.type });
  }
  return out;
}

// Example: give the backfill workspace at most `share` of the organization's limits for the pool a model
// draws on. A workspace limit of type input_tokens_per_minute counts cache reads;
// input_tokens_per_minute_cache_aware does not, so cap that one for cached workloads.
export async function capBackfill(backfillWorkspaceId: string, model = 'claude-sonnet-5-5', share = 0.3) {
  const pool = poolOf(await listPools(), model);
  if (!pool) throw new Error(`no rate limits listed for ${model} in this organization`);
  const capped: WorkspaceRateLimitUpdateValue['type'][] = [
    'requests_per_minute',
    'input_tokens_per_minute_cache_aware',
    'output_tokens_per_minute',
  ];
  const limits = capped.flatMap((type) => {
    const org = pool.limits[type];
    return org === undefined ? [] : [{ type, value: Math.floor(org * share) }];
  });
  if (limits.length === 0) throw new Error(`pool ${pool.group} lists none of: ${capped.join(', ')}`);
  return capWorkspace(backfillWorkspaceId, pool, limits);
}
