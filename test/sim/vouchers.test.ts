/**
 * P7's open reading, through the engine: a voucher worth more than the price
 * (`vouchers.larger`).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

function play(larger: string) {
  const text = `format: 1
name: a large voucher
policy: tencent-im-2019
policyOverrides: { vouchers.larger: ${larger} }
start: 2020-03-01
end: 2020-04-30
accounts:
  - id: acme
    balance: { cash: "100" }
    apps:
      - { id: "1400000001" }
events:
  - { at: 2020-03-09T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1, voucher: "1500" }
`;
  return simulate(parseScenario(text, 'voucher.yaml'));
}

describe('P7: a voucher larger than the price', () => {
  it('forfeit (default): the 1500 voucher pays all 999.00, the balance pays nothing and the other 501 is lost', () => {
    const report = play('forfeit');
    expect(report.orders.map((order) => `${order.voucher} ${order.total} ${order.paid.cash}`)).toEqual(['999.00 0.00 0.00']);
    expect(report.denials).toEqual([]);
  });

  it('refuse: the purchase is denied (voucherExceedsPrice) and nothing changes', () => {
    const report = play('refuse');
    expect(report.orders).toEqual([]);
    expect(report.denials.map((denial) => denial.reason)).toEqual(['voucherExceedsPrice']);
    expect(report.kpis.denials.voucherExceedsPrice).toBe(1);
  });
});
