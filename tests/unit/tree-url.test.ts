import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { treeSchema } from '../../src/schemas/tree.ts';
import {
  answersQuery,
  MAX_ANSWERS,
  nodeHref,
  pageFromPath,
  parseAnswers,
  pathTo,
  resolveUrlState,
  serializeAnswers,
} from '../../src/lib/tree-url.ts';
import { flattenGraph, type TreeGraph } from '../../src/lib/tree-graph.ts';
import { viewOf } from '../../src/lib/tree-view.ts';
import { compileGraph, currentNode } from '../../src/lib/tree-machine.ts';
import { createActor } from 'xstate';
import type { Answer, Tree } from '../../src/lib/tree-types.ts';

const dir = join(import.meta.dirname, '../../content/trees');
const trees: Tree[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => treeSchema.parse(parse(readFileSync(join(dir, f), 'utf8'))));
const master = flattenGraph('master', trees) as TreeGraph;
const allNodes = new Set(trees.flatMap((t) => [...t.questions.map((q) => q.id), ...t.outcomes.map((o) => o.id)]));

describe('parseAnswers', () => {
  it('reads question:option pairs in order', () => {
    expect(parseAnswers('?a=symptom:http-429,rl-429-detail:input')).toEqual({
      answers: [
        { question: 'symptom', option: 'http-429' },
        { question: 'rl-429-detail', option: 'input' },
      ],
      malformed: [],
      present: true,
    });
  });
  it('accepts the percent-encoded form a browser or chat app may produce', () => {
    expect(parseAnswers('a=symptom%3Ahttp-429%2Crl-429-detail%3Ainput').answers).toHaveLength(2);
  });
  it('tells "no parameter" from "empty parameter"', () => {
    expect(parseAnswers('')).toEqual({ answers: [], malformed: [], present: false });
    expect(parseAnswers('?utm_source=x')).toMatchObject({ present: false });
    expect(parseAnswers('?a=')).toEqual({ answers: [], malformed: [], present: true });
  });
  it('reports pieces that are not question:option', () => {
    expect(parseAnswers('?a=symptom:http-429,oops,Q:x,a:b:c,<script>').malformed).toEqual(['oops', 'Q:x', 'a:b:c', '<script>']);
  });
  it('rejects absurdly long walks unread', () => {
    const long = Array.from({ length: MAX_ANSWERS + 1 }, (_, i) => `q${i}:x`).join(',');
    expect(parseAnswers(`?a=${long}`)).toMatchObject({ answers: [], malformed: [`${MAX_ANSWERS + 1} answers`] });
  });
  it('never throws, whatever the query string', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseAnswers(s);
      return Array.isArray(r.answers) && Array.isArray(r.malformed);
    }));
    fc.assert(fc.property(fc.string(), (s) => Array.isArray(parseAnswers(`?a=${s}`).answers)));
  });
});

describe('serializeAnswers / answersQuery', () => {
  const id = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  it('round-trips through parseAnswers', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ question: id, option: id }), { maxLength: 10 }), (answers: Answer[]) => {
        expect(parseAnswers(answersQuery(answers)).answers).toEqual(answers);
      }),
    );
  });
  it('writes the readable form and nothing for no answers', () => {
    expect(serializeAnswers([{ question: 'q1', option: 'x' }, { question: 'q2', option: 'y' }])).toBe('q1:x,q2:y');
    expect(answersQuery([])).toBe('');
  });
});

describe('node URLs', () => {
  it('puts tree starts at the tree path and other nodes below it', () => {
    expect(nodeHref(master, 'symptom', [])).toBe('/troubleshoot/');
    expect(nodeHref(master, 'rl-status', [])).toBe('/troubleshoot/rate-limits/');
    expect(nodeHref(master, 'rl-itpm', [{ question: 'symptom', option: 'http-429' }])).toBe('/troubleshoot/rate-limits/rl-itpm/?a=symptom:http-429');
  });
  it('maps paths back to pages', () => {
    expect(pageFromPath('/troubleshoot/', trees)).toEqual({ tree: 'master', node: 'symptom' });
    expect(pageFromPath('/troubleshoot/latency/', trees)).toEqual({ tree: 'latency', node: 'lat-kind' });
    expect(pageFromPath('/troubleshoot/latency/lat-tail/', trees)).toEqual({ tree: 'latency', node: 'lat-tail' });
    expect(pageFromPath('/troubleshoot/nope/', trees)).toBeNull();
    expect(pageFromPath('/guide/latency/', trees)).toBeNull();
  });
});

