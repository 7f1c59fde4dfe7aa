/**
 * Re-arms the `after` timers of an actor restored from a persisted snapshot. XState restores
 * the state and context but not the timers of a snapshot taken elsewhere; every delay of our
 * machines is a function of the context and the clock, so the same instants come back.
 * Timers are set state by state in document order, as entering the states would. Only XState's
 * public API is read: the machine's state nodes, their order and delayed transitions, and
 * whether the snapshot is in each.
 */
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode } from 'xstate';

type Delay = number | ((args: { context: unknown; event: unknown }, params: unknown) => number);

/** What re-arming needs of an actor (machineActor.ts): its snapshot, and a timer armed on the engine's clock. */
export interface TimedActor {
  getSnapshot(): AnyMachineSnapshot;
  arm(event: { type: string }, delay: number, id: string): void;
}

/** A state node and every node under it. */
function nodesUnder(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(nodesUnder)];
}

export function rearmTimers(actor: TimedActor, machine: AnyStateMachine): void {
  const snapshot = actor.getSnapshot();
  if (snapshot.status !== 'active') return;
  const delays = machine.implementations.delays as Record<string, Delay>;
  const active = nodesUnder(machine.root)
    .filter((node) => node.path.length === 0 || snapshot.matches(node.path.join('.')))
    .sort((a, b) => a.order - b.order);
  for (const node of active) {
    const armed = new Set<string>();
    for (const { delay, eventType } of node.after) {
      if (armed.has(eventType)) continue;
      armed.add(eventType);
      const named = (typeof delay === 'string' ? delays[delay] : delay) as Delay;
      const ms = typeof named === 'number' ? named : named({ context: snapshot.context, event: { type: eventType } }, undefined);
      actor.arm({ type: eventType }, ms, eventType);
    }
  }
}
