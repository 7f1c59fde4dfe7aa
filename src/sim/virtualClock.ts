/**
 * The engine's clock: XState's `Clock` interface (`setTimeout`, `clearTimeout`) over one
 * heap of jobs shared by every actor, instead of XState's `SimulatedClock`, which re-sorts
 * all pending timers at every step (quadratic in the number of apps).
 *
 * Same-instant order (documented in the README): machine timers first, then billing jobs
 * (month close, bill push, bill charge), then the scenario's events in file order; within
 * each class, the order in which they were scheduled.
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';
import { EventQueue, type Job } from './eventQueue.ts';

/** XState's clock interface, as `createActor` takes it. */
type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

export const Priority = { timer: 0, billing: 1, scenario: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

export class VirtualClock implements Clock {
  private readonly queue = new EventQueue();
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** XState timers: `delay` ms from now. */
  setTimeout(fn: (...args: unknown[]) => void, delay: number): Job {
    return this.queue.push(this.current + delay, Priority.timer, fn);
  }

  clearTimeout(id: unknown): void {
    (id as Job).cancelled = true;
  }

  schedule(at: number, priority: Priority, run: () => void): Job {
    return this.queue.push(at, priority, run);
  }

  /** Runs every job due before `until` (exclusive), advancing the clock to each one's instant. */
  runUntil(until: number): void {
    for (let job = this.queue.peek(); job && job.at < until; job = this.queue.peek()) {
      this.queue.pop();
      this.current = job.at;
      job.run();
    }
    this.current = Math.max(this.current, until);
  }

  get pending(): number {
    return this.queue.size;
  }
}
