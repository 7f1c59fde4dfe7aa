import { describe, expect, it } from 'vitest';
import { computeKpis, type FigureTotals, Figures, figuresResult, kpiNames, reportFigures } from '../../src/report/kpis.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { kpiAt, kpiRows } from '../../src/report/kpiPaths.ts';
import { type Records, type Report, recordSections, type TransitionRecord } from '../../src/report/types.ts';
import { fixtureReport } from '../fixtures/report.ts';

const APP = '1400000001';

/** The fixture's records with some replaced. */
function records(change: Partial<Records> = {}): Records {
  const { kpis, expectations, summary, ...rest } = fixtureReport();
  return { ...rest, ...change };
}

describe('revenue', () => {
  const { revenue, revenueByItem } = computeKpis(records());

  it('tells what was billed from what was collected: an unpaid bill is billed, not collected', () => {
    expect(revenue).toEqual({
      prepaid: '1499.00',
      postpaidBilled: '11000.00',
      postpaidCollected: '4001.00',
      refunded: '500.00',
      netBilled: '11999.00',
      netCollected: '5000.00',
      debtOutstanding: '6999.00',
    });
  });

  it('counts debt paid later within the period as collected', () => {
    const paid = { at: '2020-05-02T09:00:00+08:00', account: 'acme', cash: '1.00', income: '0.00', gift: '0.00', debt: '0.00', cause: 'top-up' };
    const kpis = computeKpis(records({ balances: [...fixtureReport().balances, paid] }));
    expect(kpis.revenue).toMatchObject({ postpaidCollected: '11000.00', netCollected: '11999.00', debtOutstanding: '0.00' });
  });

  it('splits revenue by item, pro and packs net of their refunds, so the items add up to netBilled', () => {
    expect(revenueByItem).toEqual({
      pro: '999.00',
      packs: '0.00',
      dauOverage: '10000.00',
      storageExtension: '0.00',
      peakGroups: '1000.00',
      avBandwidth: '0.00',
      avBandwidthInternational: '0.00',
    });
  });
});

describe('apps and app-days', () => {
  it('counts the app as converted, expired and suspended, not saved', () => {
    expect(computeKpis(records()).apps).toEqual({
      total: 1, converted: 1, autoRenewing: 0, expired: 1, savedInGrace: 0, suspended: 1,
      suspendedForArrears: 0, renewedAfterSuspension: 0, reclaimed: 0, lostAfterReclaim: 0,
    });
  });

  it('adds up the time in each state, to two decimals, as the summary does', () => {
    expect(computeKpis(records()).appDays).toEqual({ trial: 8.42, active: 30, expiredGrace: 7.58, suspendedLapsed: 46, suspendedArrears: 0, suspendedRefund: 0 });
  });

  it('counts a suspension for arrears as lapsed from the account’s arrearsCleared on, when the app stays suspended (A4)', () => {
    const t = (at: string, from: TransitionRecord['from'], to: TransitionRecord['to'], cause: TransitionRecord['cause']): TransitionRecord => ({ at: `${at}T00:00:00+08:00`, app: APP, account: 'acme', from, to, cause, edition: to === 'trial' ? 'trial' : 'pro' });
    const kpis = computeKpis(
      records({
        transitions: [t('2020-03-11', 'trial', 'active', 'purchase'), t('2020-04-10', 'active', 'suspended', 'arrears')],
        events: [{ at: '2020-04-20T00:00:00+08:00', kind: 'arrearsCleared', account: 'acme' }],
      }),
    );
    expect(kpis.appDays).toMatchObject({ trial: 10, active: 30, suspendedArrears: 10, suspendedLapsed: 42 });
    expect(kpis.apps).toMatchObject({ suspended: 1, suspendedForArrears: 1 });
  });

  it('counts renewals in grace, renewals after suspension and customers lost after the reclaim', () => {
    const t = (at: string, from: TransitionRecord['from'], to: TransitionRecord['to'], cause: TransitionRecord['cause']): TransitionRecord => ({ at: `${at}T00:00:00+08:00`, app: APP, account: 'acme', from, to, cause, edition: to === 'trial' ? 'trial' : 'pro' });
    const kpis = computeKpis(
      records({
        transitions: [
          t('2020-03-02', 'trial', 'active', 'purchase'),
          t('2020-03-20', 'active', 'expiredGrace', 'expiry'),
          t('2020-03-22', 'expiredGrace', 'active', 'renewal'),
          t('2020-04-05', 'active', 'expiredGrace', 'expiry'),
          t('2020-04-13', 'expiredGrace', 'suspended', 'graceOver'),
          t('2020-04-15', 'suspended', 'active', 'renewal'),
          t('2020-04-25', 'active', 'suspended', 'refund'),
          t('2020-05-20', 'suspended', 'reclaimed', 'retentionOver'),
        ],
        events: [{ at: '2020-05-25T00:00:00+08:00', kind: 'lostAfterReclaim', app: APP, account: 'acme', by: 'behaviour' }],
      }),
    );
    expect(kpis.apps).toMatchObject({ expired: 1, savedInGrace: 1, suspended: 1, renewedAfterSuspension: 1, reclaimed: 1, lostAfterReclaim: 1 });
    expect(kpis.appDays).toMatchObject({ suspendedLapsed: 2, suspendedRefund: 25 });
  });
});

