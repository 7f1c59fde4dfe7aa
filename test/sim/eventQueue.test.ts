import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Entry, EventQueue } from '../../src/sim/eventQueue.ts';

const step = fc.oneof(
  fc.record({ push: fc.record({ at: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: 0, max: 4 }), rank: fc.integer({ min: 0, max: 3 }) }) }),
  fc.record({ pop: fc.constant(true) }),
  fc.record({ cancel: fc.nat() }),
);
const inOrder = (a: Entry<number>, b: Entry<number>) => a.at - b.at || a.priority - b.priority || a.rank - b.rank || a.seq - b.seq;

describe('the event queue', () => {
  it('pops the first live job in the engine order (instant, priority, rank, order pushed) at every pop, cancelled jobs never', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const queue = new EventQueue<number>();
        const live: Entry<number>[] = [];
        steps.forEach((next, index) => {
          if ('push' in next) live.push(queue.push(next.push.at, next.push.priority, next.push.rank, index));
          else if ('cancel' in next) {
            if (live.length > 0) live.splice(next.cancel % live.length, 1)[0].cancelled = true;
          } else {
            const first = [...live].sort(inOrder)[0];
            expect(queue.pop()).toBe(first);
            if (first) live.splice(live.indexOf(first), 1);
          }
        });
        const rest: Entry<number>[] = [];
        for (let pop = queue.pop(); pop; pop = queue.pop()) rest.push(pop);
        expect(rest).toEqual(live.sort(inOrder));
        expect(queue.size).toBe(0);
      }),
    );
  });

  it('keeps the order when it holds more jobs than its first key arrays have room for', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9 })), { minLength: 3000, maxLength: 5000 }), (jobs) => {
        const queue = new EventQueue<number>();
        const pushed = jobs.map(([at, priority, rank], index) => queue.push(at, priority, rank, index));
        const popped: Entry<number>[] = [];
        for (let pop = queue.pop(); pop; pop = queue.pop()) popped.push(pop);
        expect(popped).toEqual(pushed.sort(inOrder));
      }),
      { numRuns: 20 },
    );
  });
});
