/**
 * Revenue day by day over a report's period, cumulative: orders on the day they are placed
 * (prepaid), bills on the day they are pushed (postpaid), refunds on the day they are paid back.
 * Summed in whole cents (exact), read as CNY for the charts of the visualizer and the pages; the
 * last day equals the report's totals.
 */
import { centsOf } from '../domain/cents.ts';
import { money } from '../domain/money.ts';
import { dayIndex, periodOf } from './period.ts';
import type { Records } from './types.ts';

export interface RevenueSeries {
  /** Day number (days since 1970-01-01, local) of the period's first day. */
  startDay: number;
  prepaid: number[];
  postpaid: number[];
  refunds: number[];
}

/** An amount's cents: read from its text when it has at most two decimals (all a report writes), else by Decimal. */
const cents = (amount: string): number => centsOf(amount) ?? money(amount).times(100).toNumber();

export function cumulativeRevenue(report: Pick<Records, 'period' | 'transitions' | 'balances' | 'orders' | 'bills' | 'refunds'>): RevenueSeries {
  const period = periodOf(report);
  const daily = (entries: [at: string, amount: string][]) => {
    const perDay = new Array<number>(period.days).fill(0);
    for (const [at, amount] of entries) perDay[dayIndex(period, Date.parse(at))] += cents(amount);
    let total = 0;
    return perDay.map((value) => {
      total += value;
      return total / 100;
    });
  };
  return {
    startDay: period.startDay,
    prepaid: daily(report.orders.map((order) => [order.at, order.total])),
    postpaid: daily(report.bills.map((bill) => [bill.pushedAt, bill.total])),
    refunds: daily(report.refunds.map((refund) => [refund.at, refund.amount])),
  };
}

/** Net revenue (prepaid + postpaid − refunds) of each day of a series, cumulative. */
export function netRevenue(series: RevenueSeries): number[] {
  return series.prepaid.map((prepaid, day) => Math.round((prepaid + series.postpaid[day] - series.refunds[day]) * 100) / 100);
}
