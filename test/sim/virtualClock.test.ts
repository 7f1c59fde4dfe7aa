import { describe, expect, it } from 'vitest';
import { Priority, VirtualClock } from '../../src/sim/virtualClock.ts';

function recording() {
  const seen: string[] = [];
  const clock: VirtualClock<string> = new VirtualClock(0, (job) => seen.push(`${job}@${clock.now()}`));
  return { clock, seen };
}

describe('the virtual clock', () => {
  it('runs jobs in time order and moves its time to each one', () => {
    const { clock, seen } = recording();
    clock.schedule(30, Priority.scenario, 'event');
    clock.timersFor(1).setTimeout(() => seen.push(`timer@${clock.now()}`), 10);
    clock.schedule(20, Priority.billing, 'bill');
    clock.runUntil(100);
    expect(seen).toEqual(['timer@10', 'bill@20', 'event@30']);
    expect(clock.now()).toBe(100);
  });

  it('runs machine timers actor by actor, then billing jobs, then scenario events at the same instant', () => {
    const { clock, seen } = recording();
    clock.schedule(5, Priority.scenario, 'event 1');
    clock.schedule(5, Priority.billing, 'bill');
    clock.schedule(5, Priority.scenario, 'event 2');
    clock.timersFor(2).setTimeout(() => seen.push('timer of actor 2'), 5);
    clock.timersFor(1).setTimeout(() => seen.push('timer of actor 1'), 5);
    clock.timersFor(2).setTimeout(() => seen.push('second timer of actor 2'), 5);
    clock.runUntil(6);
    expect(seen).toEqual(['timer of actor 1', 'timer of actor 2', 'second timer of actor 2', 'bill@5', 'event 1@5', 'event 2@5']);
  });

  it('never runs a cleared timer', () => {
    const { clock, seen } = recording();
    const timers = clock.timersFor(1);
    timers.clearTimeout(timers.setTimeout(() => seen.push('cleared'), 5));
    clock.runUntil(10);
    expect(seen).toEqual([]);
  });

  it('leaves jobs at or after the end for later', () => {
    const { clock, seen } = recording();
    clock.schedule(10, Priority.scenario, 'event');
    clock.runUntil(10);
    expect(seen).toEqual([]);
    clock.runUntil(11);
    expect(seen).toEqual(['event@10']);
  });

  it('keeps a thousand jobs in order whatever order they were scheduled in', () => {
    const { clock, seen } = recording();
    for (let index = 0; index < 1000; index += 1) clock.schedule((index * 7919) % 1000, Priority.scenario, 'job');
    clock.runUntil(1000);
    const instants = seen.map((entry) => Number(entry.split('@')[1]));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(instants).toHaveLength(1000);
  });

  it('saves its engine jobs with their order and restores them in another clock', () => {
    const { clock } = recording();
    clock.schedule(20, Priority.scenario, 'second');
    clock.schedule(20, Priority.billing, 'first');
    clock.schedule(5, Priority.scenario, 'done before the pause');
    clock.runUntil(10);
    const saved = clock.saveJobs();
    const resumed = recording();
    resumed.clock.restoreJobs(saved);
    resumed.clock.runUntil(30);
    expect(resumed.seen).toEqual(['first@20', 'second@20']);
  });
});
