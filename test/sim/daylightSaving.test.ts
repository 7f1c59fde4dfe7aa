/**
 * A policy in a zone with daylight saving time (Europe/Berlin: +01:00 in winter, +02:00 from
 * 2020-03-29 to 2020-10-25), through the engine: validity keeps the wall-clock time across
 * both changes, grace and bills fall at local midnight, warnings at 10:00 local, and a day of
 * 23 or 25 hours is billed as one day.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

function berlin(events: string, usage = '{ dau: { constant: 1000 } }') {
  return simulate(
    parseScenario(
      `format: 1
name: daylight saving time
policy: tencent-im-2019
policyOverrides: { timezone: Europe/Berlin }
start: 2020-01-01
end: 2020-12-31
accounts:
  - id: acme
    balance: { cash: "100000" }
    apps:
      - { id: "1400000001", usage: ${usage} }
      - { id: "1400000002" }
events:
${events}
`,
      'berlin.yaml',
    ),
  );
}

describe('a policy in Europe/Berlin', () => {
  it('P2: pro bought 03-09 10:00 (+01:00) ends 04-08 10:00 (+02:00), and one bought 10-09 10:00 (+02:00) ends 11-08 10:00 (+01:00)', () => {
    const report = berlin(`  - { at: 2020-03-09T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-10-09T10:00:00, type: purchase, app: "1400000002", product: pro, months: 1 }`);
    expect(report.orders.map((order) => `${order.start} ${order.end} ${order.days}`)).toEqual([
      '2020-03-09T10:00:00+01:00 2020-04-08T10:00:00+02:00 29.96',
      '2020-10-09T10:00:00+02:00 2020-11-08T10:00:00+01:00 30.04',
    ]);
  });

  it('X1, X2, X3: warnings at 10:00 local on either side of the change; grace ends at local midnight', () => {
    const report = berlin('  - { at: 2020-02-25T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }');
    const warnings = report.notifications.filter((n) => n.kind === 'expiryWarning').map((n) => n.at);
    expect(warnings.slice(9, 12)).toEqual(['2020-03-27T10:00:00+01:00', '2020-03-28T10:00:00+01:00', '2020-03-29T10:00:00+02:00']);
    expect(report.transitions.map((t) => `${t.to} ${t.at}`)).toEqual([
      'active 2020-02-25T10:00:00+01:00',
      'expiredGrace 2020-03-24T10:00:00+01:00',
      'suspended 2020-04-01T00:00:00+02:00',
      'reclaimed 2020-06-30T00:00:00+02:00',
    ]);
  });

  it('U1, U2: the 23-hour 03-29 and the 25-hour 10-25 are one day each: 31 pro days in March and in October, and a peak on either is billed', () => {
    const report = berlin(
      '  - { at: 2020-01-01T00:00:00, type: purchase, app: "1400000001", product: pro, months: 12 }',
      `{ dau: { steps: [{ from: 2020-01-01, value: 1000 }, { from: 2020-03-29, value: 150000 }, { from: 2020-03-30, value: 1000 },
        { from: 2020-10-25, value: 250000 }, { from: 2020-10-26, value: 1000 }] } }`,
    );
    const month = (id: string) => report.usage.find((usage) => usage.month === id);
    expect([month('2020-03')?.proDays, month('2020-10')?.proDays]).toEqual([31, 31]);
    expect([month('2020-03')?.peakDauDay, month('2020-10')?.peakDauDay]).toEqual(['2020-03-29', '2020-10-25']);
    const overage = report.bills.flatMap((bill) => bill.lines.filter((line) => line.item === 'dauOverage').map((line) => `${bill.month} ${line.amount}`));
    expect(overage).toEqual(['2020-03 10000.00', '2020-10 20000.00']);
    expect(report.bills.find((bill) => bill.month === '2020-03')?.pushedAt).toBe('2020-04-03T00:00:00+02:00');
  });
});
