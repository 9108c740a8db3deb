/**
 * The words of the 7-step diagnostic: each step's question, its answers and the chapter
 * that explains why it matters. Shared by the static page (no-JS list) and the island.
 */
import type { LatencyBudget, QualityBar, TaskType, Tier, ToolUse } from './recommend.ts';
import type { Step } from './diagnose-machine.ts';

export interface StepText {
  title: string;
  question: string;
  why: { label: string; href: string };
}

export const STEP_TEXT: Record<Step, StepText> = {
  task: {
    title: 'Task type and difficulty',
    question: 'What do the requests do, and how many of them are simple or hard?',
    why: { label: 'The four tiers', href: '/guide/model-family/#the-four-tiers' },
  },
  quality: {
    title: 'Quality bar',
    question: 'What does a wrong answer cost you?',
    why: { label: 'Prompt problem or capability gap', href: '/guide/quality-failures/#prompt-problem-or-capability-gap-swap-the-model-on-the-failing-set' },
  },
  latency: {
    title: 'Latency budget',
    question: 'Who waits for the answer?',
    why: { label: 'Opus is too slow for the interactive path', href: '/guide/latency/#opus-is-too-slow-for-the-interactive-path' },
  },
  volume: {
    title: 'Volume',
    question: 'How many requests do you send per day?',
    why: { label: 'Cost per completed task, not per token', href: '/guide/pricing-caching-batch/#cost-per-completed-task-not-per-token' },
  },
  context: {
    title: 'Context size',
    question: 'How long are the prompt, its shared part, and the output of a typical request?',
    why: { label: 'Cache break-even: 5-minute or 1-hour', href: '/guide/pricing-caching-batch/#cache-break-even-5-minute-or-1-hour' },
  },
  tools: {
    title: 'Tool use',
    question: 'Do the requests call tools?',
    why: { label: 'When to route tool-heavy work to a bigger model', href: '/guide/tool-use/#when-to-route-tool-heavy-work-to-a-bigger-model' },
  },
  budget: {
    title: 'Budget',
    question: 'What may this workload cost per month?',
    why: { label: 'The bill doubled and you do not know why', href: '/guide/cost-spikes/#the-bill-doubled-and-you-do-not-know-why' },
  },
};

export const TASK_LABEL: Record<TaskType, string> = {
  classification: 'Classification or routing',
  extraction: 'Extraction into fields or JSON',
  chat: 'Chat or customer support',
  coding: 'Coding or agent loops',
  analysis: 'Analysis of documents or data',
  writing: 'Writing or rewriting text',
};

export const QUALITY_LABEL: Record<QualityBar, string> = {
  'good-enough': 'Little: mistakes are cheap to catch or retry',
  high: 'Real cost: users or customers see the answers',
  critical: 'A lot: mistakes are expensive, legal or hard to undo',
};

export const LATENCY_LABEL: Record<LatencyBudget, string> = {
  interactive: 'A person, right now (chat, autocomplete, UI)',
  background: 'A system, within minutes (queues, webhooks, pipelines)',
  offline: 'Nobody soon: results can wait for hours (reports, backfills, evals)',
};

export const TOOLS_LABEL: Record<ToolUse, string> = {
  none: 'No tools',
  simple: 'A few simple tools with clear parameters',
  complex: 'Many tools, or ambiguous requests where parameters may be missing',
};

export const TIER_LABEL: Record<Tier, string> = { haiku: 'Haiku', sonnet: 'Sonnet', opus: 'Opus' };
