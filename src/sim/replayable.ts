/**
 * What a machine must be for its steps to be replayed (transitionMemo.ts): every guard and every
 * action it names is one of its parts (machines/parts.ts), with constant params, so that each
 * call during a step goes through a part the memo records. The only other actions allowed are
 * the timers XState makes of `after` delays. An inline action or guard would run in XState's
 * steps and be skipped in replays, so a machine with one is refused when the memo is made.
 */
import type { AnyStateMachine } from 'xstate';
import type { AnyMachineParts } from '../machines/parts.ts';

/** XState's actions for `after` delays: arm the timer on entry, cancel it on exit. */
const TIMER_ACTIONS = new Set(['xstate.raise', 'xstate.cancel']);

interface Node {
  id: string;
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, Transition[]>;
  always?: Transition[];
  states: Record<string, Node>;
}

interface Transition {
  guard?: unknown;
  actions: readonly unknown[];
}

/** Each guard or action of the machine that is not one of its parts, as `state: what`. */
export function unreplayable(machine: AnyStateMachine, parts: AnyMachineParts): string[] {
  const actions = new Set([...Object.keys(parts.assignments), ...Object.keys(parts.emits)]);
  const guards = new Set(Object.keys(parts.guards));
  const problems: string[] = [];
  const visit = (node: Node) => {
    const check = (item: unknown, names: Set<string>, what: string) => {
      const problem = notAPart(item, names, what === 'action');
      if (problem !== undefined) problems.push(`${node.id}: ${what} ${problem}`);
    };
    for (const action of [...node.entry, ...node.exit]) check(action, actions, 'action');
    for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      if (transition.guard !== undefined) check(transition.guard, guards, 'guard');
      for (const action of transition.actions) check(action, actions, 'action');
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root as unknown as Node);
  return problems;
}

function notAPart(item: unknown, names: Set<string>, timersAllowed: boolean): string | undefined {
  if (typeof item === 'string') return names.has(item) ? undefined : `"${item}" is not one of the machine's parts`;
  if (typeof item === 'function') {
    const type = (item as { type?: unknown }).type;
    return timersAllowed && typeof type === 'string' && TIMER_ACTIONS.has(type) ? undefined : `${String(type ?? 'inline')} is written inline, not one of the machine's parts`;
  }
  const { type, params } = item as { type: string; params?: unknown };
  if (!names.has(type)) return `"${type}" is not one of the machine's parts`;
  return typeof params === 'function' ? `"${type}" has params computed at each step` : undefined;
}
