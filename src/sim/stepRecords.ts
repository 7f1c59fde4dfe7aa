/**
 * The records a transition memo keeps of the steps XState took (transitionMemo.ts): the calls of
 * a step to the machine's parts, in order, as a tree of courses (a guard's answer picks a
 * branch), and its effects with the calls that computed their events and delays.
 */
/** An event as the records see it: its type decides the course. */
export type Event = { type: string };

/** A call of the machine to one of its implementations during a step. */
export type Call =
  | { kind: 'guard'; name: string; params: unknown; result: boolean }
  /** `value`: what an emit or a delay computed when recorded. */
  | { kind: 'assign' | 'emit' | 'delay'; name: string; params: unknown; value: unknown };
export type Computation = Exclude<Call, { kind: 'guard' }>;

/** What a step does once computed, in order, as the actor made it. */
export type MadeEffect = { kind: 'arm'; event: Event; id: string; delay: number } | { kind: 'disarm'; id: string } | { kind: 'emit'; event: unknown };

/**
 * An effect to replay; `slot` is the index of the emit or delay that computed its event or delay.
 * A timer of a delay written as a number in the machine (its id `xstate.after.1000.…`) keeps it.
 */
export type Effect =
  | { kind: 'arm'; type: string; id: string; slot: number }
  | { kind: 'armFor'; type: string; id: string; delay: number }
  | { kind: 'disarm'; id: string }
  | { kind: 'emit'; slot: number };

/** A course through a step: computations, then a guard whose answer picks the next part, or the ending. */
export interface Course<TEnd> {
  computations: Computation[];
  guard?: { name: string; params: unknown; whenTrue?: Course<TEnd>; whenFalse?: Course<TEnd> };
  ending?: TEnd;
}

/** The effects with their events and delays as the indices of the calls that computed them; undefined when one was not computed by a call. */
export function slotted(calls: Call[], made: MadeEffect[]): Effect[] | undefined {
  const computed = calls.filter((call): call is Computation => call.kind === 'emit' || call.kind === 'delay');
  const used = new Set<number>();
  const effects: Effect[] = [];
  for (const effect of made) {
    if (effect.kind === 'disarm') {
      effects.push(effect);
      continue;
    }
    const slot = computed.findIndex((call, index) => !used.has(index) && computes(call, effect));
    used.add(slot);
    if (slot >= 0) effects.push(effect.kind === 'arm' ? { kind: 'arm', type: effect.event.type, id: effect.id, slot } : { kind: 'emit', slot });
    else if (effect.kind === 'arm' && timerOfNumber(effect)) effects.push({ kind: 'armFor', type: effect.event.type, id: effect.id, delay: effect.delay });
    else return undefined;
  }
  return effects;
}

/** Whether `call` computed the effect's event, or its timer's delay (a timer of a named delay has the name in its id). */
function computes(call: Computation, effect: Exclude<MadeEffect, { kind: 'disarm' }>): boolean {
  if (effect.kind === 'emit') return call.kind === 'emit' && call.value === effect.event;
  return call.kind === 'delay' && call.value === effect.delay && effect.id.startsWith(`xstate.after.${call.name}.`) && isTimerEvent(effect);
}

/** A timer of a delay written as a number in the machine. */
function timerOfNumber(effect: Extract<MadeEffect, { kind: 'arm' }>): boolean {
  return effect.id.startsWith(`xstate.after.${effect.delay}.`) && isTimerEvent(effect);
}

/** A timer's event is its type alone, as the replay makes it. */
function isTimerEvent(effect: Extract<MadeEffect, { kind: 'arm' }>): boolean {
  return Object.keys(effect.event).length === 1 && effect.event.type === effect.id;
}

/** Adds a recorded course to the tree of `key`; false when it contradicts a course already there. */
export function insert<TEnd>(tree: Map<string, Course<TEnd>>, key: string, calls: Call[], ending: TEnd, same: (a: TEnd, b: TEnd) => boolean): boolean {
  const parts = split(calls);
  let course = tree.get(key);
  if (course === undefined) {
    course = { computations: parts[0].computations };
    tree.set(key, course);
  }
  for (let index = 0; ; index += 1) {
    if (!sameComputations(course.computations, parts[index].computations)) return false;
    const asked = parts[index].guard;
    if (asked === undefined) {
      if (course.guard !== undefined) return false;
      course.ending ??= ending;
      return same(course.ending, ending);
    }
    if (course.ending !== undefined) return false;
    course.guard ??= { name: asked.name, params: asked.params };
    if (course.guard.name !== asked.name || course.guard.params !== asked.params) return false;
    const branch = asked.result ? 'whenTrue' : 'whenFalse';
    course.guard[branch] ??= { computations: parts[index + 1].computations };
    course = course.guard[branch];
  }
}

/** The calls as runs of computations, each but the last ended by a guard. */
function split(calls: Call[]): { computations: Computation[]; guard?: Extract<Call, { kind: 'guard' }> }[] {
  const parts: { computations: Computation[]; guard?: Extract<Call, { kind: 'guard' }> }[] = [{ computations: [] }];
  for (const call of calls) {
    const last = parts[parts.length - 1];
    if (call.kind === 'guard') {
      last.guard = call;
      parts.push({ computations: [] });
    } else last.computations.push(call);
  }
  return parts;
}

function sameComputations(a: Computation[], b: Computation[]): boolean {
  return a.length === b.length && a.every((call, index) => call.kind === b[index].kind && call.name === b[index].name && call.params === b[index].params);
}
