/**
 * Plain types of a decision tree (`content/trees/<id>.yaml`). The zod schema in
 * `src/schemas/tree.ts` produces exactly these shapes; src/lib and the islands use
 * these types so no zod code reaches the browser.
 */

/** Where an option leads: a node id of the same tree, or `tree:<tree-id>` (start of a sub-tree). */
export type NextRef = string;

export interface TreeOption {
  /** Stable, URL-safe id of the answer, used in `?a=question:option`. */
  id: string;
  /** The answer as the reader sees it. */
  label: string;
  /** Node id in this tree, `tree:<tree-id>` to continue at a sub-tree's start, or `tree:<tree-id>/<node-id>` at one of its questions. */
  next: NextRef;
}

export interface TreeQuestion {
  id: string;
  /** The question, phrased as the reader would ask it. */
  text: string;
  /** How to tell which answer applies (what to look at: a header, a dashboard, a log field). */
  help?: string | undefined;
  options: TreeOption[];
}

export interface TreeLink {
  /** Link text. */
  label: string;
  /** `/guide/<slug>/#<anchor>`, `/errors/<id>/`, `/calculator/…`, `/diagnose/`, `/models/`, `/troubleshoot/<tree>/…`. */
  href: string;
}

export interface TreeOutcome {
  id: string;
  /** Short name of the diagnosis, the outcome page's heading. */
  title: string;
  /** What is going on, in one or two sentences. */
  diagnosis: string;
  /** What to do, in two or three sentences with concrete actions. */
  fix: string;
  links: TreeLink[];
}

export interface Tree {
  id: string;
  title: string;
  intro: string;
  /** Id of the first question. */
  start: string;
  questions: TreeQuestion[];
  outcomes: TreeOutcome[];
  /** When the outcomes were last checked against the reference facts. */
  lastVerified?: Date | undefined;
}

/** One answer given: the question's id and the chosen option's id. */
export interface Answer {
  question: string;
  option: string;
}

export const TREE_REF_PREFIX = 'tree:';

/** Node ids that cannot be used because they name a route of their own. */
export const RESERVED_NODE_IDS: readonly string[] = ['map'];

/** The id of the tree served at `/troubleshoot/`. */
export const MASTER_TREE_ID = 'master';
