/**
 * What a machine must be for its steps to be replayed (transitionMemo.ts): every guard and every
 * action it names is one of its parts (machines/parts.ts), with constant params, so that each
 * call during a step goes through a part the memo records. The only other actions allowed are
 * the timers XState makes of a state's `after` delays (armed on entry, cancelled on exit). An
 * inline action or guard would run in XState's steps and be skipped in replays, so a machine
 * with one is refused when the memo is made. So is a machine whose steps depend on more than
 * its state value: one with history states (their memory is not in the value), or with
 * eventless transitions in more than one region of a parallel state (XState takes them in the
 * order its regions were last entered).
 */
import type { AnyStateMachine } from 'xstate';
import type { AnyMachineParts } from '../machines/parts.ts';

interface Node {
  id: string;
  type: string;
  after: { eventType: string }[];
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
      const problem = notAPart(item, names);
      if (problem !== undefined) problems.push(`${node.id}: ${what} ${problem}`);
    };
    if (node.type === 'history') problems.push(`${node.id}: a history state`);
    if (node.type === 'parallel' && Object.values(node.states).filter(hasEventless).length > 1) {
      problems.push(`${node.id}: eventless transitions in more than one region`);
    }
    const delays = new Set(node.after.map((transition) => transition.eventType)).size;
    for (const [list, timer] of [
      [node.entry, 'xstate.raise'],
      [node.exit, 'xstate.cancel'],
    ] as const) {
      if (list.filter((action) => isAction(action, timer)).length > delays) problems.push(`${node.id}: ${timer} beyond the state's \`after\` delays`);
      for (const action of list) if (!isAction(action, timer)) check(action, actions, 'action');
    }
    for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      if (transition.guard !== undefined) check(transition.guard, guards, 'guard');
      for (const action of transition.actions) check(action, actions, 'action');
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root as unknown as Node);
  return problems;
}

function hasEventless(node: Node): boolean {
  return (node.always?.length ?? 0) > 0 || Object.values(node.states).some(hasEventless);
}

/** One of XState's own actions, of `type`. */
function isAction(item: unknown, type: string): boolean {
  return typeof item === 'function' && (item as { type?: unknown }).type === type;
}

function notAPart(item: unknown, names: Set<string>): string | undefined {
  if (typeof item === 'string') return names.has(item) ? undefined : `"${item}" is not one of the machine's parts`;
  if (typeof item === 'function') return `${String((item as { type?: unknown }).type ?? 'inline')} is written inline, not one of the machine's parts`;
  const { type, params } = item as { type: string; params?: unknown };
  if (!names.has(type)) return `"${type}" is not one of the machine's parts`;
  return typeof params === 'function' ? `"${type}" has params computed at each step` : undefined;
}
