/**
 * The one compiler from decision-tree data to an XState v5 machine.
 *
 * - every question is a state; every outcome is a final state (inside the `walk`
 *   compound state, so the actor stays alive and BACK / RESTART still work there);
 * - the answers so far are in `context.answers`;
 * - events: `ANSWER { question, option }`, `BACK`, `RESTART`.
 *
 * Sub-tree jumps (`next: "tree:<id>"`) are inlined: the machine of `master`
 * contains every node of the sub-trees it can reach (node ids are unique across
 * trees, which the validation enforces).
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import { resolveNext, type TreeGraph } from './tree-graph.ts';
import { buildGraph } from './tree-validate.ts';
import type { Answer, Tree } from './tree-types.ts';

export type TreeEvent =
  | { type: 'ANSWER'; question: string; option: string }
  | { type: 'BACK' }
  | { type: 'RESTART' };

export interface TreeContext {
  answers: Answer[];
}

const treeSetup = setup({
  types: {
    context: {} as TreeContext,
    events: {} as TreeEvent,
  },
  guards: {
    /** The event answers `question` with `option`. */
    isAnswer: ({ event }, params: { question: string; option: string }) =>
      event.type === 'ANSWER' && event.question === params.question && event.option === params.option,
    /** The last answer given was to `question` (where BACK returns to). */
    lastAnsweredIs: ({ context }, params: { question: string }) =>
      context.answers[context.answers.length - 1]?.question === params.question,
  },
  actions: {
    recordAnswer: assign({
      answers: ({ context }, params: { question: string; option: string }) => [
        ...context.answers,
        { question: params.question, option: params.option },
      ],
    }),
    dropLastAnswer: assign({ answers: ({ context }) => context.answers.slice(0, -1) }),
    clearAnswers: assign({ answers: () => [] }),
  },
});

type TreeSetup = typeof treeSetup;
type TreeMachineConfig = Parameters<TreeSetup['createMachine']>[0];
type StateConfigs = NonNullable<TreeMachineConfig['states']>;
type StateConfig = StateConfigs[string];

/** The machine that walks `graph` (already flattened and checked). */
export function compileGraph(graph: TreeGraph) {
  const walkStates: Record<string, StateConfig> = {};
  const backTransitions: Array<{
    guard: { type: 'lastAnsweredIs'; params: { question: string } };
    target: string;
    actions: 'dropLastAnswer';
  }> = [];

  for (const [id, node] of graph.nodes) {
    if (node.kind === 'outcome') {
      walkStates[id] = { type: 'final', meta: { tree: node.tree, kind: 'outcome' } };
      continue;
    }
    const { question } = node;
    walkStates[id] = {
      meta: { tree: node.tree, kind: 'question' },
      on: {
        // An answer into a sub-tree that is not part of this graph (the island was given only some trees)
        // has no transition: the island follows its link to that tree's page instead.
        ANSWER: question.options.flatMap((opt) => {
          const target = resolveNext(opt.next, graph.trees);
          if (target === undefined || !graph.nodes.has(target)) return [];
          return [
            {
              guard: { type: 'isAnswer' as const, params: { question: id, option: opt.id } },
              target,
              actions: { type: 'recordAnswer' as const, params: { question: id, option: opt.id } },
            },
          ];
        }),
      },
    };
    backTransitions.push({
      guard: { type: 'lastAnsweredIs', params: { question: id } },
      target: `.walk.${id}`,
      actions: 'dropLastAnswer',
    });
  }

  return treeSetup.createMachine({
    id: `tree-${graph.root}`,
    context: { answers: [] },
    initial: 'walk',
    on: {
      BACK: backTransitions,
      RESTART: { target: `.walk.${graph.start}`, reenter: true, actions: 'clearAnswers' },
    },
    states: {
      walk: {
        initial: graph.start,
        states: walkStates,
      },
    },
  });
}

/** Compiles the tree `rootId` (and the sub-trees it jumps to) from `trees`. Throws a TreeError naming file and node. */
export function compileTree(rootId: string, trees: readonly Tree[]) {
  return compileGraph(buildGraph(rootId, trees));
}

export type TreeMachine = ReturnType<typeof compileGraph>;
export type TreeSnapshot = SnapshotFrom<TreeMachine>;

/** The node id a snapshot is at. */
export function currentNode(snapshot: { value: unknown }): string {
  const value = snapshot.value as { walk?: unknown } | string;
  return typeof value === 'object' && value !== null && typeof value.walk === 'string' ? value.walk : '';
}
