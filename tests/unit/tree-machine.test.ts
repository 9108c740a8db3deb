import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createActor } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import { treeSchema } from '../../src/schemas/tree.ts';
import { compileTree, currentNode, type TreeEvent, type TreeSnapshot } from '../../src/lib/tree-machine.ts';
import { checkLink, TreeError, validateTrees, type LinkTargets } from '../../src/lib/tree-validate.ts';
import { extractHeadings } from '../../src/lib/headings.ts';
import type { Tree } from '../../src/lib/tree-types.ts';

const root = join(import.meta.dirname, '../..');
const treeDir = join(root, 'content/trees');
const files = readdirSync(treeDir).filter((f) => f.endsWith('.yaml')).sort();

function loadTree(file: string): Tree {
  const result = treeSchema.safeParse(parse(readFileSync(join(treeDir, file), 'utf8')));
  if (!result.success) throw new Error(`content/trees/${file}: ${result.error.message}`);
  return result.data;
}

const trees = files.map(loadTree);
const byId = new Map(trees.map((t) => [t.id, t]));

/** Link targets computed from the files: chapter h2/h3 anchors (github-slugger slugs) and error ids. */
function linkTargets(): LinkTargets {
  const chapters = new Map<string, Set<string>>();
  for (const f of readdirSync(join(root, 'content/chapters')).filter((n) => n.endsWith('.mdx'))) {
    const headings = extractHeadings(readFileSync(join(root, 'content/chapters', f), 'utf8'));
    chapters.set(f.replace(/\.mdx$/, ''), new Set(headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => h.slug)));
  }
  const errors = new Set(
    readdirSync(join(root, 'content/errors'))
      .filter((n) => /\.(ya?ml|json)$/.test(n))
      .map((n) => n.replace(/\.(ya?ml|json)$/, '')),
  );
  return { chapters, errors };
}

/** Traversal events: at a question, one ANSWER per option (BACK / RESTART are tested separately). */
function answerEvents(tree: Tree) {
  const all = trees;
  return (snapshot: TreeSnapshot): TreeEvent[] => {
    const node = currentNode(snapshot);
    const question = all.flatMap((t) => t.questions).find((q) => q.id === node);
    void tree;
    return question ? question.options.map((o) => ({ type: 'ANSWER', question: node, option: o.id }) as const) : [];
  };
}

const isOutcome = (id: string) => trees.some((t) => t.outcomes.some((o) => o.id === id));
const isFinal = (s: TreeSnapshot) => {
  const node = currentNode(s);
  return isOutcome(node);
};

describe('tree files', () => {
  it('include the master tree and the five sub-trees', () => {
    expect(files).toEqual(
      ['context-window', 'cost-spike', 'latency', 'master', 'quality', 'rate-limits'].map((id) => `${id}.yaml`),
    );
  });

  it('pass the cross-reference and link checks the build runs', () => {
    const issues = validateTrees(
      trees.map((tree, i) => ({ file: `content/trees/${files[i]}`, tree })),
      linkTargets(),
    );
    expect(issues.map((i) => `${i.file} ${i.node ?? ''}: ${i.message}`)).toEqual([]);
  });

  it('reach every sub-tree from the master tree', () => {
    const master = byId.get('master') as Tree;
    const reached = new Set(
      master.questions.flatMap((q) => q.options.map((o) => o.next)).filter((n) => n.startsWith('tree:')).map((n) => n.slice(5).split('/')[0]),
    );
    expect([...reached].sort()).toEqual(['context-window', 'cost-spike', 'latency', 'quality', 'rate-limits']);
  });
});

