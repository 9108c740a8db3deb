// One place that says which model (and effort) each task uses. Sonnet is the default;
// every exception names its reason, so a reviewer can challenge it.
import Anthropic from '@anthropic-ai/sdk';

type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

interface TaskModel {
  model: string;
  effort?: Effort;
  maxTokens: number;
  why: string;
}

const DEFAULT: TaskModel = {
  model: 'claude-sonnet-5-5',
  maxTokens: 4_000,
  why: 'default: good enough for most production work at a mid-tier price',
};

export const TASK_MODELS: Record<string, TaskModel> = {
  classify_ticket: {
    model: 'claude-haiku-5-5',
    effort: 'low',
    maxTokens: 200,
    why: 'short labels at volume; eval shows no loss against Sonnet',
  },
  summarize_thread: { ...DEFAULT, maxTokens: 1_000 },
  draft_reply: { ...DEFAULT },
  plan_migration: {
    model: 'claude-opus-5-5',
    effort: 'high',
    maxTokens: 16_000,
    why: 'multi-step plan over a large codebase; Sonnet missed steps on our eval set',
  },
};

export function modelFor(task: string): TaskModel {
  return TASK_MODELS[task] ?? DEFAULT;
}

export async function runTask(task: string, prompt: string): Promise<Anthropic.Message> {
  const client = new Anthropic({ apiKey: process.env['ANTHROPIC_API_KEY'] });
  const { model, effort, maxTokens } = modelFor(task);
  const message = await client.messages.create({
    model,
    max_tokens: maxTokens,
    messages: [{ role: 'user', content: prompt }],
    ...(effort ? { output_config: { effort } } : {}),
  });
  // One log line per call: cost per task and per model comes straight out of this.
  console.log(JSON.stringify({ task, model: message.model, usage: message.usage }));
  return message;
}
