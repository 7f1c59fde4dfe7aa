import { describe, expect, it } from 'vitest';
import { comparisonOf } from '../../src/explore/comparison.ts';
import { divergenceMap } from '../../src/ui/model/compare.ts';
import { kpiLabel } from '../../src/ui/model/kpis.ts';
import { kpiPaths } from '../../src/report/kpiPaths.ts';
import { kpiNames } from '../../src/report/kpis.ts';
import { cumulativeRevenue, netRevenue } from '../../src/report/revenueSeries.ts';
import { servedSeries } from '../../src/ui/model/served.ts';
import { buildTimeline } from '../../src/ui/model/timeline.ts';
import { instant } from '../../src/ui/model/time.ts';
import { defaultRun, partingReports, smallReport } from './fixtures.ts';

describe('the key figures of a run', () => {
  it('names every KPI of the library in words, each differently', () => {
    const labels = kpiNames().map(kpiLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((label) => label !== undefined && label !== '')).toBe(true);
    expect(kpiLabel('revenue.netCollected')).toBe('net revenue collected');
    expect(kpiLabel('apps.lostAfterReclaim')).toBe('customers back too late (reclaimed)');
  });

  it('names the KPIs a run adds for its policy (revenue by edition) by what they are, not as another KPI', () => {
    const paths = kpiPaths(defaultRun().kpis);
    expect(paths).toContain('revenueByEdition.pro');
    expect(kpiLabel('revenueByEdition.pro')).toBe('revenue: edition pro');
    const labels = paths.map(kpiLabel);
    expect(new Set(labels).size).toBe(labels.length);
    expect(paths.filter((path) => kpiLabel(path) === path)).toEqual([]);
  });
});

describe('two runs side by side', () => {
  it('marks each app where run B parts from run A, at the earlier of the two transitions (the library comparison)', () => {
    const { a, b } = partingReports();
    const marks = divergenceMap(comparisonOf(a, b));
    expect([...marks.keys()]).toEqual(['a1', 'a2']);
    expect(marks.get('a1')).toEqual({
      app: 'a1',
      at: instant('2020-03-05T10:00:00+08:00'),
      a: { at: '2020-03-05T10:00:00+08:00', to: 'active', cause: 'purchase' },
      b: { at: '2020-03-06T10:00:00+08:00', to: 'active', cause: 'purchase' },
    });
    expect(marks.get('a2')?.at).toBe(instant('2020-03-11T10:00:00+08:00'));
    expect(divergenceMap(comparisonOf(a, a)).size).toBe(0);
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
    { at: '2020-03-05T10:00:00+08:00', app: 'a1', from: 'trial', to: 'active', cause: 'purchase', edition: 'pro' },
    { at: '2020-03-20T10:00:00+08:00', app: 'a1', from: 'active', to: 'suspended', cause: 'refund', edition: 'pro' },
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
