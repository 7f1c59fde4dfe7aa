import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/eventQueue.ts';

const job = fc.record({ at: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: 0, max: 4 }), rank: fc.integer({ min: 0, max: 3 }), cancel: fc.boolean() });
type Key = { at: number; priority: number; rank: number; seq: number; item: number };
const inOrder = (a: Key, b: Key) => a.at - b.at || a.priority - b.priority || a.rank - b.rank || a.seq - b.seq;

describe('the event queue', () => {
  it('pops the jobs not cancelled by instant, then priority, then rank, then the order they were pushed', () => {
    fc.assert(
      fc.property(fc.array(job, { maxLength: 200 }), fc.integer({ min: 0, max: 200 }), (jobs, popsBetween) => {
        const queue = new EventQueue<number>();
        const kept: Key[] = [];
        const popped: Key[] = [];
        jobs.forEach((spec, index) => {
          const entry = queue.push(spec.at, spec.priority, spec.rank, index);
          if (spec.cancel) entry.cancelled = true;
          else kept.push(entry);
          if (index === popsBetween) {
            for (let pops = 0; pops < 3; pops += 1) {
              const pop = queue.pop();
              if (pop) popped.push(pop);
            }
          }
        });
        for (let pop = queue.pop(); pop; pop = queue.pop()) popped.push(pop);
        const firstPops = popsBetween < jobs.length ? Math.min(3, kept.filter((entry) => entry.item <= popsBetween).length) : 0;
        expect(popped.slice(0, firstPops)).toEqual([...popped.slice(0, firstPops)].sort(inOrder));
        expect(popped.slice(firstPops)).toEqual([...popped.slice(firstPops)].sort(inOrder));
        expect(popped.map((entry) => entry.item).sort((a, b) => a - b)).toEqual(kept.map((entry) => entry.item));
        expect(queue.size).toBe(0);
      }),
    );
  });
});
