/**
 * The 7-step diagnostic as a hand-written XState v5 machine (setup().createMachine): one
 * state per step, then `result`. NEXT carries the step's answers and is guarded by the
 * step's validation; BACK, GOTO (change one answer from the result: NEXT or BACK then returns
 * to the result, GOV.UK's "check your answers"), JUMP (the browser's Back and Forward restore
 * a step and its answers from the URL) and RESTART.
 * Also the URL form of the answers, so a result can be shared. Pure, no DOM.
 */
import { and, assign, setup } from 'xstate';
import type { DiagnosticAnswers, LatencyBudget, QualityBar, TaskType, ToolUse } from './recommend.ts';
import { MAX_REQUESTS, MAX_TOKENS_PER_REQUEST, tooLargeMessage } from './calculator-state.ts';

export const STEPS = ['task', 'quality', 'latency', 'volume', 'context', 'tools', 'budget'] as const;
export type Step = (typeof STEPS)[number];

export type DiagnoseEvent =
  | { type: 'NEXT'; answers: Partial<DiagnosticAnswers> }
  | { type: 'BACK' }
  | { type: 'GOTO'; step: Step }
  | { type: 'JUMP'; step: Step | 'result'; answers: DiagnosticAnswers; returning?: boolean }
  | { type: 'RESTART' };

export interface DiagnoseContext {
  answers: DiagnosticAnswers;
  error: string | null;
  /** True while one answer is being changed from the result: the next NEXT or BACK goes back to it. */
  returning: boolean;
}

/** Starting values: the token figures are the calculator's example workload, to be replaced by the reader's own. */
export const DEFAULT_ANSWERS: DiagnosticAnswers = {
  task: 'chat',
  simpleShare: 0,
  hardShare: 0,
  quality: 'high',
  latency: 'interactive',
  requestsPerDay: 10000,
  promptTokens: 10000,
  sharedPrefixTokens: 8000,
  outputTokens: 500,
  tools: 'none',
  monthlyBudget: null,
};

export const TASKS: readonly TaskType[] = ['classification', 'extraction', 'chat', 'coding', 'analysis', 'writing'];
export const QUALITY: readonly QualityBar[] = ['good-enough', 'high', 'critical'];
export const LATENCY: readonly LatencyBudget[] = ['interactive', 'background', 'offline'];
export const TOOLS: readonly ToolUse[] = ['none', 'simple', 'complex'];

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Why a step's answers cannot be accepted, or null. */
export function validateStep(step: Step, a: DiagnosticAnswers): string | null {
  switch (step) {
    case 'task':
      if (!TASKS.includes(a.task)) return 'Choose the kind of task.';
      if (![a.simpleShare, a.hardShare].every((n) => finite(n) && n >= 0 && n <= 100)) return 'Shares are percentages from 0 to 100.';
      if (a.simpleShare + a.hardShare > 100) return 'Simple and hard requests together cannot be more than 100%.';
      return null;
    case 'quality':
      return QUALITY.includes(a.quality) ? null : 'Choose a quality bar.';
    case 'latency':
      return LATENCY.includes(a.latency) ? null : 'Choose a latency budget.';
    case 'volume':
      if (!(finite(a.requestsPerDay) && a.requestsPerDay > 0)) return 'Enter how many requests you send per day (more than 0).';
      // The calculator's limits and message, so "Open in calculator" never lands on "Not computed".
      return a.requestsPerDay > MAX_REQUESTS ? tooLargeMessage(MAX_REQUESTS) : null;
    case 'context':
      if (![a.promptTokens, a.sharedPrefixTokens, a.outputTokens].every((n) => finite(n) && n >= 0)) return 'Token counts are numbers of 0 or more.';
      if (Math.max(a.promptTokens, a.outputTokens) > MAX_TOKENS_PER_REQUEST) return tooLargeMessage(MAX_TOKENS_PER_REQUEST);
      if (a.sharedPrefixTokens > a.promptTokens) return 'The shared prefix is part of the prompt, so it cannot be longer than the prompt.';
      if (a.outputTokens <= 0) return 'Enter the typical output length (more than 0 tokens).';
      return null;
    case 'tools':
      return TOOLS.includes(a.tools) ? null : 'Choose how the requests use tools.';
    case 'budget':
      return a.monthlyBudget === null || (finite(a.monthlyBudget) && a.monthlyBudget > 0) ? null : 'Leave the budget empty, or enter an amount above 0.';
  }
}

const diagnoseSetup = setup({
  types: { context: {} as DiagnoseContext, events: {} as DiagnoseEvent },
  guards: {
    stepValid: ({ context, event }, params: { step: Step }) =>
      event.type === 'NEXT' && validateStep(params.step, { ...context.answers, ...event.answers }) === null,
    returning: ({ context }) => context.returning,
  },
  actions: {
    accept: assign({
      answers: ({ context, event }) => (event.type === 'NEXT' ? { ...context.answers, ...event.answers } : context.answers),
      error: () => null,
    }),
    reject: assign({
      error: ({ context, event }, params: { step: Step }) =>
        event.type === 'NEXT' ? validateStep(params.step, { ...context.answers, ...event.answers }) : null,
    }),
    clearError: assign({ error: () => null }),
    startReturn: assign({ returning: () => true, error: () => null }),
    endReturn: assign({ returning: () => false, error: () => null }),
    restore: assign({
      answers: ({ context, event }) => (event.type === 'JUMP' ? { ...event.answers } : context.answers),
      returning: ({ event }) => event.type === 'JUMP' && event.returning === true,
      error: () => null,
    }),
    reset: assign({ answers: () => ({ ...DEFAULT_ANSWERS }), error: () => null, returning: () => false }),
  },
});

