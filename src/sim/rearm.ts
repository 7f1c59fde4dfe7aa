/**
 * Re-arms the `after` timers of an actor restored from a persisted snapshot. XState restores
 * the state and context but not the timers of a snapshot taken elsewhere; every delay of our
 * machines is a function of the context and the clock, so the same instants come back.
 * Timers are set state by state in document order, as entering the states would.
 */
import type { AnyStateMachine } from 'xstate';
import type { MachineActor } from './machineActor.ts';

interface DelayedTransition {
  delay: number | string;
  eventType: string;
}

interface NodeLike {
  order: number;
  after: DelayedTransition[];
}

type DelayFunction = (args: { context: unknown; event: unknown }, params: unknown) => number;

export function rearmTimers(actor: MachineActor<AnyStateMachine>, machine: AnyStateMachine): void {
  const snapshot = actor.getSnapshot() as { _nodes: NodeLike[]; context: unknown; status: string };
  if (snapshot.status !== 'active') return;
  const delays = machine.implementations.delays as Record<string, DelayFunction>;
  const nodes = [...snapshot._nodes].sort((a, b) => a.order - b.order);
  for (const node of nodes) {
    const armed = new Set<string>();
    for (const { delay, eventType } of node.after) {
      if (armed.has(eventType)) continue;
      armed.add(eventType);
      const ms = typeof delay === 'number' ? delay : delays[delay]({ context: snapshot.context, event: { type: eventType } }, undefined);
      actor.arm({ type: eventType }, ms, eventType);
    }
  }
}
