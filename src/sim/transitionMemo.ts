/**
 * Steps a machine has taken, replayed without XState's interpreter. A step's course depends only
 * on the state it starts from, the event's type and the results of the guards the machine asks;
 * everything else it does is a call to its implementations (machines/parts.ts): assignments,
 * emitted events, delays. So the first time a machine takes a step from a state on an event, it
 * is taken by XState with every call to its implementations recorded, in order, with the timers
 * it arms and cancels and the events it emits. Later steps from that state on that event replay
 * the record: the same guards are asked of the actor's own context and event, and while their
 * answers follow a recorded course, the same assignments, emits and delays are computed and the
 * same effects run. An answer that leaves every recorded course sends the step to XState again,
 * which records the new course.
 *
 * The machines stay the one source of truth: every course was taken by XState first. A record
 * is kept only when replaying it reproduces what XState did (the context, the state, each emitted
 * event and delay), and never for one that calls anything with another event than the one sent.
 * A machine that does anything in a step but through its parts is refused (replayable.ts).
 */
import type { AnyStateMachine, StateValue } from 'xstate';
import { type AnyMachineParts, type Args as PartArgs, providedWith } from '../machines/parts.ts';
import { unreplayable } from './replayable.ts';
import { type Call, type Computation, type Course, type Effect, type Event, insert, type MadeEffect, slotted } from './stepRecords.ts';

type Args = PartArgs<object, Event>;

/** Where an actor is: its state, that state's key in the memo, its context. */
export interface Place {
  value: StateValue;
  key: string;
  context: object;
}

export interface Ending {
  value: StateValue;
  key: string;
  /** The machine reached a final state. */
  done: boolean;
  effects: Effect[];
}

export interface Replayed {
  context: object;
  /** What each emit and delay computed, in order. */
  slots: unknown[];
  ending: Ending;
}

/** What XState's step reached. */
export interface Reached {
  value: StateValue;
  context: object;
  status: string;
  output?: unknown;
}

