/** The report's summary: revenue, outstanding debt, final states and app-days in each state. */
import { MS_PER_DAY } from '../domain/calendar.ts';
import { formatMoney, money, sum, ZERO } from '../domain/money.ts';
import { type AppState, appStates, type StateCounts, type Summary } from '../report/types.ts';
import type { World } from './runtime.ts';

export function summarize(world: World): Summary {
  const { recorder } = world;
  const prepaid = sum(recorder.orders.map((order) => order.total));
  const postpaid = sum(recorder.bills.map((bill) => bill.total));
  const refunded = sum(recorder.refunds.map((refund) => refund.amount));
  const debt = [...world.accounts.values()].reduce((total, account) => total.plus(account.actor.getSnapshot().context.debt), ZERO);
  const finalStates = Object.fromEntries(appStates.map((state) => [state, 0])) as StateCounts;
  const durations = Object.fromEntries(appStates.map((state) => [state, 0])) as StateCounts;
  for (const app of world.apps.values()) {
    finalStates[app.state] += 1;
    app.timeline.forEach((entry, index) => {
      const end = index + 1 < app.timeline.length ? app.timeline[index + 1].at : world.period.endAt;
      durations[entry.state] += end - entry.at;
    });
  }
  const days = (state: AppState) => Number(money(durations[state]).div(MS_PER_DAY).toFixed(2));
  return {
    revenue: {
      prepaid: formatMoney(prepaid),
      postpaid: formatMoney(postpaid),
      refunded: formatMoney(refunded),
      net: formatMoney(prepaid.plus(postpaid).minus(refunded)),
    },
    debtOutstanding: formatMoney(debt),
    finalStates,
    daysIn: { trial: days('trial'), active: days('active'), expiredGrace: days('expiredGrace'), suspended: days('suspended') },
  };
}

