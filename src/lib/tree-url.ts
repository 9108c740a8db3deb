/**
 * Answers <-> URL query. A walk is carried as `?a=question:option,question:option`
 * (GOV.UK Smart Answers style), read from the start of the tree the walk began in.
 * Nothing here throws: every bad or stale URL becomes a `problem` the UI can show
 * next to the start of the tree.
 */
import { canonicalPaths, flattenGraph, nodePath, resolveNext, walk, type TreeGraph } from './tree-graph.ts';
import { MASTER_TREE_ID, type Answer, type Tree } from './tree-types.ts';

export const ANSWER_PARAM = 'a';
/** Longer walks than this are not produced by any tree and are rejected unread. */
export const MAX_ANSWERS = 40;

const TOKEN = /^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface ParsedAnswers {
  /** The answers that could be read, in order. */
  answers: Answer[];
  /** Pieces of the parameter that are not `question:option`. */
  malformed: string[];
  /** Whether the query had an `a` parameter at all. */
  present: boolean;
}

/** Reads the `a` parameter from a query string (`?a=…` or `a=…`). Never throws. */
export function parseAnswers(search: string): ParsedAnswers {
  let raw: string | null = null;
  try {
    raw = new URLSearchParams(search).get(ANSWER_PARAM);
  } catch {
    return { answers: [], malformed: [search], present: true };
  }
  if (raw === null) return { answers: [], malformed: [], present: false };
  const answers: Answer[] = [];
  const malformed: string[] = [];
  const pieces = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (pieces.length > MAX_ANSWERS) return { answers: [], malformed: [`${pieces.length} answers`], present: true };
  for (const piece of pieces) {
    const m = TOKEN.exec(piece);
    if (m) answers.push({ question: m[1] as string, option: m[2] as string });
    else malformed.push(piece);
  }
  return { answers, malformed, present: true };
}

/** `q1:opt,q2:opt` (ids are URL-safe, so no escaping is needed). */
export function serializeAnswers(answers: readonly Answer[]): string {
  return answers.map((a) => `${a.question}:${a.option}`).join(',');
}

/** `?a=q1:opt,q2:opt`, or '' for no answers. */
export function answersQuery(answers: readonly Answer[]): string {
  return answers.length ? `?${ANSWER_PARAM}=${serializeAnswers(answers)}` : '';
}

/** The URL of `node` in `graph`, carrying `answers`. */
export function nodeHref(graph: TreeGraph, node: string, answers: readonly Answer[]): string {
  const owner = graph.nodes.get(node);
  const tree = owner ? graph.trees.get(owner.tree) : undefined;
  const path = tree ? nodePath(tree, node) : '/troubleshoot/';
  return path + answersQuery(rebased(graph, answers));
}

/** The answers as links write them: a first answer the master question also offers is written as the master's. */
export function rebased(graph: TreeGraph, answers: readonly Answer[]): readonly Answer[] {
  const first = answers[0] && graph.rebase?.get(`${answers[0].question}:${answers[0].option}`);
  return first ? [first, ...answers.slice(1)] : answers;
}

export type UrlProblem =
  | 'malformed'
  | 'unknown-question'
  | 'unknown-option'
  | 'out-of-order'
  | 'other-page'
  | 'unknown-node';

export type UrlState =
  | { status: 'ok'; root: string; node: string; answers: Answer[] }
  | {
      status: 'problem';
      /** The walk to show instead: the start of the page's tree. */
      root: string;
      node: string;
      answers: [];
      problem: UrlProblem;
      /** One sentence for the reader saying what was wrong with the link. */
      message: string;
    };

/** Where a page is: its tree and node (the island's props). */
export interface PagePosition {
  tree: string;
  node: string;
}

function problem(trees: readonly Tree[], page: PagePosition, kind: UrlProblem, message: string): UrlState {
  const tree = trees.find((t) => t.id === page.tree);
  return { status: 'problem', root: page.tree, node: tree?.start ?? page.node, answers: [], problem: kind, message };
}

function safeGraph(root: string, trees: readonly Tree[]): TreeGraph | null {
  try {
    return flattenGraph(root, trees);
  } catch {
    return null;
  }
}