/** The memo key of a state. */
export function placeKey(value: StateValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class TransitionMemo {
  /** The machine with its implementations recording each call while a step is taken. */
  readonly machine: AnyStateMachine;
  private readonly steps = new Courses<Ending>();
  private readonly answers = new Courses<boolean>();
  /** Where a new actor starts, once XState has started one with nothing to do at its start. */
  private start: { value: StateValue; key: string } | undefined;
  /** Steps that are always taken by XState. */
  private readonly unmemoised = new Set<string>();
  private calls: Call[] | undefined;
  private event: Event | undefined;
  /** The event of a call was not the one sent: the step is not kept. */
  private foreign = false;

  constructor(
    machine: AnyStateMachine,
    private readonly parts: AnyMachineParts,
  ) {
    const problems = unreplayable(machine, parts);
    if (problems.length > 0) throw new Error(`machine ${machine.id} cannot be replayed:\n${problems.join('\n')}`);
    this.machine = providedWith(machine, recording(parts, (call, args) => this.note(call, args)));
  }

  /** Where a new actor of `input` starts, or undefined when XState must start it. */
  started(input: unknown): Place | undefined {
    const start = this.start;
    return start && { value: start.value, key: start.key, context: this.parts.context({ input } as never) };
  }

  /**
   * Keeps where an actor XState started is, for the actors after it: when its start called none
   * of the machine's implementations and left no effect to run, and its context is the one the
   * machine's parts make of its input.
   */
  keepStart(input: unknown, calls: Call[], effects: number, to: Reached): void {
    if (this.start !== undefined || calls.length > 0 || effects > 0 || to.status !== 'active') return;
    if (JSON.stringify(this.parts.context({ input } as never)) !== JSON.stringify(to.context)) return;
    this.start = { value: to.value, key: placeKey(to.value) };
  }

  /** The step from `from` on `event`, replayed, or undefined when it must be taken by XState. */
  replay(from: Place, event: Event): Replayed | undefined {
    const course = this.steps.get(from.key, event.type);
    if (course === undefined) return undefined;
    const slots: unknown[] = [];
    const followed = this.follow(course, from.context, event, slots);
    return followed && { context: followed.context, slots, ending: followed.ending };
  }

  /** Whether the machine in `from` takes `event` (XState's `can`), if answered before by the same course. */
  can(from: Place, event: Event): boolean | undefined {
    const course = this.answers.get(from.key, event.type);
    return course && this.follow(course, from.context, event, [])?.ending;
  }

  /** Records the calls of `take`, in which XState takes a step on `event`; returns what `take` returns. */
  recording<T>(event: Event, take: () => T): { result: T; calls: Call[] | undefined } {
    if (this.calls !== undefined) {
      // A step within a step of the same machine: neither is kept.
      this.foreign = true;
      return { result: take(), calls: undefined };
    }
    this.calls = [];
    this.event = event;
    this.foreign = false;
    try {
      const result = take();
      return { result, calls: this.foreign ? undefined : this.calls };
    } finally {
      this.calls = undefined;
      this.event = undefined;
    }
  }

  /**
   * Whether the step XState just took is to be kept: replaying `calls` from `from` gives the
   * context and the computed values XState gave. Asked as soon as the step is taken, before its
   * effects change the world its guards read. When a replay differs, no step from that state on
   * that event is replayed again. A step to a final state with an output, or one that failed, is
   * not kept.
   */
  reproduces(from: Place, event: Event, calls: Call[], to: Reached): boolean {
    const key = stepKey(from.key, event.type);
    if (this.unmemoised.has(key) || !(to.status === 'active' || (to.status === 'done' && to.output === undefined))) return false;
    if (!this.replaysAsRecorded(from.context, event, calls, to.context)) {
      this.unmemoised.add(key);
      this.steps.delete(from.key, event.type);
      return false;
    }
    return true;
  }

  /** Keeps a step XState took from `from` to `to` on `event`, which `reproduces` approved. */
  keep(from: Place, event: Event, calls: Call[], made: MadeEffect[], to: Reached): void {
    const effects = slotted(calls, made);
    const ending: Ending | undefined = effects && { value: to.value, key: placeKey(to.value), done: to.status === 'done', effects };
    if (ending === undefined || !insert(this.steps.of(from.key), event.type, calls, ending, sameEnding)) {
      this.unmemoised.add(stepKey(from.key, event.type));
      this.steps.delete(from.key, event.type);
    }
  }

  /** Keeps an answer of `can` that asked only guards. */
  keepAnswer(from: Place, event: Event, calls: Call[], answer: boolean): void {
    if (calls.some((call) => call.kind !== 'guard')) return;
    if (!insert(this.answers.of(from.key), event.type, calls, answer, (a, b) => a === b)) this.answers.delete(from.key, event.type);
  }

  private replaysAsRecorded(from: object, event: Event, calls: Call[], to: object): boolean {
    let context = from;
    const slots: unknown[] = [];
    for (const call of calls) {
      if (call.kind === 'guard') {
        if (this.ask(call, context, event) !== call.result) return false;
        continue;
      }
      context = this.compute(call, context, event, slots);
      if (call.kind !== 'assign' && JSON.stringify(slots[slots.length - 1]) !== JSON.stringify(call.value)) return false;
    }
    return JSON.stringify(context) === JSON.stringify(to);
  }

  private follow<TEnd>(start: Course<TEnd>, from: object, event: Event, slots: unknown[]): { context: object; ending: TEnd } | undefined {
    let context = from;
    for (let course: Course<TEnd> | undefined = start; course !== undefined; ) {
      for (const call of course.computations) context = this.compute(call, context, event, slots);
      if (course.ending !== undefined) return { context, ending: course.ending };
      const guard: Course<TEnd>['guard'] = course.guard;
      if (guard === undefined) return undefined;
      course = this.ask(guard, context, event) ? guard.whenTrue : guard.whenFalse;
    }
    return undefined;
  }

  private ask(guard: { name: string; params: unknown }, context: object, event: Event): boolean {
    return call(this.parts.guards, guard.name, { context, event }, guard.params) as boolean;
  }

  private compute(computation: Computation, context: object, event: Event, slots: unknown[]): object {
    // XState's `Object.assign({}, context, update)`: the update's keys are the context's, so they keep their places.
    if (computation.kind === 'assign') return Object.assign(this.parts.copy(context as never), call(this.parts.assignments, computation.name, { context, event }, computation.params));
    const table = computation.kind === 'emit' ? this.parts.emits : this.parts.delays;
    slots.push(call(table, computation.name, { context, event }, computation.params));
    return context;
  }

  private note(call: Call, args: Args): void {
    if (this.calls === undefined) return;
    if (args.event !== this.event) this.foreign = true;
    this.calls.push(call);
  }
}

function call(table: Record<string, (args: never, params: never) => unknown>, name: string, args: Args, params: unknown): unknown {
  return (table[name] as (args: Args, params: unknown) => unknown)(args, params);
}

/**
 * Courses by a state's key, then by an event's type: two lookups of strings whose hashes V8 keeps,
 * where one key joining both would be a new string to hash at every step.
 */
class Courses<TEnd> {
  private readonly byPlace = new Map<string, Map<string, Course<TEnd>>>();

  get(place: string, eventType: string): Course<TEnd> | undefined {
    return this.byPlace.get(place)?.get(eventType);
  }

  /** The courses from a state, by event type (made at the first one kept). */
  of(place: string): Map<string, Course<TEnd>> {
    let byType = this.byPlace.get(place);
    if (byType === undefined) {
      byType = new Map();
      this.byPlace.set(place, byType);
    }
    return byType;
  }

  delete(place: string, eventType: string): void {
    this.byPlace.get(place)?.delete(eventType);
  }
}

/** The key of the steps from a state on an event that XState always takes. */
function stepKey(place: string, eventType: string): string {
  return `${place}\u0000${eventType}`;
}

function sameEnding(a: Ending, b: Ending): boolean {
  return a.key === b.key && a.done === b.done && JSON.stringify(a.effects) === JSON.stringify(b.effects);
}

/** The parts, each noting its call (with its answer for a guard) before it returns. */
function recording(parts: AnyMachineParts, note: (call: Call, args: Args) => void): AnyMachineParts {
  const wrap = <TResult>(table: Record<string, (args: never, params: never) => TResult>, noted: (name: string, params: unknown, result: TResult) => Call) =>
    Object.fromEntries(
      Object.entries(table).map(([name, implementation]) => [
        name,
        (args: Args, params: unknown) => {
          const result = (implementation as (args: Args, params: unknown) => TResult)(args, params);
          note(noted(name, params, result), args);
          return result;
        },
      ]),
    );
  return {
    context: parts.context,
    copy: parts.copy,
    guards: wrap(parts.guards, (name, params, result) => ({ kind: 'guard', name, params, result })),
    assignments: wrap(parts.assignments, (name, params) => ({ kind: 'assign', name, params, value: undefined })),
    emits: wrap(parts.emits, (name, params, value) => ({ kind: 'emit', name, params, value })),
    delays: wrap(parts.delays, (name, params, value) => ({ kind: 'delay', name, params, value })),
  };
}
