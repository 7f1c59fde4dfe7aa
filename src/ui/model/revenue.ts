/**
 * Cumulative revenue per day of the period, for the revenue chart: orders count on the day they
 * were placed (prepaid), bills on the day they were pushed (postpaid), refunds on the day they
 * were paid back. Summed in cents, so the last day equals the report's summary.
 */
import type { Report } from '../../report/types.ts';
import { dayIndex, instant, type Period } from './time.ts';

export interface RevenueSeries {
  prepaid: number[];
  postpaid: number[];
  refunds: number[];
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

export function cumulativeRevenue(report: Report, period: Period): RevenueSeries {
  const daily = (entries: [at: string, amount: string][]) => {
    const perDay = new Array<number>(period.days).fill(0);
    for (const [at, amount] of entries) perDay[dayIndex(period, instant(at))] += cents(amount);
    let total = 0;
    return perDay.map((value) => {
      total += value;
      return total / 100;
    });
  };
  return {
    prepaid: daily(report.orders.map((o) => [o.at, o.total])),
    postpaid: daily(report.bills.map((b) => [b.pushedAt, b.total])),
    refunds: daily(report.refunds.map((r) => [r.at, r.amount])),
  };
}