/** Any one path of answers from the graph's start to `node` (shortest first), or null. */
export function pathTo(graph: TreeGraph, node: string): Answer[] | null {
  const seen = new Map<string, Answer[]>([[graph.start, []]]);
  const queue = [graph.start];
  while (queue.length) {
    const id = queue.shift() as string;
    const here = seen.get(id) as Answer[];
    if (id === node) return here;
    const n = graph.nodes.get(id);
    if (n?.kind !== 'question') continue;
    for (const opt of n.question.options) {
      const next = resolveNext(opt.next, graph.trees);
      if (next === undefined || seen.has(next)) continue;
      seen.set(next, [...here, { question: id, option: opt.id }]);
      queue.push(next);
    }
  }
  return null;
}

/**
 * Where the island should be, given the page it is on and the query string.
 * Without `a`, the page's node with its path inside the page's tree. With `a`,
 * the answers are replayed from the start of the tree whose first question they
 * answer (the page's tree, or a tree that jumps into it such as `master`); they
 * must lead to exactly this page. Anything else is a `problem` showing the start.
 */
export function resolveUrlState(trees: readonly Tree[], page: PagePosition, search: string): UrlState {
  const pageTree = trees.find((t) => t.id === page.tree);
  const pageGraph = pageTree ? safeGraph(pageTree.id, trees) : null;
  if (!pageTree || !pageGraph || !pageGraph.nodes.has(page.node)) {
    return problem(trees, page, 'unknown-node', 'This page is not part of a known troubleshooting tree.');
  }
  const parsed = parseAnswers(search);
  if (!parsed.present || (parsed.answers.length === 0 && parsed.malformed.length === 0)) {
    // A page reachable from "What's wrong?" states its walk from there, so the links a page renders without
    // JavaScript carry the same answers as a walk with it (and "Change" offers the first question).
    const master = page.tree === MASTER_TREE_ID ? null : trees.find((t) => t.id === MASTER_TREE_ID);
    const masterGraph = master ? safeGraph(master.id, trees) : null;
    const fromMaster = masterGraph?.nodes.has(page.node) ? pathTo(masterGraph, page.node) : null;
    if (master && fromMaster) return { status: 'ok', root: master.id, node: page.node, answers: fromMaster };
    const path = canonicalPaths(pageTree).get(page.node) ?? pathTo(pageGraph, page.node);
    if (!path) return problem(trees, page, 'unknown-node', 'This page cannot be reached from the start of its tree.');
    return { status: 'ok', root: pageTree.id, node: page.node, answers: path };
  }
  if (parsed.malformed.length) {
    return problem(trees, page, 'malformed', 'The answers in this link could not be read (expected question:answer pairs).');
  }
  const first = parsed.answers[0] as Answer;
  const rootTree = trees.find((t) => t.start === first.question);
  const graph = rootTree ? safeGraph(rootTree.id, trees) : null;
  if (!rootTree || !graph || !graph.nodes.has(page.node)) {
    const known = trees.some((t) => t.questions.some((q) => q.id === first.question));
    return known
      ? problem(trees, page, 'out-of-order', 'The answers in this link do not start at the beginning of a tree that leads here.')
      : problem(trees, page, 'unknown-question', `This link answers a question the guide does not have ("${first.question}"); it may be from an older version.`);
  }
  const result = walk(graph, parsed.answers);
  if (!result.ok) {
    const bad = parsed.answers[result.index] as Answer;
    if (result.reason === 'unknown-question') {
      return problem(trees, page, 'unknown-question', `This link answers a question the guide does not have ("${bad.question}"); it may be from an older version.`);
    }
    if (result.reason === 'unknown-option') {
      return problem(trees, page, 'unknown-option', `This link gives an answer ("${bad.option}") that the question "${bad.question}" does not offer.`);
    }
    return problem(trees, page, 'out-of-order', 'The answers in this link do not follow each other in this tree.');
  }
  if (result.node !== page.node) {
    return problem(trees, page, 'other-page', 'The answers in this link lead to a different page than this one.');
  }
  return { status: 'ok', root: graph.root, node: page.node, answers: parsed.answers };
}

/** The page a troubleshoot path names: `/troubleshoot/` (master start), `/troubleshoot/<tree>/`, `/troubleshoot/<tree>/<node>/`. */
export function pageFromPath(pathname: string, trees: readonly Tree[]): PagePosition | null {
  const m = /^\/troubleshoot\/(?:([a-z0-9-]+)\/(?:([a-z0-9-]+)\/)?)?$/.exec(pathname);
  if (!m) return null;
  const tree = trees.find((t) => t.id === (m[1] ?? 'master'));
  if (!tree) return null;
  return { tree: tree.id, node: m[2] ?? tree.start };
}