describe.each(trees.map((t) => [t.id, t] as const))('tree %s compiled to a machine', (_id, tree) => {
  const machine = compileTree(tree.id, trees);
  const events = answerEvents(tree);
  const ownNodes = [...tree.questions.map((q) => q.id), ...tree.outcomes.map((o) => o.id)];

  it('reaches every question and outcome of the tree (getShortestPaths)', () => {
    const reached = new Set(getShortestPaths(machine, { events }).map((p) => currentNode(p.state)));
    expect(ownNodes.filter((id) => !reached.has(id))).toEqual([]);
  });

  it('ends every path in an outcome, and only outcomes end paths (getSimplePaths)', () => {
    const adjacency = getAdjacencyMap(machine, { events });
    const ends = Object.values(adjacency).filter((v) => Object.keys(v.transitions).length === 0);
    expect(ends.length).toBeGreaterThan(0);
    for (const end of ends) expect(isOutcome(currentNode(end.state))).toBe(true);

    const paths = getSimplePaths(machine, { events, toState: (s) => isFinal(s) });
    // One simple path per leaf of the unrolled tree: the maximal paths are exactly the paths to outcomes.
    expect(paths.length).toBe(ends.length);
    for (const path of paths) {
      expect(path.state.status).toBe('active');
      expect(machine.getStateNodeById(`tree-${tree.id}.walk.${currentNode(path.state)}`).type).toBe('final');
      // steps[0] is the xstate.init step; every later step is one ANSWER.
      expect(path.steps[0]?.event.type).toBe('xstate.init');
      expect(path.state.context.answers).toHaveLength(path.steps.length - 1);
    }
  });

  it('has no dead-end question: every option of every question moves to another node', () => {
    const adjacency = getAdjacencyMap(machine, { events });
    for (const value of Object.values(adjacency)) {
      const node = currentNode(value.state);
      if (isOutcome(node)) continue;
      const targets = Object.values(value.transitions as Record<string, { state: TreeSnapshot }>).map((t) => currentNode(t.state));
      expect(targets.length, `question ${node}`).toBeGreaterThanOrEqual(2);
      for (const t of targets) expect(t, `question ${node}`).not.toBe(node);
    }
  });

  it('steps BACK to the previous question and RESTARTs from every outcome', () => {
    for (const path of getShortestPaths(machine, { events, toState: (s) => isFinal(s) })) {
      const answers = path.steps.map((s) => s.event).filter((e): e is TreeEvent => e.type === 'ANSWER');
      const actor = createActor(machine).start();
      const visited = [currentNode(actor.getSnapshot())];
      for (const event of answers) {
        actor.send(event);
        visited.push(currentNode(actor.getSnapshot()));
      }
      expect(isOutcome(visited[visited.length - 1] as string)).toBe(true);
      for (let i = visited.length - 2; i >= 0; i--) {
        actor.send({ type: 'BACK' });
        expect(currentNode(actor.getSnapshot())).toBe(visited[i]);
        expect(actor.getSnapshot().context.answers).toHaveLength(i);
      }
      actor.send({ type: 'BACK' });
      expect(currentNode(actor.getSnapshot())).toBe(tree.start);
      for (const event of answers) actor.send(event);
      actor.send({ type: 'RESTART' });
      expect(currentNode(actor.getSnapshot())).toBe(tree.start);
      expect(actor.getSnapshot().context.answers).toEqual([]);
      actor.stop();
    }
  });

  it('ignores answers that do not belong to the current question', () => {
    const actor = createActor(machine).start();
    const first = tree.questions.find((q) => q.id === tree.start)!;
    actor.send({ type: 'ANSWER', question: tree.start, option: 'no-such-option' });
    actor.send({ type: 'ANSWER', question: 'not-here', option: first.options[0]!.id });
    expect(currentNode(actor.getSnapshot())).toBe(tree.start);
    expect(actor.getSnapshot().context.answers).toEqual([]);
  });
});

describe('outcome links', () => {
  const targets = linkTargets();
  const cases = trees.flatMap((t) => t.outcomes.flatMap((o) => o.links.map((l) => [`${t.id}/${o.id}`, l.href] as const)));
  it.each(cases)('%s → %s resolves', (_where, href) => {
    expect(checkLink(href, targets, byId)).toBeNull();
  });
  it('rejects a missing chapter, a missing anchor, a missing error and an unknown page', () => {
    expect(checkLink('/guide/no-such-chapter/', targets, byId)).toMatch(/does not exist/);
    expect(checkLink('/guide/rate-limits/#no-such-heading', targets, byId)).toMatch(/no heading/);
    expect(checkLink('/errors/no-such-error/', targets, byId)).toMatch(/does not exist/);
    expect(checkLink('/blog/', targets, byId)).toMatch(/not a page/);
    expect(checkLink('/troubleshoot/master/', targets, byId)).toMatch(/starts at \/troubleshoot\//);
    expect(checkLink('/troubleshoot/latency/no-node/', targets, byId)).toMatch(/does not have/);
  });
});

describe('compiler errors on bad tree files', () => {
  const fixtureDir = join(import.meta.dirname, 'fixtures/trees');
  const load = (name: string): Tree => parse(readFileSync(join(fixtureDir, name), 'utf8')) as Tree;
  const expectTreeError = (fn: () => unknown, ...parts: RegExp[]) => {
    let error: unknown;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TreeError);
    for (const p of parts) expect((error as Error).message).toMatch(p);
  };

  it('names the file and node of an answer leading nowhere', () => {
    expectTreeError(() => compileTree('bad-next', [load('bad-next.yaml')]), /content\/trees\/bad-next\.yaml › node "q-kind"/, /leads to "o-missing", which does not exist/);
  });
  it('reports an orphan question and an unreachable outcome', () => {
    expectTreeError(() => compileTree('orphan', [load('orphan.yaml')]), /node "q-lost": question is an orphan/, /node "o-lost": outcome is unreachable/);
  });
  it('reports a cycle with its path', () => {
    expectTreeError(() => compileTree('cycle', [load('cycle.yaml')]), /closes a cycle: c-one → c-two → c-one/);
  });
  it('reports a cycle through sub-tree jumps', () => {
    expectTreeError(() => compileTree('loop-a', [load('loop-a.yaml'), load('loop-b.yaml')]), /sub-tree jumps form a cycle: loop-a → loop-b → loop-a/);
  });
  it('reports a jump to a missing tree, a duplicate id across trees and a bad start', () => {
    const good = load('bad-next.yaml');
    const missingTree: Tree = { ...good, id: 'jumper', start: 'j-q', questions: [{ id: 'j-q', text: 'Where?', options: [{ id: 'a', label: 'A', next: 'tree:nowhere' }, { id: 'b', label: 'B', next: 'j-o' }] }], outcomes: [{ ...good.outcomes[0]!, id: 'j-o' }] };
    expectTreeError(() => compileTree('jumper', [missingTree]), /node "j-q": answer "a" leads to tree "nowhere", which does not exist/);
    const dup: Tree = { ...missingTree, id: 'dup', questions: [{ ...missingTree.questions[0]!, options: [{ id: 'a', label: 'A', next: 'j-o' }, { id: 'b', label: 'B', next: 'j-o' }] }] };
    expectTreeError(() => compileTree('dup', [dup, { ...dup, id: 'dup-two' }]), /content\/trees\/dup-two\.yaml › node "j-q": id "j-q" is used also in tree "dup"/);
    expectTreeError(() => compileTree('dup', [{ ...dup, start: 'j-o' }]), /node "j-o": start must be a question/);
    expectTreeError(() => compileTree('absent', [dup]), /tree "absent" does not exist/);
    const toStart: Tree = { ...missingTree, id: 'to-start', questions: [{ ...missingTree.questions[0]!, options: [{ id: 'a', label: 'A', next: 'tree:dup/j-q' }, { id: 'b', label: 'B', next: 'j-o2' }] }], outcomes: [{ ...good.outcomes[0]!, id: 'j-o2' }], start: 'j-q2' };
    toStart.questions[0]!.id = 'j-q2';
    expectTreeError(() => compileTree('to-start', [dup, toStart]), /"j-q" is the start of "dup", write next: "tree:dup"/);
  });
  it('rejects a file that fails the schema, naming the field', () => {
    const result = treeSchema.safeParse(parse(readFileSync(join(fixtureDir, 'bad-schema.yaml'), 'utf8')));
    expect(result.success).toBe(false);
    const paths = (result.error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['questions.0.text', 'questions.0.options.1.next', 'outcomes.0.id']));
  });
});

