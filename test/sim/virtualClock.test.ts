import { describe, expect, it } from 'vitest';
import { Priority, VirtualClock } from '../../src/sim/virtualClock.ts';

describe('the virtual clock', () => {
  it('runs jobs in time order and moves its time to each one', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    clock.schedule(30, Priority.scenario, () => seen.push(clock.now()));
    clock.setTimeout(() => seen.push(clock.now()), 10);
    clock.schedule(20, Priority.billing, () => seen.push(clock.now()));
    clock.runUntil(100);
    expect(seen).toEqual([10, 20, 30]);
    expect(clock.now()).toBe(100);
  });

  it('runs machine timers, then billing jobs, then scenario events at the same instant, each in scheduling order', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.schedule(5, Priority.scenario, () => seen.push('event 1'));
    clock.schedule(5, Priority.billing, () => seen.push('bill'));
    clock.schedule(5, Priority.scenario, () => seen.push('event 2'));
    clock.setTimeout(() => seen.push('timer'), 5);
    clock.runUntil(6);
    expect(seen).toEqual(['timer', 'bill', 'event 1', 'event 2']);
  });

  it('never runs a cleared timer', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    clock.clearTimeout(clock.setTimeout(() => {
      fired = true;
    }, 5));
    clock.runUntil(10);
    expect(fired).toBe(false);
  });

  it('leaves jobs at or after the end for later', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    clock.schedule(10, Priority.scenario, () => seen.push(10));
    clock.runUntil(10);
    expect(seen).toEqual([]);
    clock.runUntil(11);
    expect(seen).toEqual([10]);
  });

  it('keeps a thousand jobs in order whatever order they were scheduled in', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    for (let index = 0; index < 1000; index += 1) {
      const when = (index * 7919) % 1000;
      clock.schedule(when, Priority.scenario, () => seen.push(when));
    }
    clock.runUntil(1000);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toHaveLength(1000);
  });
});
