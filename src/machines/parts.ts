/**
 * A machine's implementations as plain functions of `{ context, event }`: its initial context, its guards, the
 * assignments of its `assign` actions, the events of its `emit` actions and its delays. The
 * machine's definition names them; `providedWith` gives them to it as XState's actions. The
 * simulator also calls them itself when it replays a step the machine has already taken
 * (sim/transitionMemo.ts), so they are the one implementation either way.
 */
import { type AnyStateMachine, assign, emit } from 'xstate';

export interface Args<TContext, TEvent> {
  context: TContext;
  event: TEvent;
}

/** Implementations by name, for a machine of context `TContext`, events `TEvent` and emitted events `TEmitted`. */
export interface MachineParts<TContext extends object = object, TEvent extends { type: string } = { type: string }, TEmitted = unknown> {
  /** A new actor's context from its input, as the machine's definition makes it. */
  context: (args: { input: never }) => TContext;
  /**
   * A copy of a context, written field by field in the order `context` makes them: what a
   * replayed assignment starts from (sim/transitionMemo.ts), as XState's starts from
   * `Object.assign({}, context)`. A spread of a context this size takes V8 ten times as long.
   */
  copy: (context: TContext) => TContext;
  guards: Record<string, (args: Args<TContext, TEvent>, params: never) => boolean>;
  assignments: Record<string, (args: Args<TContext, TEvent>, params: never) => Partial<TContext>>;
  emits: Record<string, (args: Args<TContext, TEvent>, params: never) => TEmitted>;
  delays: Record<string, (args: Args<TContext, TEvent>) => number>;
}

type Implementation<TResult> = (args: never, params: never) => TResult;

/** Any machine's parts, as the engine holds them without knowing the machine. */
export interface AnyMachineParts {
  context: (args: { input: never }) => object;
  copy: (context: never) => object;
  guards: Record<string, Implementation<boolean>>;
  assignments: Record<string, Implementation<object>>;
  emits: Record<string, Implementation<unknown>>;
  delays: Record<string, Implementation<number>>;
}

/** The machine with `parts` as its implementations: each assignment an `assign`, each emit an `emit`. */
export function providedWith<TMachine extends AnyStateMachine>(machine: TMachine, parts: AnyMachineParts): TMachine {
  const actions: Record<string, unknown> = {};
  for (const [name, assignment] of Object.entries(parts.assignments)) actions[name] = assign(assignment as never);
  for (const [name, emitted] of Object.entries(parts.emits)) actions[name] = emit(emitted as never);
  return machine.provide({ guards: parts.guards, actions, delays: parts.delays } as never) as TMachine;
}
