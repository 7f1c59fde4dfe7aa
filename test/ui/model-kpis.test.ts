import { describe, expect, it } from 'vitest';
import { divergences, firstDivergence } from '../../src/ui/model/compare.ts';
import { kpis } from '../../src/ui/model/kpis.ts';
import { kpiNames } from '../../src/report/kpis.ts';
import { cumulativeRevenue, netRevenue } from '../../src/report/revenueSeries.ts';
import { servedSeries } from '../../src/ui/model/served.ts';
import { buildTimeline } from '../../src/ui/model/timeline.ts';
import { instant } from '../../src/ui/model/time.ts';
import type { TransitionRecord } from '../../src/report/types.ts';
import { defaultRun, smallReport } from './fixtures.ts';

describe('the key figures of a run', () => {
  const report = defaultRun();
  const rows = kpis(report);
  const value = (key: string) => rows.find((k) => k.key === key)?.text;

  it('shows the library’s KPIs, labelled, revenue billed beside revenue collected', () => {
    expect(rows.map((row) => row.key)).toEqual(kpiNames());
    expect(value('revenue.prepaid')).toBe('22377.60');
    expect(value('revenue.postpaidBilled')).toBe('164587.57');
    expect(value('revenue.refunded')).toBe('2997.00');
    expect(value('revenue.netBilled')).toBe(report.summary.revenue.net);
    expect(value('revenue.netCollected')).toBe(report.kpis.revenue.netCollected);
    expect(rows.find((k) => k.key === 'revenue.netCollected')?.label).toBe('net revenue collected');
  });

  it('counts apps and app-days as numbers of their kind', () => {
    expect(rows.find((k) => k.key === 'apps.reclaimed')).toMatchObject({ kind: 'count', text: String(report.kpis.apps.reclaimed) });
    expect(rows.find((k) => k.key === 'appDays.trial')).toMatchObject({ kind: 'days', text: report.summary.daysIn.trial.toFixed(2) });
  });
});

describe('two runs side by side', () => {
  const t = (at: string, to: TransitionRecord['to'], cause: TransitionRecord['cause']): TransitionRecord => ({
    at: `${at}+08:00`,
    app: 'a1',
    account: 'acc',
    from: 'active',
    to,
    cause,
  });

  it('finds the first transition where two runs of an app part ways', () => {
    const common = t('2020-03-05T10:00:00', 'active', 'purchase');
    const a = [common, t('2020-03-20T00:00:00', 'expiredGrace', 'expiry'), t('2020-03-28T00:00:00', 'suspended', 'graceOver')];
    const b = [common, t('2020-03-20T00:00:00', 'expiredGrace', 'expiry'), t('2020-04-04T00:00:00', 'suspended', 'graceOver')];
    expect(firstDivergence('a1', a, b)).toMatchObject({ index: 2, at: instant('2020-03-28T00:00:00+08:00'), a: a[2], b: b[2] });
    expect(firstDivergence('a1', a, a)).toBeUndefined();
    expect(firstDivergence('a1', a.slice(0, 2), a)).toMatchObject({ index: 2, b: a[2] });
    expect(firstDivergence('a1', a.slice(0, 2), a)?.a).toBeUndefined();
  });

  it('lists the apps that diverge by the instant they do', () => {
    const a = smallReport([
      { at: '2020-03-05T10:00:00+08:00', app: 'a1', from: 'trial', to: 'active', cause: 'purchase' },
      { at: '2020-03-12T10:00:00+08:00', app: 'a2', from: 'trial', to: 'active', cause: 'purchase' },
    ]);
    const b = smallReport([
      { at: '2020-03-06T10:00:00+08:00', app: 'a1', from: 'trial', to: 'active', cause: 'purchase' },
      { at: '2020-03-11T10:00:00+08:00', app: 'a2', from: 'trial', to: 'active', cause: 'purchase' },
    ]);
    expect(divergences(a, b).map((d) => d.app)).toEqual(['a1', 'a2']);
    expect(divergences(a, a)).toEqual([]);
  });
});

describe('cumulative revenue per day', () => {
  it('ends at the summary figures of the default scenario', () => {
    const report = defaultRun();
    const timeline = buildTimeline(report);
    const revenue = cumulativeRevenue(report);
    expect(revenue.prepaid).toHaveLength(timeline.period.days);
    expect(revenue.prepaid.at(-1)?.toFixed(2)).toBe(report.summary.revenue.prepaid);
    expect(revenue.postpaid.at(-1)?.toFixed(2)).toBe(report.summary.revenue.postpaid);
    expect(revenue.refunds.at(-1)?.toFixed(2)).toBe(report.summary.revenue.refunded);
    expect(revenue.prepaid[0]).toBe(0);
    expect(revenue.prepaid[5]).toBe(11388.6); // the 12-month order of 2020-01-06
    expect(netRevenue(revenue).at(-1)?.toFixed(2)).toBe(report.kpis.revenue.netBilled);
  });
});

describe('served DAU', () => {
  const report = smallReport([
    { at: '2020-03-05T10:00:00+08:00', app: 'a1', from: 'trial', to: 'active', cause: 'purchase' },
    { at: '2020-03-20T10:00:00+08:00', app: 'a1', from: 'active', to: 'suspended', cause: 'refund' },
  ]);
  const timeline = buildTimeline(report);
  const demand = new Array(31).fill(500);

  it('caps trial days at the trial users (E4), serves pro days in full and suspended days not at all (U1)', () => {
    const served = Array.from(servedSeries(demand, timeline.apps[0].segments, timeline.period, 100));
    expect(served.slice(0, 4)).toEqual([100, 100, 100, 100]);
    expect(served[4]).toBe(500); // the day of the purchase has pro at some moment
    expect(served[19]).toBe(500); // suspended at 10:00, pro before that
    expect(served.slice(20)).toEqual(new Array(11).fill(0));
  });

  it('serves nothing before the app exists, and everything with no trial limit', () => {
    const served = Array.from(servedSeries(demand, timeline.apps[1].segments, timeline.period, null));
    expect(served.slice(0, 9)).toEqual(new Array(9).fill(0));
    expect(served[9]).toBe(500);
  });
});
