/**
 * P3's open reading, through the engine: a renewal (manual or automatic) is an order like a
 * purchase, and `lengths.discountsApplyTo.renewals` decides whether it gets the length discount.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

function orders(renewals: boolean): string[] {
  const text = `format: 1
name: renewals and the length discount
policy: tencent-im-2019
policyOverrides: { autoRenew.months: 12, lengths.discountsApplyTo.renewals: ${renewals} }
start: 2020-03-01
end: 2020-05-31
accounts:
  - id: acme
    balance: { cash: "40000" }
    apps:
      - { id: "1400000001" }
      - { id: "1400000002" }
events:
  - { at: 2020-03-09T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-20T10:00:00, type: renew, app: "1400000001", product: pro, months: 12 }
  - { at: 2020-03-09T10:00:00, type: purchase, app: "1400000002", product: pro, months: 1 }
  - { at: 2020-03-09T10:00:00, type: setAutoRenew, app: "1400000002", on: true }
`;
  return simulate(parseScenario(text, 'renewals.yaml')).orders.map((order) => `${order.app} ${order.kind} ${order.months} ${order.total}`);
}

describe('P3: renewals and the length discount', () => {
  it('a 12-month renewal and a 12-month auto-renewal pay 11388.60 (× 0.95) by default', () => {
    expect(orders(true)).toEqual([
      '1400000001 purchase 1 999.00',
      '1400000002 purchase 1 999.00',
      '1400000001 renewal 12 11388.60',
      '1400000002 autoRenewal 12 11388.60',
    ]);
  });

  it('with lengths.discountsApplyTo.renewals false they pay the list price, 11988.00', () => {
    expect(orders(false)).toEqual([
      '1400000001 purchase 1 999.00',
      '1400000002 purchase 1 999.00',
      '1400000001 renewal 12 11988.00',
      '1400000002 autoRenewal 12 11988.00',
    ]);
  });
});
