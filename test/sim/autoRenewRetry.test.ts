/**
 * P5's open reading, through the engine: when in the day the renewal scans of grace run
 * (`autoRenew.retryAt`) decides when a top-up made in grace is used.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

function autoRenewals(retryAt: string): string[] {
  const text = `format: 1
name: auto-renew retries
policy: tencent-im-2019
policyOverrides: { autoRenew.retryAt: "${retryAt}" }
start: 2020-03-01
end: 2020-05-31
accounts:
  - id: acme
    balance: { cash: "999" }
    apps:
      - { id: "1400000001" }
events:
  - { at: 2020-03-09T10:10:52, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-09T10:10:52, type: setAutoRenew, app: "1400000001", on: true }
  - { at: 2020-04-10T20:00:00, type: topUp, account: acme, cash: "999" }
`;
  return simulate(parseScenario(text, 'retry.yaml'))
    .orders.filter((order) => order.kind === 'autoRenewal')
    .map((order) => `${order.at.slice(0, 19)} ${order.start.slice(0, 19)}`);
}

describe('P5: when the renewal scans of grace run', () => {
  it('every 24 h from the end (04-08 10:10:52): the top-up of 04-10 20:00 is used at 04-11 10:10:52, from the old end', () => {
    expect(autoRenewals('end')).toEqual(['2020-04-11T10:10:52 2020-04-08T10:10:52']);
  });

  it('at 00:00 every day: the same top-up is used at 04-11 00:00', () => {
    expect(autoRenewals('00:00')).toEqual(['2020-04-11T00:00:00 2020-04-08T10:10:52']);
  });
});
