/**
 * A shard's order ids renamed to their numbers in the merged run (sim/orderIds.ts): in the
 * records that name them, and only there.
 */
import { describe, expect, it } from 'vitest';
import { renamedBy, renameOrders } from '../../src/sim/orderIds.ts';
import type { Records } from '../../src/report/types.ts';

const upgraded = (detail: string): Records['events'][number] => ({ at: '2020-03-20T10:00:00+08:00', kind: 'upgraded', app: '2', account: 'b', detail });

describe('order ids renamed for the merged run', () => {
  it('gives a shard order On the n-th number of its shard, and keeps an id without one', () => {
    const rename = renamedBy([3, 7]);
    expect(['O1', 'O2', 'O3', 'O0'].map(rename)).toEqual(['O3', 'O7', 'O3', 'O0']);
    expect(renamedBy(new Int32Array(2))('O1'), 'a number not given (0)').toBe('O1');
  });

  it('renames the credited orders after " for " in an upgrade, not an edition that looks like an order id', () => {
    const event = upgraded('pro → O2: credit 666.00 for O1, O2');
    renameOrders('events', event, renamedBy([5, 9]));
    expect(event).toEqual(upgraded('pro → O2: credit 666.00 for O5, O9'));
  });

  it('leaves an upgrade that credited no order as it is (nothing paid to credit)', () => {
    const event = upgraded('pro → O2: credit 0.00');
    renameOrders('events', event, renamedBy([5, 9]));
    expect(event).toEqual(upgraded('pro → O2: credit 0.00'));
  });
});
