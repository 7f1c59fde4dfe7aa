/**
 * Each app's net revenue: its orders' totals plus its bill lines, less its refunds. Ranks the
 * apps a person should look at first (`imsim run --top N`).
 */
import { type Money, money, ZERO } from '../domain/money.ts';
import type { Records } from './types.ts';

export function appRevenue(report: Pick<Records, 'apps' | 'orders' | 'bills' | 'refunds'>): Map<string, Money> {
  const revenue = new Map<string, Money>(report.apps.map((app) => [app.id, ZERO]));
  const add = (app: string, amount: string) => revenue.set(app, (revenue.get(app) ?? ZERO).plus(amount));
  for (const order of report.orders) add(order.app, order.total);
  for (const bill of report.bills) for (const line of bill.lines) add(line.app, line.amount);
  for (const refund of report.refunds) add(refund.app, money(refund.amount).neg().toString());
  return revenue;
}

/** The `count` apps with the largest net revenue, ties in the report's order of apps. */
export function topApps(report: Pick<Records, 'apps' | 'orders' | 'bills' | 'refunds'>, count: number): string[] {
  const revenue = appRevenue(report);
  return report.apps
    .map((app, index) => ({ id: app.id, index, amount: revenue.get(app.id) ?? ZERO }))
    .sort((a, b) => b.amount.comparedTo(a.amount) || a.index - b.index)
    .slice(0, count)
    .map((app) => app.id);
}
