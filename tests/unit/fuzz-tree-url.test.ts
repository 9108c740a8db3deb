// Property-based tests for decision-tree answers in the URL (src/lib/tree-url.ts): any query string and any page
// position resolve without throwing, to either a consistent walk or a reported problem with a plain message; every
// real walk through the trees survives the trip through the URL.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { treeSchema } from '../../src/schemas/tree.ts';
import { flattenGraph, resolveNext, walk, type TreeGraph } from '../../src/lib/tree-graph.ts';
import {
  ANSWER_PARAM,
  MAX_ANSWERS,
  answersQuery,
  pageFromPath,
  parseAnswers,
  resolveUrlState,
  serializeAnswers,
  type PagePosition,
  type UrlState,
} from '../../src/lib/tree-url.ts';
import type { Answer, Tree } from '../../src/lib/tree-types.ts';
import { hostileString, queryString } from '../support/hostile.ts';

const RUNS = 3000;
const treeDir = join(import.meta.dirname, '../../content/trees');
const trees: Tree[] = readdirSync(treeDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => treeSchema.parse(parse(readFileSync(join(treeDir, f), 'utf8'))) as Tree);
const treeIds = trees.map((t) => t.id);
const graphs = new Map(trees.map((t) => [t.id, flattenGraph(t.id, trees) as TreeGraph]));
const questionIds = trees.flatMap((t) => t.questions.map((q) => q.id));
const optionIds = [...new Set(trees.flatMap((t) => t.questions.flatMap((q) => q.options.map((o) => o.id))))];
const allPages: PagePosition[] = trees.flatMap((t) => [...t.questions.map((q) => q.id), ...t.outcomes.map((o) => o.id)].map((node) => ({ tree: t.id, node })));
const TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A real walk from a tree's start: `choices` pick the options (modulo their number) until an outcome or the choices run out. */
function realWalk(root: string, choices: number[]): { root: string; answers: Answer[]; end: string } {
  const graph = graphs.get(root) as TreeGraph;
  const answers: Answer[] = [];
  let node = graph.start;
  for (const c of choices) {
    const here = graph.nodes.get(node);
    if (here?.kind !== 'question') break;
    const opt = here.question.options[c % here.question.options.length]!;
    answers.push({ question: node, option: opt.id });
    node = resolveNext(opt.next, graph.trees) as string;
  }
  return { root, answers, end: node };
}
const walkArb = fc.tuple(fc.constantFrom(...treeIds), fc.array(fc.nat(), { maxLength: 12 })).map(([root, choices]) => realWalk(root, choices));

/** Answer tokens that are real, near-real or hostile. */
const token = fc.oneof(
  fc.tuple(fc.constantFrom(...questionIds), fc.constantFrom(...optionIds)).map(([q, o]) => `${q}:${o}`),
  fc.tuple(fc.constantFrom(...questionIds, ...optionIds), hostileString).map(([q, o]) => `${q}:${o}`),
  fc.tuple(hostileString, hostileString).map(([q, o]) => `${q}:${o}`),
  hostileString,
);
const answerParam = fc.array(token, { maxLength: MAX_ANSWERS + 5 }).map((ts) => ts.join(','));
const search = fc.oneof(
  answerParam.map((a) => `?${ANSWER_PARAM}=${a}`),
  answerParam.map((a) => `?${new URLSearchParams([[ANSWER_PARAM, a]]).toString()}`),
  queryString([ANSWER_PARAM, 'a', 'A', 'q'], fc.oneof(answerParam, hostileString)),
);
const page: fc.Arbitrary<PagePosition> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...allPages) },
  { weight: 1, arbitrary: fc.record({ tree: fc.oneof(fc.constantFrom(...treeIds), hostileString), node: fc.oneof(fc.constantFrom(...questionIds), hostileString) }) },
);

