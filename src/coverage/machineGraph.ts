/**
 * The states and transitions of a machine, enumerated from its definition with `xstate/graph`
 * (never listed by hand), and the key that names a transition both there and in the
 * inspection stream of a run.
 */
import type { AnyStateMachine, StateValue } from 'xstate';
import { getStateNodes } from 'xstate/graph';

export interface TransitionLike {
  source: { id: string };
  eventType: string;
  guard?: unknown;
  target?: readonly { id: string }[];
}

export interface Edge {
  key: string;
  source: string;
  event: string;
  guard?: string;
  targets: string[];
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String(guard.type);
  return 'inline';
}

/** `after untilPackageEnd` for XState's delayed events, `always` for eventless transitions. */
function eventName(eventType: string): string {
  if (eventType === '') return 'always';
  const delayed = /^xstate\.after\.([^.]+)\./.exec(eventType);
  return delayed ? `after ${delayed[1]}` : eventType;
}

export function edgeOf(transition: TransitionLike): Edge {
  const guard = guardName(transition.guard);
  const targets = (transition.target ?? []).map((node) => node.id);
  const event = eventName(transition.eventType);
  const key = `${transition.source.id} —${event}${guard ? ` [${guard}]` : ''}→ ${targets.join(', ') || '(no change of state)'}`;
  return { key, source: transition.source.id, event, ...(guard ? { guard } : {}), targets };
}

interface NodeLike {
  id: string;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
}

export function machineStates(machine: AnyStateMachine): string[] {
  return getStateNodes(machine.root).map((node) => node.id);
}

export function machineEdges(machine: AnyStateMachine): Edge[] {
  const nodes = [machine.root, ...getStateNodes(machine.root)] as unknown as NodeLike[];
  return nodes.flatMap((node) => [...[...node.transitions.values()].flat(), ...(node.always ?? [])].map(edgeOf));
}

/** The ids of every state a snapshot value is in: { active: 'warnings' } → app.active, app.active.warnings. */
export function activeStateIds(machineId: string, value: StateValue): string[] {
  if (typeof value === 'string') return [`${machineId}.${value}`];
  return Object.entries(value).flatMap(([key, child]) => {
    const id = `${machineId}.${key}`;
    return child === undefined ? [id] : [id, ...activeStateIds(id, child)];
  });
}
