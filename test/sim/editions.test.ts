/**
 * Editions as data, through the engine: a policy with a second paid edition (flagship, an upgrade
 * of pro) and a third with no path to either (lite). Amounts are worked out by hand in the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

const editions = `policyOverrides:
  editions.pro.upgradesTo: [flagship]
  editions.flagship: { pricePerMonth: "2999", includedDau: 200000, validity: dayBefore, limits: { users: null, groupMembers: 2000, friends: 3000, groupsPerUser: 1000, avChatrooms: 100 } }
  editions.lite: { pricePerMonth: "99", includedDau: 1000, validity: dayBefore, limits: { users: null, groupMembers: 20, friends: 20, groupsPerUser: 50, avChatrooms: 10 } }`;

function run(events: string, extra = '', usage = '{ dau: { constant: 250000 } }') {
  const text = `format: 1
name: editions
policy: tencent-im-2019
${editions}
${extra}
start: 2020-03-01
end: 2020-05-31
accounts:
  - id: acme
    balance: { cash: "50000" }
    apps:
      - { id: "1400000001", usage: ${usage} }
events:
${events}
`;
  return simulate(parseScenario(text, 'editions.yaml'));
}

const orderLine = (order: { kind: string; product: string; total: string; credit?: string; upgradedFrom?: string; start: string; end: string }) =>
  `${order.kind} ${order.product} ${order.total}${order.credit ? ` credit ${order.credit} from ${order.upgradedFrom}` : ''} ${order.start.slice(0, 16)}..${order.end.slice(0, 16)}`;

describe('editions as data', () => {
  it('an upgrade from pro mid-period credits the unused two thirds of pro (666.00) against flagship (2999.00)', () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }`);
    expect(report.orders.map(orderLine)).toEqual([
      'purchase pro 999.00 2020-03-10T10:00..2020-04-09T10:00',
      'upgrade flagship 2333.00 credit 666.00 from pro 2020-03-20T10:00..2020-04-19T10:00',
    ]);
    expect(report.events.find((event) => event.kind === 'upgraded')?.detail).toBe('pro → flagship: credit 666.00 for O1');
    expect(report.kpis.revenueByEdition).toEqual({ flagship: '2999.00', pro: '333.00' });
    expect(report.kpis.revenueByItem.pro).toBe('3332.00');
    expect(report.transitions.map((t) => `${t.to} ${t.cause} ${t.edition} ${t.at.slice(0, 16)}`)).toEqual([
      'active purchase pro 2020-03-10T10:00',
      'expiredGrace expiry flagship 2020-04-19T10:00',
      'suspended graceOver flagship 2020-04-27T00:00',
    ]);
  });

  it('U2 bills the day furthest above its own edition: 150,000 over pro in March, 50,000 over flagship in April', () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }`);
    const overage = report.bills.flatMap((bill) => bill.lines.filter((line) => line.item === 'dauOverage').map((line) => `${bill.month} ${line.edition} ${line.quantity} ${line.amount}`));
    expect(overage).toEqual(['2020-03 pro 150000 20000.00', '2020-04 flagship 50000 10000.00']);
    expect(report.usage.map((usage) => `${usage.month} ${usage.edition}`)).toEqual(['2020-03 flagship', '2020-04 flagship', '2020-05 undefined']);
  });

  it('a downgrade takes effect at the end of the current period, as a renewal', () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }`);
    expect(report.orders.map(orderLine)).toEqual([
      'purchase flagship 2999.00 2020-03-10T10:00..2020-04-09T10:00',
      'renewal pro 999.00 2020-04-09T10:00..2020-05-08T10:00',
    ]);
    const april = report.bills.find((bill) => bill.month === '2020-04')?.lines.find((line) => line.item === 'dauOverage');
    expect(april && `${april.edition} ${april.quantity}`).toBe('pro 150000');
  });

  it('an edition with no path to the one in effect is refused (noUpgradePath), and so is an upgrade worth less than its credit (creditExceedsPrice)', () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: pro, months: 12 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: lite, months: 1 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }`);
    expect(report.denials.map((denial) => `${denial.product} ${denial.reason}`)).toEqual(['lite noUpgradePath', 'flagship creditExceedsPrice']);
    expect(report.orders).toHaveLength(1);
  });

  it('auto-renewal renews the edition of the last period, at its price', () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }
  - { at: 2020-03-10T10:00:00, type: setAutoRenew, app: "1400000001", on: true }`);
    expect(report.orders.map(orderLine)).toEqual([
      'purchase flagship 2999.00 2020-03-10T10:00..2020-04-09T10:00',
      'autoRenewal flagship 2999.00 2020-04-09T10:00..2020-05-08T10:00',
      'autoRenewal flagship 2999.00 2020-05-08T10:00..2020-06-07T10:00',
    ]);
  });

  it('a refund after an upgrade takes back the upgraded edition only: the credited orders are gone', () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }
  - { at: 2020-03-25T10:00:00, type: refund, app: "1400000001", product: pro, kind: normal }`);
    expect(report.refunds.map((refund) => `${refund.order} ${refund.product}`)).toEqual(['O2 flagship']);
    expect(report.transitions.at(-1)).toMatchObject({ to: 'suspended', cause: 'refund', edition: 'flagship' });
  });

  it('F2: a pack that lists its editions is refused on another (notForEdition), and carries the edition it was bought on', () => {
    const events = `  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-11T10:00:00, type: purchase, app: "1400000001", product: avChatroomUnlimited, months: 1 }`;
    expect(run(events).orders.map((order) => `${order.product} ${order.edition}`)).toEqual(['pro pro', 'avChatroomUnlimited pro']);
    const flagshipOnly = run(events, '  packs.avChatroomUnlimited.editions: [flagship]');
    expect(flagshipOnly.denials.map((denial) => `${denial.product} ${denial.reason}`)).toEqual(['avChatroomUnlimited notForEdition']);
  });

  it("a renew that names no product renews the app's own edition, not the policy's first", () => {
    const report = run(`  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }
  - { at: 2020-03-20T10:00:00, type: renew, app: "1400000001", months: 1 }`);
    expect(report.orders.map(orderLine)).toEqual([
      'purchase flagship 2999.00 2020-03-10T10:00..2020-04-09T10:00',
      'renewal flagship 2999.00 2020-04-09T10:00..2020-05-08T10:00',
    ]);
  });

  it('F5: a pack for flagship only gives nothing on the days of a downgrade to pro: 450 of 500 rooms a day are denied there', () => {
    const report = run(
      `  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }
  - { at: 2020-03-11T10:00:00, type: purchase, app: "1400000001", product: avChatroomUnlimited, months: 3 }
  - { at: 2020-03-12T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }`,
      '  packs.avChatroomUnlimited.editions: [flagship]',
      '{ dau: { constant: 1000 }, avChatrooms: { constant: 500 } }',
    );
    // April: 04-01 to 04-08 flagship with the pack, none denied; 04-09 to 04-30 pro (22 days), 450 a day.
    expect(report.usage.find((usage) => usage.month === '2020-04')?.roomDaysDenied).toBe(22 * 450);
  });

  it('revenueByEdition takes each part of a credit off the edition it came from: flagship 999.67, pro 0.00 (its downgrade never started), ultra 9999.00', () => {
    const report = run(
      `  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: flagship, months: 1 }
  - { at: 2020-03-15T10:00:00, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: ultra, months: 1 }`,
      `  editions.flagship.upgradesTo: [ultra]
  editions.ultra: { pricePerMonth: "9999", includedDau: 500000, validity: dayBefore, limits: { users: null, groupMembers: 6000, friends: 3000, groupsPerUser: 3000, avChatrooms: null } }`,
    );
    // Flagship 03-10 10:00 to 04-09 10:00: 20 of 30 days unused at 03-20 10:00, 2999 × 20/30 = 1999.33; pro (04-09 on) unused whole, 999.00.
    expect(report.orders.at(-1)).toMatchObject({ kind: 'upgrade', credit: '2998.33', creditByEdition: { flagship: '1999.33', pro: '999.00' }, total: '7000.67' });
    expect(report.kpis.revenueByEdition).toEqual({ flagship: '999.67', pro: '0.00', ultra: '9999.00' });
  });

  it('an edition a policy change adds can be bought from the change on, and only then', () => {
    const launch = `policyChanges:
  - at: 2020-04-01T00:00:00
    set:
      editions.pro.upgradesTo: [mega]
      editions.mega: { pricePerMonth: "4999", includedDau: 300000, validity: dayBefore, limits: { users: null, groupMembers: 6000, friends: 3000, groupsPerUser: 3000, avChatrooms: null } }`;
    const report = run(
      `  - { at: 2020-03-10T10:00:00, type: purchase, app: "1400000001", product: pro, months: 3 }
  - { at: 2020-04-20T10:00:00, type: purchase, app: "1400000001", product: mega, months: 1 }`,
      launch,
    );
    expect(report.orders.map((order) => `${order.kind} ${order.product} ${order.upgradedFrom ?? ''}`.trim())).toEqual(['purchase pro', 'upgrade mega pro']);
    expect(() => run('  - { at: 2020-03-20T10:00:00, type: purchase, app: "1400000001", product: mega, months: 1 }', launch)).toThrow(
      /found "mega"; the policy change of 2020-04-01T00:00 adds it, after this event/,
    );
  });
});

