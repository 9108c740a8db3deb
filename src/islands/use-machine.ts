import { useEffect, useMemo, useState } from 'preact/hooks';
import { createActor, type Actor, type AnyStateMachine, type ActorOptions, type EventFrom, type SnapshotFrom } from 'xstate';

/**
 * XState v5 in Preact without @xstate/react (which breaks server rendering through preact/compat).
 * The actor is created once per component, started in an effect (so server rendering only reads
 * its initial snapshot), and every new snapshot re-renders the component.
 */
export function useMachine<TMachine extends AnyStateMachine>(
  machine: TMachine,
  options?: ActorOptions<TMachine>,
): [SnapshotFrom<TMachine>, (event: EventFrom<TMachine>) => void, Actor<TMachine>] {
  // Options are read once, like @xstate/react: a new machine or input needs a new component key.
  const actor = useMemo(() => createActor(machine, options), [machine]);
  const [snapshot, setSnapshot] = useState<SnapshotFrom<TMachine>>(() => actor.getSnapshot());

  useEffect(() => {
    const subscription = actor.subscribe((next) => setSnapshot(next));
    actor.start();
    setSnapshot(actor.getSnapshot());
    return () => {
      subscription.unsubscribe();
      actor.stop();
    };
  }, [actor]);

  return [snapshot, actor.send as (event: EventFrom<TMachine>) => void, actor];
}
