/**
 * A shard's order ids renamed to their numbers in the merged run (sim/orderIds.ts): in the
 * records that name them, and only there.
 */
import { describe, expect, it } from 'vitest';
import { mayNameOrders, renamedBy, renameOrders, textWithOrdersRenamed } from '../../src/sim/orderIds.ts';
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

  it('finds that a record may name an order when its text has an O followed by a digit, anywhere', () => {
    const text = (value: string) => Buffer.from(value);
    expect(mayNameOrders(text('{"id": "O12"}'))).toBe(true);
    expect(mayNameOrders(text('{"cause": "order O3 paid"}'))).toBe(true);
    expect(mayNameOrders(text('O1'))).toBe(true);
    expect(mayNameOrders(text('{"detail": "OK, Oz, 0O, O"}'))).toBe(false);
    expect(mayNameOrders(text('{"app": "app-o1"}')), 'a lower-case o').toBe(false);
    expect(mayNameOrders(text(''))).toBe(false);
  });

  it('renames nothing in a record whose text has no O followed by a digit, so its bytes can be written as they are', () => {
    const rename = renamedBy([5, 9]);
    const records = {
      balances: '{\n      "cause": "usage of March, OK",\n      "amount": "1.00"\n    }',
      events: '{\n      "kind": "upgraded",\n      "detail": "pro → flagship: credit 0.00 for Ozone"\n    }',
      orders: '{\n      "id": "Oa"\n    }',
    } as const;
    for (const [section, json] of Object.entries(records)) {
      expect(mayNameOrders(Buffer.from(json)), section).toBe(false);
      expect(textWithOrdersRenamed(section as keyof typeof records, json, rename), section).toBe(json);
    }
  });
});
