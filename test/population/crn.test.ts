/**
 * Common random numbers (every decision from its own stream, keyed by occurrence): runs that
 * differ by a policy knob, by another cohort or by the size of a cohort give each customer the
 * same decisions.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { populationText } from './texts.ts';

const lapsing = {
  name: 'lapsing',
  fields: [
    'balance: { cash: 100000 }',
    'createdAt: { uniform: [2020-01-01, 2020-01-31] }',
    'behaviour: { purchase: { chance: 1, after: { exponential: { mean: 5 } }, months: { choice: { 1: 1, 2: 1 } } }, renewal: { afterExpiry: { chance: 0.9, delay: { exponential: { mean: 10 } } } }, refund: { normal: 0.2, normalAfter: { uniform: [10, 40] } } }',
  ].join(', '),
};
const steady = {
  name: 'steady',
  fields: 'appsPerAccount: { uniform: [1, 2] }, balance: { cash: { uniform: [500, 3000] } }, behaviour: { purchase: { chance: 0.8, after: 3, months: 1 }, renewal: { onWarning: 0.2 }, topUp: { chance: 0.5, delay: 1 } }',
};

const run = (text: string, set: Record<string, unknown> = {}): Report => {
  const scenario = parseScenario(text, 'crn.yaml');
  return simulate({ ...scenario, policy: { ...scenario.policy, lifecycle: { ...scenario.policy.lifecycle, grace: { ...scenario.policy.lifecycle.grace, ...set } } } });
};

/** Everything that happened to the apps of some accounts, order ids left out (they count every order of the run). */
function storyOf(report: Report, account: (id: string) => boolean) {
  const mine = <T extends { account: string }>(records: T[]) => records.filter((record) => account(record.account));
  return {
    transitions: mine(report.transitions),
    orders: mine(report.orders).map(({ id, ...order }) => order),
    refunds: mine(report.refunds).map(({ order, ...refund }) => refund),
    denials: mine(report.denials),
    notifications: mine(report.notifications),
    balances: mine(report.balances).map((balance) => ({ ...balance, cause: balance.cause.replace(/O\d+/g, 'O') })),
  };
}

describe('common random numbers', () => {
  it('under grace 7 and grace 14 the same app notices its lapse after the same delay', () => {
    const text = populationText([{ ...lapsing, accounts: 30 }], { end: '2020-06-30' });
    const [short, long] = [run(text, { days: 7 }), run(text, { days: 14 })];
    const noticed = (report: Report) =>
      report.apps.map((app) => {
        const expiry = report.transitions.find((t) => t.app === app.id && t.cause === 'expiry');
        const renewal = expiry && report.orders.find((order) => order.app === app.id && order.by === 'behaviour' && order.kind === 'renewal' && order.at > expiry.at);
        const stateThen = renewal && report.transitions.filter((t) => t.app === app.id && t.at < renewal.at).at(-1)?.to;
        return { app: app.id, expiry: expiry?.at, renewedAt: renewal?.at, stateThen };
      });
    const [a, b] = [noticed(short), noticed(long)];
    expect(a.map(({ stateThen, ...rest }) => rest)).toEqual(b.map(({ stateThen, ...rest }) => rest));
    const savedOnlyByLongerGrace = a.filter((entry, index) => entry.stateThen === 'suspended' && b[index].stateThen === 'expiredGrace');
    expect(savedOnlyByLongerGrace.length).toBeGreaterThan(0);
    expect(long.kpis.apps.savedInGrace).toBeGreaterThan(short.kpis.apps.savedInGrace);
  });

  it('removing one cohort changes no other cohort’s apps', () => {
    const both = run(populationText([{ ...steady, accounts: 6 }, { ...lapsing, accounts: 10 }]));
    const alone = run(populationText([{ ...lapsing, accounts: 10 }]));
    const lapsingAccount = (id: string) => id.startsWith('lapsing-');
    expect(storyOf(both, lapsingAccount)).toEqual(storyOf(alone, lapsingAccount));
    expect(storyOf(alone, lapsingAccount).orders.length).toBeGreaterThan(10);
  });

  it('growing a cohort keeps its first accounts unchanged', () => {
    const small = run(populationText([{ ...steady, accounts: 10 }, { ...lapsing, accounts: 4 }]));
    const grown = run(populationText([{ ...steady, accounts: 25 }, { ...lapsing, accounts: 4 }]));
    const first = (id: string) => /^steady-(0[1-9]|10)$/.test(id) || id.startsWith('lapsing-');
    expect(storyOf(grown, first)).toEqual(storyOf(small, first));
    expect(grown.apps.length).toBeGreaterThan(small.apps.length);
  });
});
