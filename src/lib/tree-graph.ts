/**
 * Decision trees as a graph at run time: the flattened node graph that the
 * machine compiler, the URL parser and the island share, walking answers, and the
 * URL of every node. No validation here (see tree-validate.ts), so the island
 * bundle stays small. Pure TypeScript, no zod.
 */
import { MASTER_TREE_ID, TREE_REF_PREFIX, type Answer, type Tree, type TreeOutcome, type TreeQuestion } from './tree-types.ts';

export type GraphNode =
  | { kind: 'question'; tree: string; question: TreeQuestion }
  | { kind: 'outcome'; tree: string; outcome: TreeOutcome };

/** Every node reachable from one tree's start, through sub-tree jumps, keyed by (globally unique) node id. */
export interface TreeGraph {
  root: string;
  start: string;
  nodes: ReadonlyMap<string, GraphNode>;
  trees: ReadonlyMap<string, Tree>;
  /**
   * For a sub-tree walked from its own start: first answers that "What are you seeing?" offers as one answer of its own
   * (rate limits: "HTTP 429" is `rl-status:429` here and `symptom:http-429` there). Links are written with the
   * master's answer, so a walk has one URL whichever page it began on, with or without JavaScript.
   */
  rebase?: ReadonlyMap<string, Answer>;
}

export function isTreeRef(next: string): boolean {
  return next.startsWith(TREE_REF_PREFIX);
}

/** The tree id of `tree:<id>` or `tree:<id>/<node>`. */
export function treeRefId(next: string): string {
  return next.slice(TREE_REF_PREFIX.length).split('/')[0] ?? '';
}

/** The entry node of `tree:<id>/<node>`, or undefined for `tree:<id>` (the tree's start). */
export function treeRefNode(next: string): string | undefined {
  return next.slice(TREE_REF_PREFIX.length).split('/')[1];
}

function questionMap(tree: Tree): Map<string, TreeQuestion> {
  return new Map(tree.questions.map((q) => [q.id, q]));
}

/** The node id an answer leads to (`tree:<id>` resolves to that tree's start, `tree:<id>/<node>` to that node). */
export function resolveNext(next: string, trees: ReadonlyMap<string, Tree>): string | undefined {
  if (!isTreeRef(next)) return next;
  const tree = trees.get(treeRefId(next));
  return tree ? (treeRefNode(next) ?? tree.start) : undefined;
}

/**
 * Flattens the tree `rootId` and every sub-tree it can jump to into one graph,
 * without checking it (the build and `compileTree` check; the island gets data
 * that already passed). Returns null when `rootId` is not among `allTrees`.
 */
export function flattenGraph(rootId: string, allTrees: readonly Tree[]): TreeGraph | null {
  const byId = new Map(allTrees.map((t) => [t.id, t]));
  const root = byId.get(rootId);
  if (!root) return null;
  const included = new Map<string, Tree>();
  const nodes = new Map<string, GraphNode>();
  const pending: Tree[] = [root];
  while (pending.length) {
    const tree = pending.pop() as Tree;
    if (included.has(tree.id)) continue;
    included.set(tree.id, tree);
    for (const question of tree.questions) {
      nodes.set(question.id, { kind: 'question', tree: tree.id, question });
      for (const opt of question.options) {
        const sub = isTreeRef(opt.next) ? byId.get(treeRefId(opt.next)) : undefined;
        if (sub) pending.push(sub);
      }
    }
    for (const outcome of tree.outcomes) nodes.set(outcome.id, { kind: 'outcome', tree: tree.id, outcome });
  }
  const rebase = rebaseMap(root, byId.get(MASTER_TREE_ID));
  return { root: rootId, start: root.start, nodes, trees: included, ...(rebase.size ? { rebase } : {}) };
}

/** `start:option` of `tree` → the master start question's answer that leads to the same node (see TreeGraph.rebase). */
function rebaseMap(tree: Tree, master: Tree | undefined): Map<string, Answer> {
  const out = new Map<string, Answer>();
  if (!master || tree.id === master.id) return out;
  const first = master.questions.find((q) => q.id === master.start);
  const start = tree.questions.find((q) => q.id === tree.start);
  if (!first || !start) return out;
  for (const m of first.options) {
    if (!isTreeRef(m.next) || treeRefId(m.next) !== tree.id) continue;
    const entry = treeRefNode(m.next);
    if (!entry || entry === tree.start) continue;
    for (const o of start.options) if (o.next === entry) out.set(`${start.id}:${o.id}`, { question: first.id, option: m.id });
  }
  return out;
}

/** Follows answers from the graph's start; returns the node reached or why it failed. */
export function walk(
  graph: TreeGraph,
  answers: readonly Answer[],
): { ok: true; node: string } | { ok: false; index: number; reason: 'not-here' | 'unknown-question' | 'unknown-option' | 'after-outcome' } {
  let current = graph.start;
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i] as Answer;
    const here = graph.nodes.get(current);
    if (!here || here.kind === 'outcome') return { ok: false, index: i, reason: 'after-outcome' };
    if (answer.question !== current) {
      return { ok: false, index: i, reason: graph.nodes.has(answer.question) ? 'not-here' : 'unknown-question' };
    }
    const opt = here.question.options.find((o) => o.id === answer.option);
    if (!opt) return { ok: false, index: i, reason: 'unknown-option' };
    const next = resolveNext(opt.next, graph.trees);
    if (next === undefined) return { ok: false, index: i, reason: 'unknown-option' };
    current = next;
  }
  return { ok: true, node: current };
}

/** The site path of a node (without query): tree starts have the tree's own path. */
export function nodePath(tree: Pick<Tree, 'id' | 'start'>, nodeId: string): string {
  if (nodeId === tree.start) return startPath(tree.id);
  return `/troubleshoot/${tree.id}/${nodeId}/`;
}

export function startPath(treeId: string): string {
  return treeId === MASTER_TREE_ID ? '/troubleshoot/' : `/troubleshoot/${treeId}/`;
}

export function mapPath(treeId: string): string {
  return `/troubleshoot/${treeId}/map/`;
}

/**
 * For each node of one tree, the answers that lead to it from the tree's start
 * when there is exactly one such path (used for the static breadcrumb), or null
 * when several answers lead to it.
 */
export function canonicalPaths(tree: Tree): Map<string, Answer[] | null> {
  const questions = questionMap(tree);
  const incoming = new Map<string, number>();
  for (const q of tree.questions) {
    for (const opt of q.options) if (!isTreeRef(opt.next)) incoming.set(opt.next, (incoming.get(opt.next) ?? 0) + 1);
  }
  const paths = new Map<string, Answer[] | null>([[tree.start, []]]);
  const remaining = new Map(incoming);
  const ready: string[] = [tree.start];
  while (ready.length) {
    const id = ready.shift() as string;
    const here = paths.get(id) ?? null;
    for (const opt of questions.get(id)?.options ?? []) {
      if (isTreeRef(opt.next)) continue;
      const unique = here !== null && incoming.get(opt.next) === 1;
      paths.set(opt.next, unique ? [...here, { question: id, option: opt.id }] : null);
      const left = (remaining.get(opt.next) ?? 1) - 1;
      remaining.set(opt.next, left);
      if (left === 0) ready.push(opt.next);
    }
  }
  return paths;
}
