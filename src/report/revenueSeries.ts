/**
 * Net revenue day by day, cumulative (orders on the day they are placed, bills on the day they
 * are pushed, refunds on the day they are paid back), for the charts of the pages. A chart's
 * numbers: kept in whole cents while summed, read as CNY.
 */
import { dayNumber, fixedZone, localDay } from '../domain/calendar.ts';
import type { Records } from './types.ts';

export interface DailySeries {
  /** Day numbers (days since 1970-01-01, local) of the period, one per value. */
  days: number[];
  values: number[];
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

export function cumulativeNetRevenue(report: Pick<Records, 'period' | 'orders' | 'bills' | 'refunds'>): DailySeries {
  const zone = fixedZone(report.period.timezone);
  if (!zone) throw new Error(`the report's time zone ${report.period.timezone} has no fixed offset`);
  const [first, last] = [report.period.start, report.period.end].map((date) => {
    const [year, month, day] = date.split('-').map(Number);
    return dayNumber(year, month, day);
  });
  const perDay = new Array<number>(last - first + 1).fill(0);
  const add = (at: string, amount: number) => {
    const index = localDay(Date.parse(at), zone) - first;
    if (index >= 0 && index < perDay.length) perDay[index] += amount;
  };
  for (const order of report.orders) add(order.at, cents(order.total));
  for (const bill of report.bills) add(bill.pushedAt, cents(bill.total));
  for (const refund of report.refunds) add(refund.at, -cents(refund.amount));
  const values: number[] = [];
  let total = 0;
  for (const value of perDay) {
    total += value;
    values.push(total / 100);
  }
  return { days: perDay.map((_, index) => first + index), values };
}
