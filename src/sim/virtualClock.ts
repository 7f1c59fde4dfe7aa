/**
 * The engine's clock: one heap of jobs shared by every actor of a run. Each actor gets a
 * `Clock` (XState's interface: `setTimeout`, `clearTimeout`) over it, instead of XState's
 * `SimulatedClock`, which re-sorts all pending timers at every step (quadratic in the number
 * of apps).
 *
 * Same-instant order (documented in the README): machine timers first, actor by actor in
 * creation order and, within an actor, in the order they were set (an app's expiry warning, an
 * engine job, after all of them: warnings.ts); then billing jobs (month
 * close, bill push, bill charge); then a change of policy knobs; then the scenario's events in
 * file order; then customers' reactions (population behaviour) in the order they were decided.
 *
 * Engine jobs are plain data (a `T`), run by the `dispatch` the clock is made with, so that a
 * paused run can be saved with its queue; machine timers are closures that XState re-arms.
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';
import { type Entry, EventQueue } from './eventQueue.ts';
import type { JobKeys, Origin } from './jobKeys.ts';

/** XState's clock interface, as `createActor` takes it. */
export type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

export const Priority = { timer: 0, billing: 1, policy: 2, scenario: 3, behaviour: 4 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** A machine's timer (a function) or an engine job (plain data, never a function); its entry's `origin` is where it stands in the whole run, when a shard keeps keys (jobKeys.ts). */
type Item<T> = (() => void) | T;

export interface SavedJob<T> {
  at: number;
  priority: number;
  /** An actor's rank for a job in the place of a machine timer (expiry warnings), else 0. */
  rank: number;
  seq: number;
  job: T;
}

export class VirtualClock<T = never> {
  private readonly queue = new EventQueue<Item<T>>();
  private current: number;

  constructor(
    start: number,
    private readonly dispatch: (job: T) => void = () => {},
    private readonly keys?: JobKeys,
  ) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** XState timers of one actor: `delay` ms from now, ranked by the actor's creation order. */
  timersFor(rank: number): Clock {
    return new ActorTimers(this, rank);
  }

  /** A timer of the actor ranked `rank`, `delay` ms from now (ActorTimers). */
  setTimer(fn: () => void, delay: number, rank: number): Entry<Item<T>> {
    return this.queue.push(this.current + delay, Priority.timer, rank, fn, this.keys?.origin());
  }

  /** An engine job; with an actor's `rank` at timer priority, it takes the place a timer of that actor would. */
  schedule(at: number, priority: Priority, job: T, rank = 0): void {
    this.queue.push(at, priority, rank, job, this.keys?.origin());
  }

  /** Runs every job due before `until` (exclusive), advancing the clock to each one's instant. */
  runUntil(until: number): void {
    for (let entry = this.queue.peek(); entry && entry.at < until; entry = this.queue.peek()) {
      this.queue.pop();
      this.current = entry.at;
      if (this.keys) this.keys.enter(entry.at, entry.priority, entry.rank, entry.origin as Origin);
      const item = entry.item;
      if (typeof item === 'function') (item as () => void)();
      else this.dispatch(item as T);
    }
    this.current = Math.max(this.current, until);
  }

  /** The pending engine jobs and the next sequence number, to save a paused run. */
  saveJobs(): { jobs: SavedJob<T>[]; sequence: number } {
    const jobs = this.queue
      .entries()
      .flatMap((entry) =>
        typeof entry.item === 'function' ? [] : [{ at: entry.at, priority: entry.priority, rank: entry.rank, seq: entry.seq, job: entry.item as T }],
      )
      .sort((a, b) => a.seq - b.seq);
    return { jobs, sequence: this.queue.sequence };
  }

  restoreJobs(saved: { jobs: SavedJob<T>[]; sequence: number }): void {
    for (const { at, priority, rank, seq, job } of saved.jobs) this.queue.push(at, priority, rank, job, undefined, seq);
    this.queue.sequence = saved.sequence;
  }

  get pending(): number {
    return this.queue.size;
  }
}

/** One actor's timers on the clock: methods, not closures, since a run makes one for every app and account. */
class ActorTimers<T> {
  constructor(
    private readonly clock: VirtualClock<T>,
    private readonly rank: number,
  ) {}

  setTimeout(fn: () => void, delay: number): Entry<unknown> {
    return this.clock.setTimer(fn, delay, this.rank);
  }

  clearTimeout(entry: Entry<unknown>): void {
    entry.cancelled = true;
  }
}
