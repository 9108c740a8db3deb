import { z } from 'astro/zod';
import type { Tree } from '../lib/tree-types.ts';

/**
 * A decision tree in `content/trees/<id>.yaml`, served under `/troubleshoot/`.
 * Shape checks live here; cross-references (every `next` exists, no orphans,
 * no cycles, links resolve) are checked by `validateTrees` in src/lib/tree-graph.ts,
 * which the troubleshoot routes call at build time.
 */

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const idMessage = 'ids are kebab-case: lowercase letters, digits and single hyphens';

/** A node id (question or outcome), unique across every tree. `map` is reserved for the whole-tree view. */
const nodeId = z
  .string()
  .regex(ID, idMessage)
  .refine((id) => id !== 'map', { message: '"map" is reserved for the whole-tree view at /troubleshoot/<tree>/map/' });

/** Where an answer leads: a node id in the same tree, `tree:<tree-id>` (a sub-tree's start) or `tree:<tree-id>/<node-id>` (a question inside it). */
const nextRef = z
  .string()
  .regex(
    /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|tree:[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?)$/,
    'next is a node id, "tree:<tree-id>" or "tree:<tree-id>/<node-id>"',
  );

/** Internal link targets an outcome may point to; whether the page or anchor exists is checked at build time. */
const href = z
  .string()
  .regex(
    /^\/(?:guide\/[a-z0-9-]+\/(?:#[a-z0-9_-]+)?|errors\/[a-z0-9-]+\/|calculator\/(?:\?[^\s#]*)?|diagnose\/|models\/(?:[a-z0-9-]+\/)?|troubleshoot\/(?:[a-z0-9-]+\/(?:[a-z0-9-]+\/)?)?)$/,
    'links are site paths: /guide/<slug>/#<anchor>, /errors/<id>/, /calculator/?…, /diagnose/, /models/, /troubleshoot/<tree>/<node>/',
  );

export const treeOptionSchema = z.object({
  /** Stable answer id, used in shared URLs (`?a=question:option`). */
  id: z.string().regex(ID, idMessage),
  /** The answer as the reader sees it. */
  label: z.string().min(2),
  /** Node id in this tree, `tree:<tree-id>` or `tree:<tree-id>/<node-id>`. */
  next: nextRef,
});

export const treeQuestionSchema = z.object({
  id: nodeId,
  /** The question, ending in a question mark. */
  text: z.string().min(5).regex(/\?$/, 'a question ends with "?"'),
  /** How to tell which answer applies. */
  help: z.string().min(10).optional(),
  /** At least two answers. */
  options: z.array(treeOptionSchema).min(2),
});

export const treeLinkSchema = z.object({
  label: z.string().min(2),
  href,
});

export const treeOutcomeSchema = z.object({
  id: nodeId,
  /** The diagnosis in a few words: the outcome page's heading. */
  title: z.string().min(3),
  /** What is going on. */
  diagnosis: z.string().min(20),
  /** What to do: two or three sentences with concrete actions. */
  fix: z.string().min(40),
  /** Chapter sections, error pages, the calculator or another tree. At least one. */
  links: z.array(treeLinkSchema).min(1),
});

export const treeSchema = z.object({
  /** Equals the file name (`content/trees/<id>.yaml`). */
  id: z.string().regex(ID, idMessage),
  /** The tree's name, e.g. "What's wrong?". */
  title: z.string().min(3),
  /** One or two sentences shown on the start page and the map. */
  intro: z.string().min(20),
  /** Id of the first question. */
  start: nodeId,
  questions: z.array(treeQuestionSchema).min(1),
  outcomes: z.array(treeOutcomeSchema).min(1),
  /** When the outcomes were last checked against the reference facts (shown on every page of the tree). */
  lastVerified: z.coerce.date().optional(),
});

export type TreeData = z.infer<typeof treeSchema>;

/** The schema's output is assignable to the plain type used by src/lib and the island. */
export const treeSchemaMatchesType: (data: TreeData) => Tree = (data) => data;