describe('resolveUrlState', () => {
  const page = { tree: 'rate-limits', node: 'rl-itpm' };

  it('without answers, states the walk from "What\'s wrong?" when the page is reachable from there (the URL a walk with JavaScript has)', () => {
    expect(resolveUrlState(trees, page, '')).toEqual({
      status: 'ok',
      root: 'master',
      node: 'rl-itpm',
      answers: [
        { question: 'symptom', option: 'http-429' },
        { question: 'rl-429-detail', option: 'input' },
      ],
    });
    expect(resolveUrlState(trees, { tree: 'master', node: 'symptom' }, '')).toMatchObject({ status: 'ok', answers: [] });
  });

  it('without answers, a node the master tree does not lead to uses the path inside its own tree', () => {
    expect(resolveUrlState(trees, { tree: 'rate-limits', node: 'rl-status' }, '')).toEqual({ status: 'ok', root: 'rate-limits', node: 'rl-status', answers: [] });
    // Bedrock throttling is reached from "What's wrong?" without re-asking about the Claude API's 429 and 529.
    expect(resolveUrlState(trees, { tree: 'rate-limits', node: 'rl-bedrock' }, '')).toEqual({
      status: 'ok',
      root: 'master',
      node: 'rl-bedrock',
      answers: [
        { question: 'symptom', option: 'cloud-throttling' },
        { question: 'rl-cloud', option: 'bedrock' },
      ],
    });
  });

  it('replays a walk that started in the master tree and jumped into the sub-tree', () => {
    const state = resolveUrlState(trees, page, '?a=symptom:http-429,rl-429-detail:input');
    expect(state).toMatchObject({ status: 'ok', root: 'master', node: 'rl-itpm' });
  });

  it('replays a walk that started at the sub-tree itself', () => {
    expect(resolveUrlState(trees, page, '?a=rl-status:429,rl-429-detail:input')).toMatchObject({ status: 'ok', root: 'rate-limits' });
  });

  const problems: Array<[string, string, RegExp]> = [
    ['?a=symptom:http-429,rl-429-detail:output', 'other-page', /different page/],
    ['?a=symptom:http-429,rl-429-detail:nonsense', 'unknown-option', /"nonsense"/],
    ['?a=retired-question:x', 'unknown-question', /"retired-question"/],
    ['?a=rl-429-detail:input', 'out-of-order', /beginning of a tree/],
    ['?a=symptom:http-429,rl-status:429', 'out-of-order', /do not follow each other/],
    ['?a=symptom:http-429,rl-429-detail:input,rl-itpm:more', 'out-of-order', /do not follow each other/],
    ['?a=symptom:http-429,some-new-question:x', 'unknown-question', /"some-new-question"/],
    ['?a=symptom', 'malformed', /could not be read/],
    ['?a=symptom:cost-spike,cs-where:input,cs-cache-q:no', 'other-page', /different page/],
  ];
  it.each(problems)('%s → %s, with a message and the start of the page\'s tree', (search, problem, message) => {
    const state = resolveUrlState(trees, page, search);
    expect(state.status).toBe('problem');
    if (state.status !== 'problem') return;
    expect(state.problem).toBe(problem);
    expect(state.message).toMatch(message);
    expect(state).toMatchObject({ root: 'rate-limits', node: 'rl-status', answers: [] });
  });

  it('reports a page that is not in any tree', () => {
    expect(resolveUrlState(trees, { tree: 'rate-limits', node: 'gone' }, '')).toMatchObject({ status: 'problem', problem: 'unknown-node', node: 'rl-status' });
    expect(resolveUrlState(trees, { tree: 'gone', node: 'gone' }, '')).toMatchObject({ status: 'problem', problem: 'unknown-node' });
  });

  it('never throws and always names a node that exists, for any query string', () => {
    const pages = trees.flatMap((t) => [...t.questions, ...t.outcomes].map((n) => ({ tree: t.id, node: n.id })));
    fc.assert(
      fc.property(fc.constantFrom(...pages), fc.string(), (p, junk) => {
        for (const search of [junk, `?a=${junk}`, `?a=symptom:http-429,${junk}`]) {
          const state = resolveUrlState(trees, p, search);
          expect(allNodes.has(state.node)).toBe(true);
        }
      }),
    );
  });

  it('accepts every walk the master tree can produce, on the page where it ends', () => {
    let reached = 0;
    for (const [id, node] of master.nodes) {
      const path = pathTo(master, id);
      // A sub-tree's own start questions that "What's wrong?" skips over are walked from the sub-tree.
      if (path === null && node.tree !== 'master') continue;
      expect(path, id).not.toBeNull();
      reached++;
      const state = resolveUrlState(trees, { tree: node.tree, node: id }, answersQuery(path ?? []));
      expect(state, id).toMatchObject({ status: 'ok', node: id });
    }
    expect(reached).toBeGreaterThan(master.nodes.size - 3);
  });
});

