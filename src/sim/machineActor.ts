/**
 * An XState machine run by the engine. The machine's own logic computes every step
 * (`machine.transition`, `getInitialSnapshot`, `restoreSnapshot`: XState's public actor-logic
 * interface), or, given a memo, computes it once and the memo replays it after
 * (transitionMemo.ts): the actor then keeps its state value and context, and makes XState's
 * snapshot from them only when asked for one. This class is the actor around it, as light as the engine needs: no system of its
 * own, no session id and no inspection unless a trace is asked for, and the machine's `after`
 * delays armed on the engine's clock, which therefore owns every deadline the machine declares.
 * The actor is its own actor scope: `self`, `system`, `defer`, `emit` and `actionExecutor` are
 * what the machine logic calls during a step.
 *
 * It keeps the semantics of XState's `Actor` that the reports depend on: the effects of a step
 * (emitted events, timers armed and cancelled) run in order once the step is computed, then the
 * snapshot observer; an event sent while the actor is busy waits its turn (a mailbox); a timer
 * that fires is forgotten before its event is sent; a machine that reaches a final state stops,
 * cancels its timers and takes no event again.
 */
import {
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type ContextFrom,
  type EmittedFrom,
  type EventFromLogic,
  type ExecutableActionObject,
  type InputFrom,
  type InspectionEvent,
  matchesState,
  type Snapshot,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';
import type { Entry } from './eventQueue.ts';
import { rearmTimers } from './rearm.ts';
import type { Call, MadeEffect } from './stepRecords.ts';
import { type Place, placeKey, type Replayed, type TransitionMemo } from './transitionMemo.ts';
import type { Clock } from './virtualClock.ts';

/** What every actor of one machine shares: the scheduler XState's timer actions call, and where inspection events go. */
export interface MachineSystem {
  scheduler: {
    schedule(source: MachineActor<AnyStateMachine>, target: unknown, event: { type: string }, delay: number, id: string): void;
    cancel(source: MachineActor<AnyStateMachine>, id: string): void;
  };
  _sendInspectionEvent(event: InspectionEvent): void;
  /** Whether anything sees the inspection events: without a trace none is made. */
  inspecting: boolean;
  /** Actors made so far, to give each a session id of its own when inspected. */
  actors: number;
}

/** The system of one machine's actors; `inspect` sees their inspection events (a trace), if given. */
export function machineSystem(inspect?: (event: InspectionEvent) => void): MachineSystem {
  return {
    scheduler: {
      schedule: (source, _target, event, delay, id) => source.arm(event, delay, id),
      cancel: (source, id) => source.disarm(id),
    },
    _sendInspectionEvent: inspect ?? (() => {}),
    inspecting: inspect !== undefined,
    actors: 0,
  };
}

/** What the engine does with an actor's steps: an object with methods, as a run makes one for every app and account. */
export interface MachineListener<TMachine extends AnyStateMachine> {
  /** Each event the machine emits. */
  emitted(event: EmittedFrom<TMachine>): void;
  /** Each snapshot, after the effects of the step that made it. */
  snapshot(): void;
}

export interface MachineActorOptions<TMachine extends AnyStateMachine> {
  clock: Clock;
  system: MachineSystem;
  input?: InputFrom<TMachine>;
  /** A persisted snapshot to go on from, instead of the machine's initial state. */
  snapshot?: Snapshot<unknown>;
  listener: MachineListener<TMachine>;
  /** Steps replayed once taken (transitionMemo.ts): the machine must then be the memo's. */
  memo?: TransitionMemo;
}

type Status = 'new' | 'running' | 'stopped';

export class MachineActor<TMachine extends AnyStateMachine> {
  readonly self = this;
  /** Unique when inspected (`app:3`), as an inspector such as Stately's tells actors apart by it; else empty. */
  readonly sessionId: string;
  readonly id: string;
  readonly system: MachineSystem;
  /** XState's snapshot; after a replayed step, made from `place` when asked for. */
  private snapshot: AnyMachineSnapshot | undefined;
  /** With a memo: the state and context, always current. */
  private place: Place | undefined;
  private readonly memo: TransitionMemo | undefined;
  /** While a step taken by XState is recorded: its effects as made. */
  private made: MadeEffect[] | undefined;
  private status: Status = 'new';
  /** Made from a persisted snapshot, whose timers `start` re-arms. */
  private readonly restored: boolean;
  private readonly deferred: (() => void)[] = [];
  private readonly queued: EventFromLogic<TMachine>[] = [];
  private busy = false;
  /** The armed timers by id: made at the first one, as most accounts never arm any; dropped when the machine stops. */
  private timers?: Map<string, Entry<unknown>>;
  private readonly clock: Clock;
  private readonly listener: MachineListener<TMachine>;

  constructor(
    private readonly machine: TMachine,
    options: MachineActorOptions<TMachine>,
  ) {
    this.clock = options.clock;
    this.system = options.system;
    this.listener = options.listener;
    this.system.actors += 1;
    this.sessionId = this.system.inspecting ? `${machine.id}:${this.system.actors}` : '';
    this.id = this.sessionId;
    if (this.system.inspecting) this.inspect({ type: '@xstate.actor' });
    this.restored = options.snapshot !== undefined;
    const scope = this.scope();
    this.memo = options.memo;
    if (options.snapshot !== undefined) this.snapshot = machine.restoreSnapshot(options.snapshot, scope);
    else if (this.memo !== undefined) this.begin(this.memo, options.input);
    else this.snapshot = machine.getInitialSnapshot(scope, options.input);
    this.place ??= this.memo && placeOf(this.real());
  }

  /** A new actor with a memo: where the actors before it started, or started by XState. */
  private begin(memo: TransitionMemo, input: InputFrom<TMachine> | undefined): void {
    this.place = memo.started(input);
    if (this.place !== undefined) return;
    const { result, calls } = memo.recording({ type: 'xstate.init' }, () => this.machine.getInitialSnapshot(this.scope(), input));
    this.snapshot = result;
    if (calls !== undefined) memo.keepStart(input, calls, this.deferred.length, result);
  }

  /** Runs the effects of the initial state (for a restored one, re-arms its timers: rearm.ts) and takes events from now on. */
  start(): this {
    this.status = 'running';
    if (this.system.inspecting) this.inspect({ type: '@xstate.event', event: { type: 'xstate.init' } });
    this.update({ type: 'xstate.init' });
    if (this.restored) rearmTimers(this, this.machine);
    return this;
  }

  /** The machine, as XState's actor names its logic (an inspector reads its definition here). */
  get logic(): TMachine {
    return this.machine;
  }

  getSnapshot(): SnapshotFrom<TMachine> {
    return this.real() as SnapshotFrom<TMachine>;
  }

  getPersistedSnapshot(): Snapshot<unknown> {
    return this.machine.getPersistedSnapshot(this.real());
  }

  /** The snapshot's context, without making a snapshot after a replayed step. */
  get context(): ContextFrom<TMachine> {
    return (this.place ?? this.real()).context as ContextFrom<TMachine>;
  }

  /** The snapshot's state value, without making a snapshot after a replayed step. */
  get value(): StateValue {
    return (this.place ?? this.real()).value;
  }

  /** XState's `snapshot.matches`; a state and a state value of one name each match when they are the same. */
  matches(value: StateValue): boolean {
    const current = this.value;
    if (typeof value === 'string' && typeof current === 'string' && !value.includes('.')) return value === current;
    return matchesState(value, current);
  }

  /** XState's `snapshot.can`: answered by the memo when it has asked the same guards before. */
  can(event: EventFromLogic<TMachine>): boolean {
    const { memo, place } = this;
    if (memo === undefined || place === undefined) return this.real().can(event);
    const known = memo.can(place, event);
    if (known !== undefined) return known;
    const { result, calls } = memo.recording(event, () => this.real().can(event));
    if (calls !== undefined) memo.keepAnswer(place, event, calls, result);
    return result;
  }

  /** The event now, or after the ones before it when the actor is in the middle of a step; none before `start` or after a final state. */
  send(event: EventFromLogic<TMachine>): void {
    if (this.status !== 'running') return;
    if (this.busy) {
      this.queued.push(event);
      return;
    }
    this.busy = true;
    try {
      this.process(event);
      while (this.queued.length > 0 && this.status === 'running') this.process(this.queued.shift() as EventFromLogic<TMachine>);
    } finally {
      this.busy = false;
      if (this.queued.length > 0) this.queued.length = 0;
    }
  }

  /** XState's scheduler: a delayed event `id`, `delay` ms from now on the engine's clock. */
  arm(event: { type: string }, delay: number, id: string): void {
    const entry = this.clock.setTimeout(() => {
      this.timers?.delete(id);
      this.send(event as EventFromLogic<TMachine>);
    }, delay) as Entry<unknown>;
    this.timers ??= new Map();
    this.timers.set(id, entry);
    this.made?.push({ kind: 'arm', event, id, delay });
  }

  disarm(id: string): void {
    this.made?.push({ kind: 'disarm', id });
    const entry = this.timers?.get(id);
    if (entry === undefined) return;
    this.timers?.delete(id);
    this.clock.clearTimeout(entry);
  }

  defer(effect: () => void): void {
    this.deferred.push(effect);
  }

  emit(event: EmittedFrom<TMachine>): void {
    this.made?.push({ kind: 'emit', event });
    this.listener.emitted(event);
  }

  /**
   * Actions run as the step computes them, as XState's actor runs them once started; builtin ones
   * defer their effect to the step's end. A property, not a method: XState swaps it for a wrapper
   * during a step and calls the one it put aside unbound, so it is `runAction` bound once.
   */
  actionExecutor: (action: ExecutableActionObject) => void = this.runAction.bind(this);

  logger(): void {}

  stopChild(): void {}

  private runAction(action: ExecutableActionObject): void {
    if (this.status === 'running') this.execute(action);
    else this.deferred.push(() => this.execute(action));
  }

  private execute(action: ExecutableActionObject): void {
    if (this.system.inspecting) this.inspect({ type: '@xstate.action', action: { type: action.type, params: action.params } });
    action.exec?.(action.info, action.params);
  }

  private process(event: EventFromLogic<TMachine>): void {
    if (this.system.inspecting) this.inspect({ type: '@xstate.event', event });
    const { memo, place } = this;
    if (memo === undefined || place === undefined) {
      this.snapshot = this.machine.transition(this.real(), event, this.scope());
      this.update(event);
      return;
    }
    const replayed = memo.replay(place, event);
    if (replayed === undefined) this.record(memo, place, event);
    else this.replay(replayed, event);
  }

  /** A step XState takes, recorded for the memo. */
  private record(memo: TransitionMemo, from: Place, event: EventFromLogic<TMachine>): void {
    const { result, calls } = memo.recording(event, () => this.machine.transition(this.real(), event, this.scope()));
    // Checked while the actor is still where the step began, as the guards saw it.
    const kept: Call[] | undefined = calls !== undefined && memo.reproduces(from, event, calls, result) ? calls : undefined;
    this.snapshot = result;
    this.place = placeOf(result);
    const made: MadeEffect[] | undefined = kept && [];
    this.made = made;
    try {
      this.runDeferred();
    } finally {
      this.made = undefined;
    }
    if (kept !== undefined && made !== undefined) memo.keep(from, event, kept, made, result);
    this.update(event);
  }

  /** A step replayed from the memo: its effects run as XState's would, in order, then the snapshot observer. */
  private replay({ context, slots, ending }: Replayed, event: EventFromLogic<TMachine>): void {
    this.place = { value: ending.value, key: ending.key, context };
    this.snapshot = ending.done ? this.machine.resolveState({ value: ending.value, context }) : undefined;
    for (const effect of ending.effects) {
      if (effect.kind === 'arm') this.arm({ type: effect.type }, slots[effect.slot] as number, effect.id);
      else if (effect.kind === 'armFor') this.arm({ type: effect.type }, effect.delay, effect.id);
      else if (effect.kind === 'disarm') this.disarm(effect.id);
      else this.emit(slots[effect.slot] as EmittedFrom<TMachine>);
    }
    this.update(event);
  }

  private update(event: { type: string }): void {
    this.runDeferred();
    this.listener.snapshot();
    if (this.snapshot?.status === 'done') this.stop();
    if (this.system.inspecting) this.inspect({ type: '@xstate.snapshot', event, snapshot: this.real() });
  }

  /** The effects of the step, in the order XState's actions deferred them. */
  private runDeferred(): void {
    for (let effect = this.deferred.shift(); effect; effect = this.deferred.shift()) effect();
  }

  /** XState's snapshot, made from the place a replayed step left. */
  private real(): AnyMachineSnapshot {
    if (this.snapshot !== undefined) return this.snapshot;
    const place = this.place as Place;
    this.snapshot = this.machine.resolveState({ value: place.value, context: place.context });
    return this.snapshot;
  }

  /** A final state: the pending timers are cancelled and no event is taken again. */
  private stop(): void {
    this.status = 'stopped';
    for (const id of [...(this.timers?.keys() ?? [])]) this.disarm(id);
    this.timers = undefined;
  }

  private scope(): AnyActorScope {
    return this as unknown as AnyActorScope;
  }

  /** An inspection event; every caller asks for one only when something sees them (a trace), so none is made without one. */
  private inspect(event: Record<string, unknown> & { type: string }): void {
    this.system._sendInspectionEvent({ ...event, actorRef: this, rootId: this.sessionId } as unknown as InspectionEvent);
  }
}

function placeOf(snapshot: AnyMachineSnapshot): Place {
  return { value: snapshot.value, key: placeKey(snapshot.value), context: snapshot.context };
}
