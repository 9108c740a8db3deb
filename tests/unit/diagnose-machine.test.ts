import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import fc from 'fast-check';
import {
  answersFromQuery,
  answersToQuery,
  createDiagnoseMachine,
  DEFAULT_ANSWERS,
  STEPS,
  validateStep,
  type DiagnoseEvent,
} from '../../src/lib/diagnose-machine.ts';

describe('the diagnostic wizard machine', () => {
  it('walks the seven steps in order to the result, and back', () => {
    const actor = createActor(createDiagnoseMachine()).start();
    expect(actor.getSnapshot().value).toBe('task');
    for (const step of STEPS) {
      expect(actor.getSnapshot().value).toBe(step);
      actor.send({ type: 'NEXT', answers: {} });
    }
    expect(actor.getSnapshot().value).toBe('result');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('budget');
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('tools');
  });

  it('keeps an invalid step in place with an error, and clears it when fixed', () => {
    const actor = createActor(createDiagnoseMachine()).start();
    actor.send({ type: 'NEXT', answers: { simpleShare: 80, hardShare: 40 } });
    expect(actor.getSnapshot().value).toBe('task');
    expect(actor.getSnapshot().context.error).toMatch(/more than 100%/);
    actor.send({ type: 'NEXT', answers: { simpleShare: 60, hardShare: 40 } });
    expect(actor.getSnapshot().value).toBe('quality');
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(actor.getSnapshot().context.answers).toMatchObject({ simpleShare: 60, hardShare: 40 });
  });

  it('changes one answer from the result and restarts with the defaults', () => {
    const actor = createActor(createDiagnoseMachine({ answers: { ...DEFAULT_ANSWERS, tools: 'complex' }, showResult: true })).start();
    expect(actor.getSnapshot().value).toBe('result');
    actor.send({ type: 'GOTO', step: 'context' });
    expect(actor.getSnapshot().value).toBe('context');
    actor.send({ type: 'RESTART' });
    expect(actor.getSnapshot().value).toBe('task');
    expect(actor.getSnapshot().context.answers).toEqual(DEFAULT_ANSWERS);
  });

  it('"Change" from the result returns to the result after that one answer (check your answers)', () => {
    const actor = createActor(createDiagnoseMachine({ answers: { ...DEFAULT_ANSWERS }, showResult: true })).start();
    actor.send({ type: 'GOTO', step: 'volume' });
    expect(actor.getSnapshot().value).toBe('volume');
    expect(actor.getSnapshot().context.returning).toBe(true);
    actor.send({ type: 'NEXT', answers: { requestsPerDay: -1 } });
    expect(actor.getSnapshot().value).toBe('volume');
    actor.send({ type: 'NEXT', answers: { requestsPerDay: 2_000_000 } });
    expect(actor.getSnapshot().value).toBe('result');
    expect(actor.getSnapshot().context.answers.requestsPerDay).toBe(2_000_000);
    expect(actor.getSnapshot().context.returning).toBe(false);
    // Back from a changed step also returns to the result, unchanged.
    actor.send({ type: 'GOTO', step: 'task' });
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('result');
    // After returning, the walk is normal again: Back from the result goes to the last step.
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('budget');
    actor.send({ type: 'NEXT', answers: {} });
    expect(actor.getSnapshot().value).toBe('result');
  });

  it('JUMP restores a step and its answers (browser Back and Forward)', () => {
    const actor = createActor(createDiagnoseMachine()).start();
    actor.send({ type: 'NEXT', answers: {} });
    actor.send({ type: 'NEXT', answers: {} });
    expect(actor.getSnapshot().value).toBe('latency');
    actor.send({ type: 'JUMP', step: 'quality', answers: { ...DEFAULT_ANSWERS, quality: 'critical' } });
    expect(actor.getSnapshot().value).toBe('quality');
    expect(actor.getSnapshot().context.answers.quality).toBe('critical');
    actor.send({ type: 'JUMP', step: 'result', answers: DEFAULT_ANSWERS });
    expect(actor.getSnapshot().value).toBe('result');
    expect(createActor(createDiagnoseMachine({ step: 'context' })).start().getSnapshot().value).toBe('context');
  });

  it('reaches the result from the start (xstate/graph)', () => {
    const events: DiagnoseEvent[] = [{ type: 'NEXT', answers: {} }, { type: 'BACK' }];
    const paths = getShortestPaths(createDiagnoseMachine(), { events, toState: (s) => String(s.value) === 'result' });
    expect(paths).toHaveLength(1);
    expect(paths[0]?.steps.length).toBe(STEPS.length + 1);
  });
});

