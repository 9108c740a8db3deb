// Build-time loading of the decision trees for the /troubleshoot/ routes (underscore: not a route).
// Every route calls loadTrees(), which runs the cross-reference and link checks once and fails the
// build with the file and node named (src/lib/tree-validate.ts).
import { getCollection, render } from 'astro:content';
import { assertValidTrees, type LinkTargets } from '../../lib/tree-validate.ts';
import { MASTER_TREE_ID, type Tree } from '../../lib/tree-types.ts';
import { canonicalPaths, isTreeRef } from '../../lib/tree-graph.ts';

let loaded: Promise<Tree[]> | null = null;

async function linkTargets(): Promise<LinkTargets> {
  const chapters = new Map<string, Set<string>>();
  for (const chapter of await getCollection('chapters')) {
    const { headings } = await render(chapter);
    chapters.set(chapter.id, new Set(headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => h.slug)));
  }
  const errors = new Set((await getCollection('errors')).map((e) => e.id));
  return { chapters, errors };
}

/** Every tree, checked (structure, cross-references, links), master first. */
export function loadTrees(): Promise<Tree[]> {
  loaded ??= (async () => {
    const entries = await getCollection('trees');
    assertValidTrees(
      entries.map((e) => ({ file: e.filePath ?? `content/trees/${e.id}.yaml`, tree: e.data })),
      await linkTargets(),
    );
    const trees = entries.map((e) => e.data);
    return trees.sort((a, b) => (a.id === MASTER_TREE_ID ? -1 : b.id === MASTER_TREE_ID ? 1 : a.id.localeCompare(b.id)));
  })();
  return loaded;
}

/** Every question and outcome id of a tree, in document order. */
export function nodeIds(tree: Tree): string[] {
  return [...tree.questions.map((q) => q.id), ...tree.outcomes.map((o) => o.id)];
}

/** Counts for the map page: questions, outcomes, and paths from the start to an outcome or a sub-tree jump. */
export function treeStats(tree: Tree): { questions: number; outcomes: number; paths: number } {
  const questions = new Map(tree.questions.map((q) => [q.id, q]));
  const memo = new Map<string, number>();
  const count = (id: string): number => {
    const q = questions.get(id);
    if (!q) return 1;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = q.options.reduce((sum, o) => sum + (isTreeRef(o.next) ? 1 : count(o.next)), 0);
    memo.set(id, n);
    return n;
  };
  return { questions: tree.questions.length, outcomes: tree.outcomes.length, paths: count(tree.start) };
}

export { canonicalPaths };
