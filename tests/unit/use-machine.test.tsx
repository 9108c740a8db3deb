// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { renderToString } from 'preact-render-to-string';
import { assign, setup } from 'xstate';
import { useMachine } from '../../src/islands/use-machine.ts';

const counter = setup({
  types: { context: {} as { count: number }, events: {} as { type: 'INC' } | { type: 'DONE' } },
  actions: { increment: assign({ count: ({ context }) => context.count + 1 }) },
}).createMachine({
  id: 'counter',
  context: { count: 0 },
  initial: 'counting',
  states: {
    counting: { on: { INC: { actions: 'increment' }, DONE: 'done' } },
    done: { type: 'final' },
  },
});

let send: ((e: { type: 'INC' } | { type: 'DONE' }) => void) | undefined;
let actorStatus: () => string = () => 'none';

function Counter() {
  const [snapshot, s, actor] = useMachine(counter);
  send = s;
  actorStatus = () => actor.getSnapshot().status;
  return h('p', null, `${String(snapshot.value)}:${snapshot.context.count}`);
}

describe('useMachine', () => {
  it('renders the initial snapshot on the server without starting the actor', () => {
    expect(renderToString(h(Counter, null))).toBe('<p>counting:0</p>');
  });

  it('re-renders on every transition, reaches final states and stops the actor on unmount', () => {
    const root = document.createElement('div');
    act(() => render(h(Counter, null), root));
    expect(root.textContent).toBe('counting:0');
    act(() => send!({ type: 'INC' }));
    act(() => send!({ type: 'INC' }));
    expect(root.textContent).toBe('counting:2');
    act(() => send!({ type: 'DONE' }));
    expect(root.textContent).toBe('done:2');
    expect(actorStatus()).toBe('done');

    const root2 = document.createElement('div');
    act(() => render(h(Counter, null), root2));
    act(() => render(null, root2));
    expect(actorStatus()).toBe('stopped');
  });
});
