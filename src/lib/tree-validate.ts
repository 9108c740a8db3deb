/**
 * Cross-reference validation of decision trees, run by the build (the troubleshoot
 * routes call `assertValidTrees`) and by `compileTree`: unique ids, every `next`
 * exists, no orphans, no cycles, every outcome reachable, links resolve. Every
 * problem names the file and the node. Pure TypeScript, no zod.
 */
import { MASTER_TREE_ID, RESERVED_NODE_IDS, type Tree, type TreeQuestion } from './tree-types.ts';
import { flattenGraph, isTreeRef, startPath, treeRefId, treeRefNode, type TreeGraph } from './tree-graph.ts';

export interface TreeIssue {
  /** The file the problem is in, e.g. `content/trees/master.yaml`. */
  file: string;
  tree: string;
  /** The question or outcome id, when the problem is about one node. */
  node?: string | undefined;
  message: string;
}

/** What internal links in outcomes may point to. */
export interface LinkTargets {
  /** Chapter slug → heading anchors (github-slugger slugs of its h2/h3 texts). */
  chapters: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ids of entries in content/errors/. */
  errors: ReadonlySet<string>;
  /** Model ids with a page at /models/<id>/ (optional; without it only /models/ resolves). */
  models?: ReadonlySet<string> | undefined;
}


export interface TreeEntry {
  file: string;
  tree: Tree;
}

export class TreeError extends Error {
  readonly issues: TreeIssue[];
  constructor(issues: TreeIssue[]) {
    super(formatTreeIssues(issues));
    this.name = 'TreeError';
    this.issues = issues;
  }
}

