/**
 * A report cut down to some apps and their accounts (`imsim run --top N`): their records, the
 * bills and balances of their accounts. The summary and the KPIs stay those of the whole run.
 */
import type { Report } from './types.ts';

export function focusOn(report: Report, appIds: readonly string[]): Report {
  const apps = new Set(appIds);
  const accounts = new Set(report.apps.filter((app) => apps.has(app.id)).map((app) => app.account));
  const mine = (record: { app?: string; account?: string }) => (record.app === undefined ? accounts.has(record.account ?? '') : apps.has(record.app));
  return {
    ...report,
    accounts: report.accounts.filter((account) => accounts.has(account.id)),
    apps: report.apps.filter((app) => apps.has(app.id)),
    transitions: report.transitions.filter(mine),
    orders: report.orders.filter(mine),
    bills: report.bills.filter((bill) => accounts.has(bill.account)),
    refunds: report.refunds.filter(mine),
    notifications: report.notifications.filter(mine),
    denials: report.denials.filter(mine),
    events: report.events.filter(mine),
    balances: report.balances.filter((balance) => accounts.has(balance.account)),
    usage: report.usage.filter(mine),
  };
}
