/**
 * What an app keeps of its orders (sim/orders.ts): those whose period has not ended, which
 * refunds (R1–R5), an upgrade's credit and the cancellation of packs read, and the latest one of
 * a paid edition, which `months: same` reads. An order that ended before a new one is placed is
 * dropped, so that a long run does not keep every order it ever placed.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { saveRun } from '../../src/sim/persist.ts';
import { advance, playToEnd, startRun } from '../../src/sim/simulate.ts';

const scenarioWith = (events: string) =>
  parseScenario(
    `format: 1
name: orders kept
policy: tencent-im-2019
start: 2020-03-01
end: 2020-08-31
accounts:
  - { id: a, balance: { cash: "50000" }, apps: [{ id: "1" }] }
events:
${events}
`,
    'kept.yaml',
  );

const ordersKept = (events: string) => {
  const scenario = scenarioWith(events);
  const run = startRun(scenario, scenario.policy);
  playToEnd(run);
  return run.world.apps.get('1')?.orders.map((order) => order.id);
};

describe('the orders an app keeps', () => {
  it('drops the orders whose period ended before the next order, and keeps those still running', () => {
    // O1 ends 04-01 and O2 05-01: both ended when O4 is placed on 05-20; O3 runs to 06-01.
    const kept = ordersKept(`  - { at: 2020-03-01T10:00:00, type: purchase, app: "1", product: pro, months: 1 }
  - { at: 2020-03-20T10:00:00, type: renew, app: "1", months: 1 }
  - { at: 2020-04-20T10:00:00, type: renew, app: "1", months: 1 }
  - { at: 2020-05-20T10:00:00, type: renew, app: "1", months: 1 }`);
    expect(kept).toEqual(['O3', 'O4']);
  });

  it('keeps the latest order of a paid edition after it ended, for `months: same`', () => {
    // Pro (O1) ends 04-01; a pack bought in grace on 04-03 comes after it.
    const kept = ordersKept(`  - { at: 2020-03-01T10:00:00, type: purchase, app: "1", product: pro, months: 1 }
  - { at: 2020-04-03T10:00:00, type: purchase, app: "1", product: avChatroomUnlimited, months: 1 }`);
    expect(kept).toEqual(['O1', 'O2']);
  });

  it('keeps an order that ends at the instant the next one is placed', () => {
    // The pack O2 ends 04-05T10:00:00, the instant O3 is placed; pro (O1) runs to 06-01.
    const kept = ordersKept(`  - { at: 2020-03-01T10:00:00, type: purchase, app: "1", product: pro, months: 3 }
  - { at: 2020-03-05T10:00:00, type: purchase, app: "1", product: avChatroomUnlimited, months: 1 }
  - { at: 2020-04-05T10:00:00, type: purchase, app: "1", product: groupMembers2000, months: 1 }`);
    expect(kept).toEqual(['O1', 'O2', 'O3']);
  });
});

describe('a kept order in a saved run', () => {
  it('is plain data with its R2 slices worked out, as JSON and as a structured clone carry it', () => {
    const scenario = scenarioWith('  - { at: 2020-03-01T10:00:00, type: purchase, app: "1", product: pro, months: 3 }');
    const run = startRun(scenario, scenario.policy);
    advance(run, Date.parse('2020-04-15T00:00:00+08:00'));
    // P2 (validity `dayBefore`): bought on the 1st, each month ends on the last day of its month.
    const monthly = ['2020-03-01', '2020-03-31', '2020-04-30', '2020-05-31'].map((day) => Date.parse(`${day}T10:00:00+08:00`));
    const saved = saveRun(run);
    for (const copy of [JSON.parse(JSON.stringify(saved)), structuredClone(saved)]) {
      const [order] = copy.apps[0].orders;
      expect(Object.keys(order)).toEqual(['id', 'edition', 'months', 'at', 'start', 'end', 'product', 'slices', 'paid', 'voucher', 'refundable', 'refunded', 'cancelled']);
      expect(order.slices).toEqual(monthly);
    }
  });
});