export function formatTreeIssues(issues: readonly TreeIssue[]): string {
  const lines = issues.map((i) => `  ${i.file}${i.node ? ` › node "${i.node}"` : ''}: ${i.message}`);
  return `Decision tree check failed (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

function questionMap(tree: Tree): Map<string, TreeQuestion> {
  return new Map(tree.questions.map((q) => [q.id, q]));
}

/**
 * Counts sentences in prose: ends at . ! or ? followed by whitespace and a capital,
 * backtick or bracket, or by the end. Inline code is ignored so `a.b` does not count.
 */
export function countSentences(text: string): number {
  const plain = text.replace(/`[^`]*`/g, 'code').trim();
  if (!plain) return 0;
  const ends = plain.match(/[.!?](?=\s+[A-Z("`]|\s*$)/g);
  return ends ? ends.length : 1;
}

/** Why an internal link does not resolve, or null when it does. */
export function checkLink(href: string, targets: LinkTargets, trees: ReadonlyMap<string, Tree>): string | null {
  const [path = '', hash] = href.split('#');
  const pathOnly = path.split('?')[0] ?? '';
  const guide = /^\/guide\/([a-z0-9-]+)\/$/.exec(pathOnly);
  if (guide) {
    const slug = guide[1] ?? '';
    const anchors = targets.chapters.get(slug);
    if (!anchors) return `links to chapter "${slug}", which does not exist in content/chapters/`;
    if (hash !== undefined && !anchors.has(hash)) {
      return `links to "#${hash}" in chapter "${slug}", which has no heading with that anchor`;
    }
    return null;
  }
  if (hash !== undefined) return `only chapter links may carry an anchor: "${href}"`;
  const error = /^\/errors\/([a-z0-9-]+)\/$/.exec(pathOnly);
  if (error) {
    return targets.errors.has(error[1] ?? '') ? null : `links to error "${error[1]}", which does not exist in content/errors/`;
  }
  if (pathOnly === '/calculator/' || pathOnly === '/diagnose/' || pathOnly === '/models/' || pathOnly === '/troubleshoot/') return null;
  const model = /^\/models\/([a-z0-9-]+)\/$/.exec(pathOnly);
  if (model) {
    return targets.models?.has(model[1] ?? '') ? null : `links to model page "${model[1]}", which is not known`;
  }
  const ts = /^\/troubleshoot\/([a-z0-9-]+)\/(?:([a-z0-9-]+)\/)?$/.exec(pathOnly);
  if (ts) {
    const tree = trees.get(ts[1] ?? '');
    if (!tree) return `links to tree "${ts[1]}", which does not exist in content/trees/`;
    const node = ts[2];
    if (node === undefined) {
      return tree.id === MASTER_TREE_ID ? 'the master tree starts at /troubleshoot/' : null;
    }
    if (node === 'map') return null;
    if (node === tree.start) return `the start of "${tree.id}" is ${startPath(tree.id)}`;
    const exists = tree.questions.some((q) => q.id === node) || tree.outcomes.some((o) => o.id === node);
    return exists ? null : `links to node "${node}", which tree "${tree.id}" does not have`;
  }
  return `"${href}" is not a page of this site`;
}

/**
 * Structural checks of one or more trees: unique ids, `start` exists, every `next`
 * exists, no orphan nodes, no cycles (inside a tree or through sub-tree jumps),
 * every outcome reachable. With `targets` (the build and the tests pass them) also
 * the content checks: every outcome link resolves and every fix has two or three sentences. Returns every problem found, each naming file and node.
 */
export function validateTrees(entries: readonly TreeEntry[], targets?: LinkTargets): TreeIssue[] {
  const issues: TreeIssue[] = [];
  const trees = new Map<string, Tree>();
  const fileOf = new Map<string, string>();
  const owner = new Map<string, string>();

  for (const { file, tree } of entries) {
    const base = file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, '');
    if (base !== tree.id) issues.push({ file, tree: tree.id, message: `the tree id "${tree.id}" must equal the file name "${base}"` });
    if (trees.has(tree.id)) issues.push({ file, tree: tree.id, message: `tree id "${tree.id}" is also used by ${fileOf.get(tree.id)}` });
    trees.set(tree.id, tree);
    fileOf.set(tree.id, file);
    for (const node of [...tree.questions, ...tree.outcomes]) {
      const other = owner.get(node.id);
      if (other !== undefined) {
        const where = other === tree.id ? 'twice in this tree' : `also in tree "${other}" (node ids are unique across all trees)`;
        issues.push({ file, tree: tree.id, node: node.id, message: `id "${node.id}" is used ${where}` });
      } else owner.set(node.id, tree.id);
      if (RESERVED_NODE_IDS.includes(node.id)) {
        issues.push({ file, tree: tree.id, node: node.id, message: `"${node.id}" is reserved for a route` });
      }
    }
  }

  const treeEdges = new Map<string, Set<string>>();
  for (const { file, tree } of entries) {
    const questions = questionMap(tree);
    const outcomes = new Set(tree.outcomes.map((o) => o.id));
    const local = (id: string) => questions.has(id) || outcomes.has(id);
    const refs = new Set<string>();
    treeEdges.set(tree.id, refs);

    if (!questions.has(tree.start)) {
      issues.push({
        file,
        tree: tree.id,
        node: tree.start,
        message: outcomes.has(tree.start) ? 'start must be a question, not an outcome' : `start "${tree.start}" is not a question of this tree`,
      });
    }

    for (const q of tree.questions) {
      const optionIds = new Set<string>();
      if (q.options.length < 2) issues.push({ file, tree: tree.id, node: q.id, message: 'a question needs at least two answers' });
      for (const opt of q.options) {
        if (optionIds.has(opt.id)) issues.push({ file, tree: tree.id, node: q.id, message: `answer id "${opt.id}" is used twice` });
        optionIds.add(opt.id);
        if (isTreeRef(opt.next)) {
          const target = treeRefId(opt.next);
          if (target === tree.id) issues.push({ file, tree: tree.id, node: q.id, message: `answer "${opt.id}" jumps to its own tree (a cycle)` });
          else if (!trees.has(target)) issues.push({ file, tree: tree.id, node: q.id, message: `answer "${opt.id}" leads to tree "${target}", which does not exist` });
          else {
            refs.add(target);
            const entry = treeRefNode(opt.next);
            const sub = trees.get(target) as Tree;
            if (entry !== undefined && !sub.questions.some((x) => x.id === entry) && !sub.outcomes.some((x) => x.id === entry)) {
              issues.push({ file, tree: tree.id, node: q.id, message: `answer "${opt.id}" leads to "${entry}", which tree "${target}" does not have` });
            } else if (entry !== undefined && entry === sub.start) {
              issues.push({ file, tree: tree.id, node: q.id, message: `answer "${opt.id}": "${entry}" is the start of "${target}", write next: "tree:${target}"` });
            }
          }
        } else if (!local(opt.next)) {
          const elsewhere = owner.get(opt.next);
          issues.push({
            file,
            tree: tree.id,
            node: q.id,
            message: elsewhere
              ? `answer "${opt.id}" leads to "${opt.next}", a node of tree "${elsewhere}": use next: "tree:${elsewhere}"`
              : `answer "${opt.id}" leads to "${opt.next}", which does not exist`,
          });
        }
      }
    }

    // Cycles inside the tree (depth-first search with colours).
    const colour = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (id: string, trail: string[]): void => {
      const q = questions.get(id);
      colour.set(id, 1);
      for (const opt of q?.options ?? []) {
        if (isTreeRef(opt.next) || !local(opt.next)) continue;
        const c = colour.get(opt.next);
        if (c === 1) {
          const cycle = [...trail.slice(trail.indexOf(opt.next)), id, opt.next];
          const key = [...cycle].sort().join(',');
          if (!reported.has(key)) {
            reported.add(key);
            issues.push({ file, tree: tree.id, node: id, message: `answer "${opt.id}" closes a cycle: ${dedupeAdjacent(cycle).join(' → ')}` });
          }
        } else if (c === undefined) visit(opt.next, [...trail, id]);
      }
      colour.set(id, 2);
    };
    if (questions.has(tree.start)) visit(tree.start, []);

    // Reachability from the start: orphans and unreachable outcomes.
    const seen = new Set<string>();
    const queue = questions.has(tree.start) ? [tree.start] : [];
    while (queue.length) {
      const id = queue.shift() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const opt of questions.get(id)?.options ?? []) if (!isTreeRef(opt.next) && local(opt.next)) queue.push(opt.next);
    }
    for (const q of tree.questions) {
      if (!seen.has(q.id)) issues.push({ file, tree: tree.id, node: q.id, message: `question is an orphan: no answer from "${tree.start}" leads to it` });
    }
    for (const o of tree.outcomes) {
      if (!seen.has(o.id)) issues.push({ file, tree: tree.id, node: o.id, message: `outcome is unreachable: no answer from "${tree.start}" leads to it` });
    }

    for (const o of tree.outcomes) {
      if (targets) {
        const n = countSentences(o.fix);
        if (n < 2 || n > 3) issues.push({ file, tree: tree.id, node: o.id, message: `fix has ${n} sentence${n === 1 ? '' : 's'}; write two or three` });
        for (const link of o.links) {
          const problem = checkLink(link.href, targets, trees);
          if (problem) issues.push({ file, tree: tree.id, node: o.id, message: `link "${link.label}" ${problem.startsWith('"') ? `is broken: ${problem}` : problem}` });
        }
      }
    }
  }

  // Cycles through sub-tree jumps (tree A → tree B → tree A).
  const tColour = new Map<string, 1 | 2>();
  const tVisit = (id: string, trail: string[]): void => {
    tColour.set(id, 1);
    for (const next of treeEdges.get(id) ?? []) {
      const c = tColour.get(next);
      if (c === 1) {
        issues.push({
          file: fileOf.get(id) ?? id,
          tree: id,
          message: `sub-tree jumps form a cycle: ${[...trail.slice(trail.indexOf(next)), id, next].join(' → ')}`,
        });
      } else if (c === undefined) tVisit(next, [...trail, id]);
    }
    tColour.set(id, 2);
  };
  for (const id of treeEdges.keys()) if (!tColour.has(id)) tVisit(id, []);

  return issues;
}

function dedupeAdjacent(ids: string[]): string[] {
  return ids.filter((id, i) => i === 0 || ids[i - 1] !== id);
}

/** Throws a TreeError listing every problem (file and node named) when any check fails. */
export function assertValidTrees(entries: readonly TreeEntry[], targets?: LinkTargets): void {
  const issues = validateTrees(entries, targets);
  if (issues.length) throw new TreeError(issues);
}

/**
 * Checks every tree, then flattens the tree `rootId` and the sub-trees it can jump
 * to into one graph. Throws a TreeError naming file and node.
 */
export function buildGraph(rootId: string, allTrees: readonly Tree[]): TreeGraph {
  const issues = validateTrees(allTrees.map((tree) => ({ file: `content/trees/${tree.id}.yaml`, tree })));
  const graph = issues.length ? null : flattenGraph(rootId, allTrees);
  if (!issues.length && !graph) issues.push({ file: `content/trees/${rootId}.yaml`, tree: rootId, message: `tree "${rootId}" does not exist` });
  if (!graph) throw new TreeError(issues);
  return graph;
}