describe('groups', () => {
  it('counts written accounts under the tag written and no cohort', () => {
    const kpis = computeKpis(records());
    expect(Object.keys(kpis.byTag)).toEqual(['written']);
    expect(kpis.byCohort).toEqual({});
    expect(kpis.byTag.written.revenue).toEqual(kpis.revenue);
  });

  it('gives each cohort and tag the figures of its own accounts', () => {
    const base = fixtureReport();
    const kpis = computeKpis(
      records({
        accounts: [{ id: 'acme', cohort: 'games', tags: ['smb', 'games'] }, { id: 'other' }],
        apps: [...base.apps, { id: 'x-1', account: 'other', createdAt: '2020-03-01T00:00:00+08:00', finalState: 'trial' }],
      }),
    );
    expect(kpis.byCohort.games.apps.total).toBe(1);
    expect(kpis.byTag.smb.revenue.prepaid).toBe('1499.00');
    expect(kpis.byTag.written.apps.total).toBe(1);
    expect(kpis.byTag.written.revenue.prepaid).toBe('0.00');
    expect(kpis.apps.total).toBe(2);
  });
});

describe('figures taken in parts', () => {
  /** The population's report, its records counted in two parts by account (even and odd), each with its own apps, as two threads count theirs. */
  function inParts(report: Report): FigureTotals[] {
    const accountOfApp = new Map(report.apps.map((app) => [app.id, app.account]));
    const part = (record: { account?: string; app?: string }) => report.accounts.findIndex((account) => account.id === (record.account ?? accountOfApp.get(record.app ?? ''))) % 2;
    return [0, 1].map((index) => {
      const figures = new Figures(report.accounts.filter((_, account) => account % 2 === index), report.period);
      for (const section of recordSections) for (const record of report[section]) if (Math.max(part(record), 0) === index) figures.add(section, record);
      return figures.totals(report.apps.filter((app) => part(app) === index));
    });
  }

  it('add up to the figures taken whole: every KPI of every tag and cohort, and the summary', () => {
    const report = simulate(loadScenario('scenarios/population-grace.yaml'));
    const parts = inParts(report);
    expect(Math.min(...parts.map((totals) => totals.all.counts.apps.total))).toBeGreaterThan(0);
    expect(JSON.stringify(figuresResult(parts, report.apps, report.accounts))).toBe(JSON.stringify(reportFigures(report)));
    expect(Object.keys(report.kpis.byCohort).length).toBeGreaterThan(1);
  });

  it('list the tags and cohorts in the order the run’s accounts name them, whichever part counts them first', () => {
    const period = { start: '2020-01-01', end: '2020-01-31', timezone: 'Asia/Shanghai' };
    const account = (id: string, cohort: string, tags: string[]) => ({ id, cohort, tags, balance: { cash: '0.00', vouchers: '0.00', debt: '0.00' } }) as unknown as Report['accounts'][number];
    const [first, second] = [account('a', 'games', ['smb', 'asia']), account('b', 'social', ['asia', 'enterprise'])];
    const parts = [[second], [first]].map((accounts) => new Figures(accounts, period).totals([]));
    const { kpis } = figuresResult(parts, [], [first, second]);
    expect(Object.keys(kpis.byTag)).toEqual(['smb', 'asia', 'enterprise']);
    expect(Object.keys(kpis.byCohort)).toEqual(['games', 'social']);
  });
});

describe('KPI paths', () => {
  it('names every KPI by its dotted path, in a fixed order', () => {
    const names = kpiNames();
    expect(names.slice(0, 3)).toEqual(['revenue.prepaid', 'revenue.postpaidBilled', 'revenue.postpaidCollected']);
    expect(names).toContain('apps.lostAfterReclaim');
    expect(names).toContain('appDays.suspendedArrears');
    expect(names).toContain('userDaysDenied');
    expect(names).toContain('denials.nothingToRefund');
    expect(new Set(names).size).toBe(names.length);
  });

  it('reads a KPI by its path', () => {
    const kpis = computeKpis(records());
    expect(kpiAt(kpis, 'revenue.netCollected')).toBe('5000.00');
    expect(kpiAt(kpis, 'notifications.expiryWarning')).toBe(14);
    expect(kpiAt(kpis, 'apps.nothing')).toBeUndefined();
    expect(kpiAt(kpis, 'revenueByEdition.pro')).toBe(kpiAt(kpis, 'revenueByItem.pro'));
    expect(kpiRows(kpis).map(([path]) => path)).toEqual([...kpiNames().slice(0, 14), 'revenueByEdition.pro', ...kpiNames().slice(14)]);
    expect(kpiRows(kpis.byTag.written)).toEqual(kpiRows(kpis));
  });
});
