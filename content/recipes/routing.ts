// Centralized model routing: the one place that knows which model serves which task.
//
// Code asks for a task ("classify"), never for a model. Changing a model, its
// max_tokens, its effort or its token budget is then a config change here (or in
// the MODEL_ROUTES override) instead of a hunt through the codebase.
import type Anthropic from '@anthropic-ai/sdk';
import { getModel } from '../../src/lib/catalogue.ts'; // this guide's model catalogue: ids, windows, limits

export type Cloud = 'anthropic' | 'bedrock' | 'vertex';
export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** The id of a catalogue model on one cloud: modelId('haiku-4-5', 'vertex') is 'claude-haiku-4-5@20251001'. */
export function modelId(key: string, cloud: Cloud = 'anthropic'): string {
  const m = getModel(key);
  const id = cloud === 'anthropic' ? m.apiId : cloud === 'bedrock' ? m.bedrockId : m.vertexId;
  if (!id) throw new Error(`${m.name} has no ${cloud} model id in the catalogue`);
  return id.value;
}

/** Geography of a Bedrock cross-region inference profile. */
export type BedrockGeo = 'us' | 'eu' | 'global';

/**
 * The Bedrock inference-profile id for on-demand calls. Bedrock rejects on-demand calls to the base
 * id of Claude 4.x and later ("…with on-demand throughput isn’t supported. Retry your request with the
 * ID or ARN of an inference profile…"). The catalogue holds the base id; AWS forms a profile id by
 * prefixing the geography (`us.`, `eu.`, `global.`), the one rule applied here and nowhere else.
 */
export function bedrockProfileId(key: string, geo: BedrockGeo = 'us'): string {
  const base = modelId(key, 'bedrock');
  return /^(us|eu|apac|global)\./.test(base) ? base : `${geo}.${base}`;
}

export interface Route {
  model: string;
  maxTokens: number;
  /** `output_config.effort`. Leave it out for models that reject it (legacy Haiku 4.5 and Sonnet 4.5). */
  effort?: Effort;
  /** Input + output tokens this task may use per UTC day; calls beyond it are refused before they are sent. */
  dailyTokenBudget?: number;
}

// Example routes. The numbers are your choices, not API limits; checkRoute() holds them to the model's limits.
export const defaultRoutes = {
  classify: { model: modelId('haiku-5-5'), maxTokens: 256, effort: 'low', dailyTokenBudget: 20_000_000 },
  summarize: { model: modelId('sonnet-5-5'), maxTokens: 2_000, effort: 'medium' },
  'code-review': { model: modelId('opus-5-5'), maxTokens: 16_000, effort: 'high' },
} satisfies Record<string, Route>;

export type Task = keyof typeof defaultRoutes;
export type RouteOverrides = Partial<Record<Task, Partial<Route>>>;

/** Overrides from the environment, e.g. MODEL_ROUTES='{"summarize":{"model":"claude-opus-5-5"}}'. */
export function overridesFromEnv(value = process.env['MODEL_ROUTES']): RouteOverrides {
  if (!value) return {};
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('MODEL_ROUTES must be a JSON object');
  for (const task of Object.keys(parsed)) {
    if (!(task in defaultRoutes)) throw new Error(`MODEL_ROUTES names an unknown task "${task}"`);
  }
  return parsed as RouteOverrides;
}

/** Catch a bad route at startup, not on the first request: max_tokens and effort must fit the model. */
export function checkRoute(task: string, route: Route): void {
  const m = getModel(route.model);
  if (m.maxOutput && route.maxTokens > m.maxOutput.value) {
    throw new Error(`${task}: maxTokens ${route.maxTokens} is over ${m.name}'s ${m.maxOutput.value} output tokens`);
  }
  if (route.effort && m.effort && !m.effort.value.includes(route.effort)) {
    throw new Error(`${task}: ${m.name} does not accept effort "${route.effort}"`);
  }
}

export class BudgetExceededError extends Error {
  constructor(readonly task: Task) {
    super(`daily token budget for "${task}" is spent`);
  }
}

export class Router {
  readonly routes: Record<Task, Route>;
  #used = new Map<Task, { day: string; tokens: number }>();

  constructor(
    overrides: RouteOverrides = overridesFromEnv(),
    private readonly now: () => Date = () => new Date(),
  ) {
    const routes = {} as Record<Task, Route>;
    for (const task of Object.keys(defaultRoutes) as Task[]) {
      routes[task] = { ...defaultRoutes[task], ...overrides[task] };
      checkRoute(task, routes[task]);
    }
    this.routes = routes;
  }

  async create(client: Anthropic, task: Task, messages: Anthropic.MessageParam[]): Promise<Anthropic.Message> {
    const route = this.routes[task];
    const day = this.now().toISOString().slice(0, 10);
    const used = this.#used.get(task);
    const spent = used?.day === day ? used.tokens : 0;
    if (route.dailyTokenBudget !== undefined && spent >= route.dailyTokenBudget) throw new BudgetExceededError(task);

    const message = await client.messages.create({
      model: route.model,
      max_tokens: route.maxTokens,
      messages,
      ...(route.effort ? { output_config: { effort: route.effort } } : {}),
    });
    this.#used.set(task, { day, tokens: spent + message.usage.input_tokens + message.usage.output_tokens });
    return message;
  }
}