describe('viewOf', () => {
  it('builds the breadcrumb with a change link per answer, Back and the map link', () => {
    const answers = [
      { question: 'symptom', option: 'http-429' },
      { question: 'rl-429-detail', option: 'input' },
    ];
    const view = viewOf(master, 'rl-itpm', answers);
    expect(view).toMatchObject({
      kind: 'outcome',
      heading: 'Input tokens per minute (ITPM) exhausted',
      treeId: 'rate-limits',
      backHref: '/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429',
      startHref: '/troubleshoot/',
      mapHref: '/troubleshoot/rate-limits/map/#n-rl-itpm',
      href: '/troubleshoot/rate-limits/rl-itpm/?a=symptom:http-429,rl-429-detail:input',
    });
    expect(view?.crumbs.map((c) => c.changeHref)).toEqual(['/troubleshoot/', '/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429']);
    expect(view?.crumbs[0]?.optionLabel).toBe('HTTP 429 `rate_limit_error`');
  });
  it('links each answer to the next node with the answer appended', () => {
    const view = viewOf(master, 'symptom', []);
    expect(view?.backHref).toBeNull();
    expect(view?.intro).toMatch(/symptom/);
    expect(view?.options.find((o) => o.id === 'http-529')?.href).toBe('/troubleshoot/rate-limits/rl-529-pattern/?a=symptom:http-529');
    expect(view?.options.find((o) => o.id === 'slow')?.href).toBe('/troubleshoot/latency/?a=symptom:slow');
  });
});

describe('a page that holds only some trees (the master tree and its own)', () => {
  const partial = flattenGraph('master', trees.filter((t) => t.id === 'master' || t.id === 'latency')) as TreeGraph;
  it('links answers into trees it does not hold as ordinary links to their pages', () => {
    const view = viewOf(partial, 'symptom', []);
    expect(view?.options.find((o) => o.id === 'http-429')).toMatchObject({ external: true, href: '/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429' });
    expect(view?.options.find((o) => o.id === 'cost-spike')).toMatchObject({ external: true, href: '/troubleshoot/cost-spike/?a=symptom:cost-spike' });
    expect(view?.options.find((o) => o.id === 'slow')).toMatchObject({ external: false, href: '/troubleshoot/latency/?a=symptom:slow' });
  });
  it('compiles a machine without transitions into the missing trees', () => {
    const actor = createActor(compileGraph(partial)).start();
    actor.send({ type: 'ANSWER', question: 'symptom', option: 'http-429' });
    expect(currentNode(actor.getSnapshot())).toBe('symptom');
    actor.send({ type: 'ANSWER', question: 'symptom', option: 'slow' });
    expect(currentNode(actor.getSnapshot())).toBe('lat-kind');
  });
  it('still resolves a shared URL that began in the master tree', () => {
    const few = trees.filter((t) => t.id === 'master' || t.id === 'latency');
    expect(resolveUrlState(few, { tree: 'latency', node: 'lat-tail' }, '?a=symptom:slow,lat-kind:tail')).toMatchObject({ status: 'ok', root: 'master' });
  });
});

describe('one URL per walk, whichever page it began on', () => {
  // "HTTP 429" is answered on "What are you seeing?" (symptom:http-429) or on the rate-limits tree's own first
  // question (rl-status:429); both lead to rl-429-detail. Static pages state their walk from "What are you seeing?",
  // so links from the rate-limits start write the master's answer too, and JS and no-JS walks share URLs.
  const rl = flattenGraph('rate-limits', trees) as TreeGraph;

  it('links from the sub-tree start write the first answer as the master question does', () => {
    const start = viewOf(rl, 'rl-status', [])!;
    const to429 = start.options.find((o) => o.id === '429')!;
    expect(to429.href).toBe('/troubleshoot/rate-limits/rl-429-detail/?a=symptom:http-429');
    const detail = viewOf(rl, 'rl-429-detail', [{ question: 'rl-status', option: '429' }])!;
    const fromMaster = viewOf(master, 'rl-429-detail', [{ question: 'symptom', option: 'http-429' }])!;
    expect(detail.options.map((o) => o.href)).toEqual(fromMaster.options.map((o) => o.href));
    expect(detail.href).toBe(fromMaster.href);
  });

  it('every option of every sub-tree start that "What are you seeing?" also offers gets the same URL from both', () => {
    let checked = 0;
    for (const t of trees.filter((x) => x.id !== 'master')) {
      const g = flattenGraph(t.id, trees) as TreeGraph;
      for (const o of viewOf(g, t.start, [])!.options) {
        const node = [...g.nodes.keys()].find((id) => o.href.startsWith(nodeHref(g, id, [])) && nodeHref(g, id, []) !== nodeHref(g, t.start, []));
        if (!node || !master.nodes.has(node)) continue;
        const path = pathTo(master, node);
        if (path?.length === 1) {
          expect(o.href).toBe(nodeHref(master, node, path));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3); // 429, 529 and cloud throttling at least
  });

  it('a link written either way still opens the same page', () => {
    const page = { tree: 'rate-limits', node: 'rl-spend-cap' };
    const a = resolveUrlState(trees, page, '?a=rl-status:429,rl-429-detail:spend');
    const b = resolveUrlState(trees, page, '?a=symptom:http-429,rl-429-detail:spend');
    expect(a.status).toBe('ok');
    expect(b.status).toBe('ok');
  });
});
