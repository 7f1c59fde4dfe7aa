/**
 * R2's open reading, through the engine: where an order's monthly slices fall
 * (`refund.normal.slices`) moves what a normal refund returns.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

function refunded(slices: string): string[] {
  const text = `format: 1
name: refund slices
policy: tencent-im-2019
policyOverrides: { refund.normal.slices: ${slices} }
start: 2020-01-01
end: 2020-04-30
accounts:
  - id: acme
    balance: { cash: "5000" }
    apps:
      - { id: "1400000001" }
events:
  - { at: 2020-01-31T10:00:00, type: purchase, app: "1400000001", product: pro, months: 3 }
  - { at: 2020-03-29T10:00:00, type: refund, app: "1400000001", product: pro, kind: normal }
`;
  return simulate(parseScenario(text, 'slices.yaml')).refunds.map((refund) => `${refund.amount} ${refund.basis}`);
}

describe('R2: where the slices fall', () => {
  it('anchored on the order start, 2020-03-29 is in slice 2 (to 03-30): 1/30 of it and slice 3 are left, 999 × 31/30 = 1032.30', () => {
    expect(refunded('orderStart')).toEqual(['1032.30 1 of 3 slices not started + 3.33% of the slice in effect, at 999 a slice']);
  });

  it('chained, slice 3 began on 03-28 and runs 33 days to the order end: 999 × 32/33 = 968.73', () => {
    expect(refunded('chained')).toEqual(['968.73 0 of 3 slices not started + 96.97% of the slice in effect, at 999 a slice']);
  });
});