describe('tree content that must stay current', () => {
  it('every calculator link names only current models (status from the catalogue), or none and opens on the current lineup', async () => {
    const { MODELS } = await import('../../src/lib/catalogue.ts');
    const current = new Set(MODELS.filter((m) => m.status.value === 'current').map((m) => m.id));
    const links = trees.flatMap((t) => t.outcomes.flatMap((o) => o.links.map((l) => ({ at: `${t.id}/${o.id}`, href: l.href }))));
    const calc = links.filter((l) => l.href.startsWith('/calculator/'));
    expect(calc.length).toBeGreaterThan(3);
    for (const { at, href } of calc) {
      const q = new URLSearchParams(href.split('?')[1] ?? '');
      const ids = [...(q.get('models')?.split(',') ?? []), ...(q.get('mix')?.split(',').map((e) => e.split(':')[0]!) ?? [])];
      for (const id of ids) expect(current.has(id), `${at}: ${href} names ${id}`).toBe(true);
    }
  });
  it('every 529 outcome says to check the status page first', () => {
    const overload = trees.flatMap((t) => t.outcomes).filter((o) => /529|overload/i.test(`${o.title} ${o.diagnosis}`));
    expect(overload.length).toBeGreaterThanOrEqual(2);
    for (const o of overload) expect(o.fix, o.id).toMatch(/^Check status\.anthropic\.com first/);
  });
  it('the cloud-throttling answer does not re-ask about the Claude API 429 and 529', () => {
    const symptom = byId.get('master')!.questions.find((q) => q.id === 'symptom')!;
    const next = symptom.options.find((o) => o.id === 'cloud-throttling')!.next;
    const target = byId.get('rate-limits')!.questions.find((q) => `tree:rate-limits/${q.id}` === next)!;
    expect(target.options.map((o) => o.label).join(' ')).not.toMatch(/429 `rate_limit_error`|529/);
  });
  it('advice names budget_tokens only as a legacy knob', () => {
    for (const t of trees) {
      for (const o of t.outcomes) {
        if (/budget_tokens/.test(o.fix)) expect(o.fix, o.id).toMatch(/older models|reject/);
        expect(o.fix, o.id).not.toMatch(/shrink the thinking budget/);
      }
    }
  });
  it('has paths for a slow first token while streaming, refusals, the Sonnet 5.5 tool_choice 400 and the new cost lines', () => {
    const outcomes = new Set(trees.flatMap((t) => t.outcomes.map((o) => o.id)));
    for (const id of ['lat-ttft-prompt', 'lat-ttft-thinking', 'lat-ttft-floor', 'refusal-stop', 'tool-choice-sonnet55', 'cs-prompt-tier', 'cs-fast-mode', 'cs-us-geo', 'cs-web-search']) {
      expect(outcomes.has(id), id).toBe(true);
    }
  });
});
