/**
 * Customers who react (population behaviour), one app at a time with certain chances and fixed
 * delays, so that every reaction falls at an instant the rules give.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { populationText } from '../population/texts.ts';

const APP = 'shop-1-1';

function run(behaviour: string, options: { cash?: string; usage?: string; policyOverrides?: string; rest?: string; end?: string } = {}): Report {
  const fields = [`balance: { cash: "${options.cash ?? '100000'}" }`, 'createdAt: 2020-01-01', `usage: ${options.usage ?? '{ dau: { constant: 5000 } }'}`, `behaviour: ${behaviour}`];
  const text = populationText([{ name: 'shop', accounts: 1, fields: fields.join(', ') }], { policyOverrides: options.policyOverrides, rest: options.rest, end: options.end });
  return simulate(parseScenario(text, 'behaviour.yaml'));
}

const buy = 'purchase: { chance: 1, after: 1.5, months: 1 }';
const ofApp = <T extends { app?: string }>(records: T[]) => records.filter((record) => record.app === APP);
const orders = (report: Report) => ofApp(report.orders).map((order) => [order.at, order.kind, order.start, order.end, order.by]);
const transitions = (report: Report) => ofApp(report.transitions).map((t) => [t.at, t.to, t.cause]);

describe('purchase', () => {
  it('buys pro `after` days after the app is created, marked by behaviour', () => {
    const report = run(`{ ${buy} }`);
    expect(orders(report)[0]).toEqual(['2020-01-02T12:00:00+08:00', 'purchase', '2020-01-02T12:00:00+08:00', '2020-02-01T12:00:00+08:00', 'behaviour']);
    expect(transitions(report)[0]).toEqual(['2020-01-02T12:00:00+08:00', 'active', 'purchase']);
  });

  it('leaves the app in trial with a chance of 0, and without behaviour', () => {
    expect(ofApp(run('{ purchase: { chance: 0 } }').orders)).toEqual([]);
    expect(ofApp(run('{}').transitions)).toEqual([]);
  });
});

describe('autoRenew (P5)', () => {
  it('switches auto-renew on right after the first purchase, and the app renews month by month', () => {
    const report = run(`{ ${buy}, autoRenew: 1 }`, { end: '2020-04-30' });
    expect(ofApp(report.events).find((event) => event.kind === 'autoRenewSet')).toMatchObject({ at: '2020-01-02T12:00:00+08:00', detail: 'on', by: 'behaviour' });
    expect(orders(report).map(([at, kind]) => [at, kind])).toEqual([
      ['2020-01-02T12:00:00+08:00', 'purchase'],
      ['2020-02-01T12:00:00+08:00', 'autoRenewal'],
      ['2020-02-29T12:00:00+08:00', 'autoRenewal'],
      ['2020-03-28T12:00:00+08:00', 'autoRenewal'],
      ['2020-04-27T12:00:00+08:00', 'autoRenewal'],
    ]);
  });
});

describe('renewal', () => {
  it('renews at the first expiry warning (X1) with onWarning 1, for the months of the period that ends', () => {
    const report = run(`{ ${buy}, renewal: { onWarning: 1 } }`, { end: '2020-02-29' });
    expect(orders(report)[1]).toEqual(['2020-01-26T10:00:00+08:00', 'renewal', '2020-02-01T12:00:00+08:00', '2020-02-29T12:00:00+08:00', 'behaviour']);
    expect(ofApp(report.notifications).filter((n) => n.kind === 'expiryWarning').map((n) => n.at)).toEqual(['2020-01-26T10:00:00+08:00', '2020-02-23T10:00:00+08:00']);
  });

  it('renews in grace `delay` days after the end, from the old end (X2, P4): saved in grace', () => {
    const report = run(`{ ${buy}, renewal: { afterExpiry: { chance: 1, delay: 3 }, months: 3 } }`, { end: '2020-03-31' });
    expect(orders(report)[1]).toEqual(['2020-02-04T12:00:00+08:00', 'renewal', '2020-02-01T12:00:00+08:00', '2020-04-30T12:00:00+08:00', 'behaviour']);
    expect(report.kpis.apps.savedInGrace).toBe(1);
  });

  it('renews after the suspension with a new period when it notices after grace (X3, P4)', () => {
    const report = run(`{ ${buy}, renewal: { afterExpiry: { chance: 1, delay: 10 } } }`, { end: '2020-03-31' });
    expect(transitions(report).slice(1)).toEqual([
      ['2020-02-01T12:00:00+08:00', 'expiredGrace', 'expiry'],
      ['2020-02-09T00:00:00+08:00', 'suspended', 'graceOver'],
      ['2020-02-11T12:00:00+08:00', 'active', 'renewal'],
      ['2020-03-10T12:00:00+08:00', 'expiredGrace', 'expiry'],
      ['2020-03-18T00:00:00+08:00', 'suspended', 'graceOver'],
      ['2020-03-20T12:00:00+08:00', 'active', 'renewal'],
    ]);
    expect(report.kpis.apps).toMatchObject({ savedInGrace: 0, renewedAfterSuspension: 1, suspended: 1 });
  });

  it('finds the app reclaimed when it notices after retention (X5): lost, not denied', () => {
    const report = run(`{ ${buy}, renewal: { afterExpiry: { chance: 1, delay: 120 } } }`);
    expect(ofApp(report.events).filter((event) => event.kind === 'lostAfterReclaim')).toEqual([
      { at: '2020-05-31T12:00:00+08:00', kind: 'lostAfterReclaim', app: APP, account: 'shop-1', detail: 'renewAfterExpiry', by: 'behaviour' },
    ]);
    expect(ofApp(report.denials)).toEqual([]);
    expect(report.kpis.apps).toMatchObject({ reclaimed: 1, lostAfterReclaim: 1 });
  });
});

describe('a period that ends while the account is suspended for arrears (A3, A4)', () => {
  it('counts as an expiry: the customer notices it later and renews once the debt is paid', () => {
    const behaviour = `{ purchase: { chance: 1, after: 1.5, months: 2 }, payment: { chance: 1, delay: 30 }, renewal: { afterExpiry: { chance: 1, delay: 5 } }, topUp: { chance: 1, delay: 0.5 } }`;
    const report = run(behaviour, { cash: '2997.00', usage: '{ dau: { constant: 150000 } }', end: '2020-03-31' });
    expect(transitions(report)).toEqual([
      ['2020-01-02T12:00:00+08:00', 'active', 'purchase'],
      ['2020-02-10T00:00:00+08:00', 'suspended', 'arrears'],
      ['2020-03-04T00:00:00+08:00', 'expiredGrace', 'arrearsCleared'],
      ['2020-03-07T00:00:00+08:00', 'active', 'renewal'],
    ]);
    expect(orders(report)[1]).toEqual(['2020-03-07T00:00:00+08:00', 'renewal', '2020-03-01T12:00:00+08:00', '2020-04-30T12:00:00+08:00', 'behaviour']);
  });
});

describe('topUp after a refusal for insufficient balance (P8)', () => {
  it('tops up the price less the balance `delay` days later, in cash, and buys then', () => {
    const report = run(`{ ${buy}, topUp: { chance: 1, delay: 2 } }`, { cash: '400.00' });
    expect(ofApp(report.denials)).toEqual([
      { at: '2020-01-02T12:00:00+08:00', account: 'shop-1', app: APP, type: 'purchase', product: 'pro', reason: 'insufficientBalance', by: 'behaviour' },
    ]);
    const topUp = report.balances.find((balance) => balance.cause === 'top-up');
    expect(topUp).toMatchObject({ at: '2020-01-04T12:00:00+08:00', cash: '999.00', by: 'behaviour' });
    expect(orders(report)[0]).toEqual(['2020-01-04T12:00:00+08:00', 'purchase', '2020-01-04T12:00:00+08:00', '2020-02-03T12:00:00+08:00', 'behaviour']);
  });

  it('does nothing when the app was renewed in the meantime: no second renewal, no top-up', () => {
    const rest = 'events:\n  - { at: 2020-01-27T09:00, type: topUp, account: shop-1, cash: "999" }\n';
    const report = run(`{ ${buy}, renewal: { onWarning: 1 }, topUp: { chance: 1, delay: 5 } }`, { cash: '999.00', rest, end: '2020-02-20' });
    expect(orders(report).map(([at, kind]) => [at, kind])).toEqual([
      ['2020-01-02T12:00:00+08:00', 'purchase'],
      ['2020-01-27T10:00:00+08:00', 'renewal'],
    ]);
    expect(report.balances.filter((balance) => balance.cause === 'top-up' && balance.by === 'behaviour')).toEqual([]);
  });
});

describe('payment of arrears (A2, A3, A4)', () => {
  const usage = '{ dau: { constant: 150000 } }';
  const buyQuarter = 'purchase: { chance: 1, after: 1.5, months: 3 }';

  it('pays the whole debt `delay` days after the arrears warning, before the suspension', () => {
    const report = run(`{ ${buyQuarter}, payment: { chance: 1, delay: 2 } }`, { cash: '2997.00', usage, end: '2020-02-29' });
    expect(report.balances.find((balance) => balance.cause === 'top-up')).toMatchObject({ at: '2020-02-05T00:00:00+08:00', cash: '0.00', debt: '0.00', by: 'behaviour' });
    expect(report.kpis.apps.suspendedForArrears).toBe(0);
    expect(report.kpis.revenue.postpaidCollected).toBe(report.kpis.revenue.postpaidBilled);
  });

  it('pays after the A3 deadline when it takes longer: suspended for arrears, then restored', () => {
    const report = run(`{ ${buyQuarter}, payment: { chance: 1, delay: 10 } }`, { cash: '2997.00', usage, end: '2020-02-29' });
    expect(transitions(report).slice(1)).toEqual([
      ['2020-02-10T00:00:00+08:00', 'suspended', 'arrears'],
      ['2020-02-13T00:00:00+08:00', 'active', 'arrearsCleared'],
    ]);
  });
});

describe('refund (R1, R2)', () => {
  it('asks for the no-reason refund `noReasonAfter` days after the purchase, and is refunded', () => {
    const report = run(`{ ${buy}, refund: { noReason: 1, noReasonAfter: 2 } }`);
    expect(ofApp(report.refunds)).toMatchObject([{ at: '2020-01-04T12:00:00+08:00', kind: 'noReason', amount: '999.00', by: 'behaviour' }]);
  });

  it('is denied like any refund outside the policy window, and counted', () => {
    const report = run(`{ ${buy}, refund: { noReason: 1, noReasonAfter: 6 } }`);
    expect(ofApp(report.denials)).toMatchObject([{ type: 'refund', reason: 'refundWindowOver', by: 'behaviour' }]);
    expect(report.kpis.denials.refundWindowOver).toBe(1);
  });
});