describe('validateStep', () => {
  it('accepts the defaults and rejects impossible numbers', () => {
    for (const s of STEPS) expect(validateStep(s, DEFAULT_ANSWERS)).toBeNull();
    expect(validateStep('volume', { ...DEFAULT_ANSWERS, requestsPerDay: 0 })).toMatch(/more than 0/);
    expect(validateStep('context', { ...DEFAULT_ANSWERS, sharedPrefixTokens: 20000, promptTokens: 100 })).toMatch(/cannot be longer/);
    expect(validateStep('context', { ...DEFAULT_ANSWERS, outputTokens: Number.NaN })).toMatch(/numbers/);
    expect(validateStep('budget', { ...DEFAULT_ANSWERS, monthlyBudget: -3 })).toMatch(/above 0/);
  });
});

describe('answers in the URL', () => {
  it('round-trips and marks complete answers', () => {
    const a = { ...DEFAULT_ANSWERS, task: 'coding' as const, hardShare: 30, monthlyBudget: 5000 };
    expect(answersFromQuery(answersToQuery(a))).toEqual({ answers: a, complete: true, ignored: [], ignoredText: [], present: true, returning: false });
    expect(answersFromQuery(answersToQuery(a, 'volume', true))).toMatchObject({ answers: a, step: 'volume', returning: true });
  });
  it('falls back to defaults for unknown values and never throws', () => {
    expect(answersFromQuery('?task=poetry&perDay=-4&tools=complex')).toMatchObject({
      complete: false,
      ignored: ['task', 'perDay'],
      ignoredText: ['task=poetry', 'perDay=-4'],
      answers: { tools: 'complex', task: 'chat' },
    });
    expect(answersFromQuery('?step=nope').ignoredText).toEqual(['step=nope']);
    expect(answersFromQuery('?prompt=100&prefix=500').firstInvalid).toBe('context');
    expect(answersFromQuery('')).toMatchObject({ present: false, complete: false });
    fc.assert(fc.property(fc.string(), (s) => typeof answersFromQuery(s).complete === 'boolean'));
  });
});

describe('the same limits as the calculator, with the same message', () => {
  it('rejects 1e15 requests a day as the calculator does, so "Open in calculator" never lands on "Not computed"', async () => {
    const { parseQuery } = await import('../../src/lib/calculator-state.ts');
    const { catalogueIndex } = await import('../../src/lib/catalogue.ts');
    const calc = parseQuery(catalogueIndex, '?perDay=1e15').errors.volume;
    expect(calc).toBe('Must be at most 1,000,000,000.');
    expect(validateStep('volume', { ...DEFAULT_ANSWERS, requestsPerDay: 1e15 })).toBe(calc);
    expect(validateStep('volume', { ...DEFAULT_ANSWERS, requestsPerDay: 1e9 })).toBeNull();
    const q = answersFromQuery('?task=chat&simple=0&hard=0&quality=high&latency=interactive&perDay=1e15&prompt=10000&prefix=8000&output=500&tools=none');
    expect(q.complete).toBe(false);
    expect(q.firstInvalid).toBe('volume');
  });
  it('token counts over the calculator’s 10,000,000 per request get its message', async () => {
    const { parseQuery } = await import('../../src/lib/calculator-state.ts');
    const { catalogueIndex } = await import('../../src/lib/catalogue.ts');
    const calc = parseQuery(catalogueIndex, '?input=10000001').errors.input;
    expect(validateStep('context', { ...DEFAULT_ANSWERS, promptTokens: 10_000_001, sharedPrefixTokens: 0 })).toBe(calc);
    expect(validateStep('context', { ...DEFAULT_ANSWERS, outputTokens: 10_000_001 })).toBe(calc);
    expect(validateStep('context', { ...DEFAULT_ANSWERS, promptTokens: 10_000_000, sharedPrefixTokens: 0 })).toBeNull();
  });
});