type Config = Parameters<(typeof diagnoseSetup)['createMachine']>[0];
type States = NonNullable<Config['states']>;

function stepStates(): States {
  const states: States = {};
  STEPS.forEach((step, i) => {
    const next = STEPS[i + 1] ?? 'result';
    const prev = STEPS[i - 1];
    states[step] = {
      on: {
        NEXT: [
          {
            guard: and([{ type: 'stepValid', params: { step } }, 'returning']),
            target: 'result',
            actions: ['accept', 'endReturn'],
          },
          { guard: { type: 'stepValid', params: { step } }, target: next, actions: 'accept' },
          { actions: { type: 'reject', params: { step } } },
        ],
        BACK: [
          { guard: 'returning', target: 'result', actions: 'endReturn' },
          ...(prev ? [{ target: prev, actions: 'clearError' as const }] : []),
        ],
      },
    };
  });
  states.result = {
    on: {
      BACK: { target: 'budget' },
      GOTO: STEPS.map((step) => ({
        guard: ({ event }: { event: DiagnoseEvent }) => event.type === 'GOTO' && event.step === step,
        target: step,
        actions: 'startReturn' as const,
      })),
    },
  };
  return states;
}

/** The wizard. `input` restores answers (e.g. from the URL); `initial` skips to the result when they are complete. */
export function createDiagnoseMachine(initial: { answers?: DiagnosticAnswers; showResult?: boolean; step?: Step } = {}) {
  return diagnoseSetup.createMachine({
    id: 'diagnose',
    context: { answers: initial.answers ?? { ...DEFAULT_ANSWERS }, error: null, returning: false },
    initial: initial.showResult ? 'result' : (initial.step ?? 'task'),
    on: {
      RESTART: { target: '.task', actions: 'reset' },
      JUMP: [...STEPS, 'result' as const].map((step) => ({
        guard: ({ event }: { event: DiagnoseEvent }) => event.type === 'JUMP' && event.step === step,
        target: `.${step}`,
        actions: 'restore' as const,
      })),
    },
    states: stepStates(),
  });
}

const PARAMS: Record<keyof DiagnosticAnswers, string> = {
  task: 'task',
  simpleShare: 'simple',
  hardShare: 'hard',
  quality: 'quality',
  latency: 'latency',
  requestsPerDay: 'perDay',
  promptTokens: 'prompt',
  sharedPrefixTokens: 'prefix',
  outputTokens: 'output',
  tools: 'tools',
  monthlyBudget: 'budget',
};

/** The answers as a query string (the same names the no-JS form submits), plus the step shown unless it is the result. */
export function answersToQuery(a: DiagnosticAnswers, step: Step | 'result' = 'result', returning = false): string {
  const q = new URLSearchParams();
  if (step !== 'result') q.set('step', step);
  if (step !== 'result' && returning) q.set('change', '1');
  for (const [key, name] of Object.entries(PARAMS) as [keyof DiagnosticAnswers, string][]) {
    const v = a[key];
    if (v !== null) q.set(name, String(v));
  }
  return `?${q.toString()}`;
}

/**
 * Answers from a query string; `complete` when every step validates. Never throws: unknown
 * values fall back to the defaults and are listed in `ignored`.
 */
export interface QueryAnswers {
  answers: DiagnosticAnswers;
  complete: boolean;
  /** Parameter names whose values could not be used. */
  ignored: string[];
  /** What each ignored parameter said, as typed: `perDay=-4`. */
  ignoredText: string[];
  present: boolean;
  /** The step named by `step=`, when it names one. */
  step?: Step;
  /** `change=1`: the step was opened with "Change" from the result. */
  returning: boolean;
  /** The first step whose answers do not pass its check, if any. */
  firstInvalid?: Step;
}

export function answersFromQuery(search: string): QueryAnswers {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
  const answers: DiagnosticAnswers = { ...DEFAULT_ANSWERS };
  const ignored: string[] = [];
  const ignoredText: string[] = [];
  let present = false;
  const num = (raw: string) => (raw.trim() === '' ? Number.NaN : Number(raw));
  for (const [key, name] of Object.entries(PARAMS) as [keyof DiagnosticAnswers, string][]) {
    const raw = q.get(name);
    if (raw === null) continue;
    present = true;
    const target = answers as unknown as Record<string, unknown>;
    if (key === 'task' || key === 'quality' || key === 'latency' || key === 'tools') {
      const allowed: readonly string[] = { task: TASKS, quality: QUALITY, latency: LATENCY, tools: TOOLS }[key];
      if (allowed.includes(raw)) target[key] = raw;
      else ignored.push(name);
    } else if (key === 'monthlyBudget') {
      const n = num(raw);
      if (raw.trim() === '') target[key] = null;
      else if (Number.isFinite(n) && n > 0) target[key] = n;
      else ignored.push(name);
    } else {
      const n = num(raw);
      if (Number.isFinite(n) && n >= 0) target[key] = n;
      else ignored.push(name);
    }
  }
  for (const name of ignored) ignoredText.push(`${name}=${(q.get(name) ?? '').slice(0, 40)}`);
  const rawStep = q.get('step');
  const step = STEPS.find((s) => s === rawStep);
  if (rawStep !== null && !step) {
    ignored.push('step');
    ignoredText.push(`step=${rawStep.slice(0, 40)}`);
  }
  const firstInvalid = STEPS.find((s) => validateStep(s, answers) !== null);
  const complete = present && ignored.length === 0 && firstInvalid === undefined;
  const out: QueryAnswers = { answers, complete, ignored, ignoredText, present, returning: q.get('change') === '1' };
  if (step) out.step = step;
  if (firstInvalid) out.firstInvalid = firstInvalid;
  return out;
}
