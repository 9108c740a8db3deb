// The decision-tree island on every /troubleshoot/ page. Server-rendered, it is the page:
// the node's answers as plain links that work without JavaScript. In the browser it reads
// the answers from the URL (?a=question:option,…), shows a clear message and the start
// of the tree when they do not fit, and on the first interaction loads the XState driver
// (tree-driver.tsx), which takes over every click, Back, Start over and "change" link.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { flattenGraph } from '../lib/tree-graph.ts';
import { nodeHref, pageFromPath, resolveUrlState, type UrlState } from '../lib/tree-url.ts';
import { viewOf, type NodeView } from '../lib/tree-view.ts';
import type { Tree } from '../lib/tree-types.ts';
import { NodeScreen, announcement, syncHeading, type WalkAction } from './tree-view.tsx';
import type { Driver as DriverComponent } from './tree-driver.tsx';
import './TreeWalker.css';

export interface TreeWalkerProps {
  /** Every tree the walk may pass through, already validated at build time (plain JSON). */
  trees: Tree[];
  /** The page's tree and node. */
  tree: string;
  node: string;
}

interface Boot {
  state: UrlState;
  /** Changes whenever the state comes from the URL again (load, back/forward). */
  seq: number;
  /** True when the state came from back/forward: move focus and announce. */
  navigated: boolean;
}

let driverModule: Promise<typeof import('./tree-driver.tsx')> | null = null;
const loadDriver = () =>
  (driverModule ??= import('./tree-driver.tsx').catch((error: unknown) => {
    driverModule = null; // let a later interaction try again
    throw error;
  }));

export default function TreeWalker({ trees, tree, node }: TreeWalkerProps) {
  const [boot, setBoot] = useState<Boot>(() => ({ state: resolveUrlState(trees, { tree, node }, ''), seq: 0, navigated: false }));
  const [Driver, setDriver] = useState<typeof DriverComponent | null>(null);
  const [pending, setPending] = useState<WalkAction | null>(null);
  const [announce, setAnnounce] = useState('');
  const [live, setLive] = useState<{ view: NodeView; problem: string | null } | null>(null);
  const controller = useRef<((action: WalkAction) => void) | null>(null);

  const graph = useMemo(() => flattenGraph(boot.state.root, trees), [boot.state.root, trees]);
  const view = graph ? viewOf(graph, boot.state.node, boot.state.answers) : null;

  useEffect(() => {
    const fromUrl = () => resolveUrlState(trees, pageFromPath(location.pathname, trees) ?? { tree, node }, location.search);
    const first = fromUrl();
    // A link that could not be followed is replaced in the address bar by the state shown, so re-sharing it spreads no broken link.
    if (first.status === 'problem') {
      const g = flattenGraph(first.root, trees);
      if (g) history.replaceState(history.state, '', nodeHref(g, first.node, []));
    }
    // Arriving from another troubleshoot page mid-walk (an answer that led into another tree): treat it
    // like a step, so focus and the announcement land on the new question.
    const midWalk = location.search !== '' && document.referrer.startsWith(`${location.origin}/troubleshoot/`);
    if (location.search || first.status === 'problem') setBoot((b) => ({ state: first, seq: b.seq + 1, navigated: midWalk }));
    const onPop = () => {
      setLive(null);
      setBoot((b) => ({ state: fromUrl(), seq: b.seq + 1, navigated: true }));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    if (!view || boot.seq === 0) return;
    syncHeading(view, boot.navigated);
    if (boot.navigated) setAnnounce(announcement(view));
  }, [boot]);

  const load = () => {
    if (!Driver) return loadDriver().then((m) => setDriver(() => m.Driver));
    return Promise.resolve();
  };
  const prefetch = () => {
    load().catch(() => undefined);
  };

  if (!view) return null;
  const shown = live ?? { view, problem: boot.state.status === 'problem' ? boot.state.message : null };
  return (
    <div class="tw-root" onPointerOver={prefetch} onFocusIn={prefetch} onTouchStart={prefetch}>
      {Driver && (
        <Driver
          key={boot.seq}
          trees={trees}
          state={boot.state}
          pending={pending}
          onPendingDone={() => setPending(null)}
          setAnnounce={setAnnounce}
          controller={controller}
          onChange={setLive}
        />
      )}
      <NodeScreen
        view={shown.view}
        problem={shown.problem}
        announce={announce}
        onAction={(action, href) => {
          if (controller.current) controller.current(action);
          else {
            setPending(action);
            // If the machine cannot be loaded, the link still works as a plain link.
            load().catch(() => location.assign(href));
          }
        }}
      />
    </div>
  );
}
