// The XState half of the TreeWalker island, loaded on the reader's first interaction so
// XState is not part of what a troubleshoot page loads up front. It compiles the tree data
// into a machine (src/lib/tree-machine.ts), drives it with useMachine, and mirrors every
// transition into the URL (pushState), the page heading, focus and the live region.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MutableRef } from 'preact/hooks';
import { compileGraph, currentNode } from '../lib/tree-machine.ts';
import { flattenGraph, type TreeGraph } from '../lib/tree-graph.ts';
import { viewOf, type NodeView } from '../lib/tree-view.ts';
import type { UrlState } from '../lib/tree-url.ts';
import type { Tree } from '../lib/tree-types.ts';
import { useMachine } from './use-machine.ts';
import { announcement, syncHeading, type WalkAction } from './tree-view.tsx';

export interface DriverProps {
  trees: Tree[];
  /** Where to start: resolved from the URL by the island. */
  state: UrlState;
  /** A click that happened while this module was loading; replayed once on mount. */
  pending: WalkAction | null;
  onPendingDone: () => void;
  setAnnounce: (text: string) => void;
  /** Receives the dispatcher the island's links call once the machine runs. */
  controller: MutableRef<((action: WalkAction) => void) | null>;
  /** Receives what to show after every transition (the island keeps one NodeScreen, so focus is never lost). */
  onChange: (shown: { view: NodeView; problem: string | null }) => void;
}

/** Headless: runs the machine and reports views; the island renders them. */
export function Driver(props: DriverProps) {
  const graph = useMemo(() => flattenGraph(props.state.root, props.trees) as TreeGraph, [props.state.root, props.trees]);
  const machine = useMemo(() => compileGraph(graph), [graph]);
  const [snapshot, send] = useMachine(machine, {
    snapshot: machine.resolveState({ value: { walk: props.state.node }, context: { answers: props.state.answers } }),
  });
  // The node last mirrored into the URL and heading: any later change of node came from the reader.
  const synced = useRef<string | null>(null);
  const [showProblem, setShowProblem] = useState(props.state.status === 'problem');
  const node = currentNode(snapshot);
  const answers = snapshot.context.answers;
  const view = viewOf(graph, node, answers);

  const dispatch = (action: WalkAction) => {
    setShowProblem(false);
    if (action.type === 'CHANGE') {
      for (let i = snapshot.context.answers.length; i > action.index; i--) send({ type: 'BACK' });
    } else send(action);
  };

  props.controller.current = dispatch;

  useEffect(() => {
    if (view) props.onChange({ view, problem: showProblem && props.state.status === 'problem' ? props.state.message : null });
  }, [snapshot, showProblem]);

  useEffect(() => {
    if (!view) return;
    const first = synced.current === null;
    if (synced.current === view.href) return;
    synced.current = view.href;
    if (first) return;
    if (view.href !== location.pathname + location.search) history.pushState({ tree: view.href }, '', view.href);
    syncHeading(view, true);
    props.setAnnounce(announcement(view));
  }, [snapshot]);

  // After the effects above, so the replayed click is seen as the reader's action.
  useEffect(() => {
    if (props.pending) {
      dispatch(props.pending);
      props.onPendingDone();
    }
  }, []);

  useEffect(
    () => () => {
      props.controller.current = null;
    },
    [],
  );

  return null;
}