function checkState(state: UrlState, at: PagePosition, search: string) {
  if (state.status === 'ok') {
    expect(treeIds).toContain(state.root);
    expect(state.node).toBe(at.node);
    const result = walk(graphs.get(state.root) as TreeGraph, state.answers);
    expect(result).toEqual({ ok: true, node: at.node });
    for (const a of state.answers) {
      expect(a.question).toMatch(TOKEN);
      expect(a.option).toMatch(TOKEN);
    }
  } else {
    expect(state.answers).toEqual([]);
    expect(state.root).toBe(at.tree);
    const tree = trees.find((t) => t.id === at.tree);
    expect(state.node).toBe(tree ? tree.start : at.node);
    expect(['malformed', 'unknown-question', 'unknown-option', 'out-of-order', 'other-page', 'unknown-node']).toContain(state.problem);
    expect(typeof state.message).toBe('string');
    expect(state.message.trim()).not.toBe('');
    // The message may quote a question or option id from the link, and those are [a-z0-9-] only: never markup.
    expect(state.message).not.toMatch(/[<>&]/);
    // "NaN", "undefined" and the like only when quoted from the link itself.
    const typed = `${search}\n${new URLSearchParams(search).getAll(ANSWER_PARAM).join(',')}`;
    for (const m of state.message.matchAll(/NaN|undefined|Infinity|\[object/g)) expect(typed).toContain(m[0]);
  }
}

describe('tree URL state under random and hostile input', () => {
  it('parseAnswers never throws; what it reads are well-formed ids, the rest is reported as malformed', () => {
    fc.assert(
      fc.property(fc.oneof(search, hostileString), (s) => {
        const parsed = parseAnswers(s);
        expect(typeof parsed.present).toBe('boolean');
        for (const a of parsed.answers) {
          expect(a.question).toMatch(TOKEN);
          expect(a.option).toMatch(TOKEN);
        }
        for (const m of parsed.malformed) expect(typeof m).toBe('string');
        if (!parsed.present) expect(parsed.answers.length + parsed.malformed.length).toBe(0);
        expect(parsed.answers.length).toBeLessThanOrEqual(MAX_ANSWERS);
      }),
      { numRuns: RUNS },
    );
  });

  it('resolveUrlState never throws and returns either a consistent walk to this page or a problem with a plain message', () => {
    fc.assert(
      fc.property(page, search, (at, s) => {
        checkState(resolveUrlState(trees, at, s), at, s);
      }),
      { numRuns: RUNS },
    );
  });

  it('every real walk survives the trip through the URL and lands on its own page', () => {
    fc.assert(
      fc.property(walkArb, ({ root, answers, end }) => {
        const owner = graphs.get(root)!.nodes.get(end)!.tree;
        const at = { tree: owner, node: end };
        const state = resolveUrlState(trees, at, answersQuery(answers));
        checkState(state, at, answersQuery(answers));
        expect(state.status).toBe('ok');
        if (answers.length) expect(state.answers).toEqual(answers);
        expect(parseAnswers(`?${ANSWER_PARAM}=${serializeAnswers(answers)}`).answers).toEqual(answers);
      }),
      { numRuns: RUNS },
    );
  });

  it('a tampered real walk (dropped, repeated, reordered, altered or extra answers) never throws and is never taken for another walk', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('repeat' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('option' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...optionIds), hostileString) }),
      fc.record({ kind: fc.constant('append' as const), text: token }),
    );
    fc.assert(
      fc.property(walkArb, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...allPages), ({ answers }, ms, other) => {
        const pieces = answers.map((a) => `${a.question}:${a.option}`);
        for (const m of ms) {
          const i = pieces.length ? ('at' in m ? m.at % pieces.length : 0) : 0;
          if (m.kind === 'drop') pieces.splice(i, 1);
          else if (m.kind === 'repeat' && pieces.length) pieces.splice(i, 0, pieces[i]!);
          else if (m.kind === 'swap' && pieces.length > 1) [pieces[0], pieces[i]] = [pieces[i]!, pieces[0]!];
          else if (m.kind === 'option' && pieces.length) pieces[i] = `${pieces[i]!.split(':')[0]}:${m.text}`;
          else if (m.kind === 'append') pieces.push(m.text);
        }
        const s = `?${ANSWER_PARAM}=${pieces.join(',')}`;
        const state = resolveUrlState(trees, other, s);
        checkState(state, other, s);
        // When the page accepts the link, the answers it shows are exactly the ones in the link.
        if (state.status === 'ok' && parseAnswers(s).answers.length) expect(state.answers).toEqual(parseAnswers(s).answers);
      }),
      { numRuns: 2000 },
    );
  });

  it('pageFromPath never throws and only names real trees', () => {
    const path = fc.oneof(
      fc.constantFrom(...allPages).map((p) => `/troubleshoot/${p.tree}/${p.node}/`),
      fc.tuple(fc.oneof(fc.constantFrom(...treeIds), hostileString), hostileString).map(([t, n]) => `/troubleshoot/${t}/${n}/`),
      hostileString.map((s) => `/troubleshoot/${s}`),
      hostileString,
    );
    fc.assert(
      fc.property(path, (p) => {
        const at = pageFromPath(p, trees);
        if (at !== null) {
          expect(treeIds).toContain(at.tree);
          expect(at.node).toMatch(/^[a-z0-9-]+$/); // path-safe; an unknown node is reported by resolveUrlState
          checkState(resolveUrlState(trees, at, ''), at, '');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
