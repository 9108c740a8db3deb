/**
 * What a troubleshoot page shows for one node after some answers: heading, help,
 * answer links, outcome, the breadcrumb of answers with "change" links, Back,
 * Start over and the whole-tree map. Shared by the prerendered page (through the
 * island's server render) and the island in the browser. Pure, no DOM.
 */
import { isTreeRef, mapPath, nodePath, resolveNext, startPath, treeRefId, treeRefNode, type TreeGraph } from './tree-graph.ts';
import type { Answer, TreeOutcome } from './tree-types.ts';
import { answersQuery, nodeHref, rebased } from './tree-url.ts';

export interface Crumb {
  question: string;
  questionText: string;
  option: string;
  optionLabel: string;
  /** The question again, with the answers given before it. */
  changeHref: string;
}

export interface OptionLink {
  id: string;
  label: string;
  href: string;
  /** Leads into a tree whose data the graph does not hold: follow the link as a page load. */
  external: boolean;
}

export interface NodeView {
  node: string;
  kind: 'question' | 'outcome';
  heading: string;
  help?: string | undefined;
  options: OptionLink[];
  outcome?: TreeOutcome | undefined;
  crumbs: Crumb[];
  /** The previous question (with its answers), or null at the start. */
  backHref: string | null;
  startHref: string;
  /** The tree the node belongs to (may be a sub-tree of the walk's root). */
  treeId: string;
  treeTitle: string;
  /** The tree's intro, on the first question of a tree only. */
  intro?: string | undefined;
  treeStartHref: string;
  /** The whole-tree map, scrolled to this node. */
  mapHref: string;
  /** The URL of this view, answers included. */
  href: string;
}

/** The view of `node` reached by `answers` in `graph`, or null if the node is not in the graph. */
export function viewOf(graph: TreeGraph, node: string, answers: readonly Answer[]): NodeView | null {
  const here = graph.nodes.get(node);
  const tree = here ? graph.trees.get(here.tree) : undefined;
  if (!here || !tree) return null;
  const crumbs: Crumb[] = [];
  answers.forEach((a, i) => {
    const q = graph.nodes.get(a.question);
    if (q?.kind !== 'question') return;
    const opt = q.question.options.find((o) => o.id === a.option);
    crumbs.push({
      question: a.question,
      questionText: q.question.text,
      option: a.option,
      optionLabel: opt?.label ?? a.option,
      changeHref: nodeHref(graph, a.question, answers.slice(0, i)),
    });
  });
  const base = {
    node,
    crumbs,
    backHref: crumbs.length ? (crumbs[crumbs.length - 1] as Crumb).changeHref : null,
    startHref: nodeHref(graph, graph.start, []),
    treeId: tree.id,
    treeTitle: tree.title,
    intro: node === tree.start ? tree.intro : undefined,
    treeStartHref: startPath(tree.id),
    mapHref: `${mapPath(tree.id)}#n-${node}`,
    href: nodeHref(graph, node, answers),
  };
  if (here.kind === 'outcome') {
    return { ...base, kind: 'outcome', heading: here.outcome.title, options: [], outcome: here.outcome };
  }
  const q = here.question;
  return {
    ...base,
    kind: 'question',
    heading: q.text,
    help: q.help,
    options: q.options.map((o) => {
      const after = [...answers, { question: node, option: o.id }];
      const target = resolveNext(o.next, graph.trees);
      if (target !== undefined && graph.nodes.has(target)) return { id: o.id, label: o.label, href: nodeHref(graph, target, after), external: false };
      // A node not loaded here (a sub-tree, or an outcome of this tree left out of the island's props): its path
      // follows from the reference alone, or from the question's own tree.
      if (!isTreeRef(o.next)) return { id: o.id, label: o.label, href: nodePath(tree, o.next) + answersQuery(rebased(graph, after)), external: true };
      const sub = treeRefId(o.next);
      const entry = treeRefNode(o.next);
      const path = entry ? `/troubleshoot/${sub}/${entry}/` : startPath(sub);
      return { id: o.id, label: o.label, href: path + answersQuery(rebased(graph, after)), external: true };
    }),
  };
}
