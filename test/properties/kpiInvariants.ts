/**
 * Invariant j of the population pool (EXPLORE.md §5): the KPIs agree with the records they are
 * computed from, for all accounts, each tag and each cohort. Money is compared exactly with
 * decimal.js.
 */
import type Decimal from 'decimal.js';
import { computeKpis } from '../../src/report/kpis.ts';
import {
  type AppDayState,
  type AppRecord,
  appCounts,
  appDayStates,
  denialReasons,
  type KpiSet,
  notificationKinds,
  type Records,
  type Report,
  revenueItems,
} from '../../src/report/types.ts';
import { dec, instantMs, MS_PER_DAY, periodOf, type Run, sumOf } from './invariants.ts';

const ROUNDING = 0.005 + 1e-9;

// ---------------------------------------------------------------------------------------------
// j. KPIs agree with the records.

/** Exact time of one app in each KPI state, from its creation to the end of the period (ms); also its time reclaimed. */
function appMilliseconds(report: Report, app: AppRecord, cleared: readonly number[], endAt: number) {
  const ms = Object.fromEntries(appDayStates.map((state) => [state, 0])) as Record<AppDayState, number>;
  let reclaimed = 0;
  let state: AppDayState | 'reclaimed' = 'trial';
  let since = instantMs(app.createdAt);
  const add = (until: number) => {
    if (state === 'reclaimed') reclaimed += until - since;
    else ms[state] += until - since;
    since = until;
  };
  const changes = report.transitions.filter((t) => t.app === app.id);
  for (const change of [...changes, undefined]) {
    const at = change ? instantMs(change.at) : endAt;
    // Suspended for arrears: once the account pays while the package has lapsed underneath, the
    // app stays suspended without a transition and counts as lapsed from then on (A4).
    if (state === 'suspendedArrears') {
      const paid = cleared.find((instant) => instant > since && instant < at);
      if (paid !== undefined) {
        add(paid);
        state = 'suspendedLapsed';
      }
    }
    add(at);
    if (!change) break;
    if (change.to !== 'suspended') state = change.to;
    else state = change.cause === 'arrears' ? 'suspendedArrears' : change.cause === 'refund' ? 'suspendedRefund' : 'suspendedLapsed';
  }
  return { ms, reclaimed, lifetime: endAt - instantMs(app.createdAt) };
}

/** The report's records of one app (and of its account, as far as the app's KPIs read them). */
function oneApp(report: Report, app: AppRecord): Records {
  return {
    ...report,
    accounts: report.accounts.filter((account) => account.id === app.account),
    apps: [app],
    transitions: report.transitions.filter((t) => t.app === app.id),
    orders: [],
    bills: [],
    refunds: [],
    notifications: [],
    denials: [],
    events: report.events.filter((event) => event.account === app.account && event.kind === 'arrearsCleared'),
    balances: [],
    usage: [],
  };
}

/**
 * The KPIs (EXPLORE.md §5, src/report/kpis.ts) of all accounts, of each tag and of each cohort,
 * recomputed from the report's records:
 * - revenue: prepaid = Σ order totals, postpaidBilled = Σ bill totals, refunded = Σ refund
 *   amounts, debtOutstanding = Σ final debts; netBilled = prepaid + postpaidBilled − refunded and
 *   netCollected = prepaid + postpaidCollected − refunded;
 * - postpaidCollected: kpis.ts counts each bill's `paid` and every fall of an account's debt. An
 *   account's debt starts at 0 and only a bill raises it, by the bill's `debt` = total − paid
 *   (invariant a). So Σ falls = Σ bill debt − final debt, and, exactly,
 *       postpaidBilled − postpaidCollected = debtOutstanding,
 *   the debt created by bills and not paid back (by a top-up, or by a refund paid into the debt).
 * - revenueByItem: pro and packs net of their refunds, each bill item as billed; adds up to
 *   netBilled exactly;
 * - apps: each count from its definition (appCounts.ts); apps.total = the number of apps, and
 *   the cohorts' totals add up to the generated apps;
 * - appDays: each state's days within rounding (half a cent of a day) of the exact time from the
 *   records; for every app on its own (the KPIs of a one-app slice of the records), the states
 *   add up to its time from creation to the end of the period less its time reclaimed;
 * - userDaysDenied, roomDaysDenied, notifications and denials: counts of the records.
 * The groups: `byTag` has a key for every tag of an account (`written` for a written account),
 * `byCohort` one for every cohort with an account; an account counts once in each of its tags.
 */
export function kpisConsistent({ report }: Run): string[] {
  const out: string[] = [];
  const { kpis } = report;
  const { endAt } = periodOf(report);

  // Groups of accounts.
  const groups = new Map<string, Set<string>>([['all', new Set(report.accounts.map((account) => account.id))]]);
  const add = (key: string, account: string) => {
    const set = groups.get(key) ?? new Set<string>();
    set.add(account);
    groups.set(key, set);
  };
  for (const account of report.accounts) {
    for (const tag of account.cohort === undefined ? ['written'] : (account.tags ?? [])) add(`byTag/${tag}`, account.id);
    if (account.cohort !== undefined) add(`byCohort/${account.cohort}`, account.id);
  }
  const expectKeys = (kind: 'byTag' | 'byCohort') => {
    const expected = [...groups.keys()].filter((key) => key.startsWith(`${kind}/`)).map((key) => key.slice(kind.length + 1)).sort();
    const actual = Object.keys(kpis[kind]).sort();
    if (JSON.stringify(expected) !== JSON.stringify(actual)) out.push(`kpis.${kind} has ${JSON.stringify(actual)}, the accounts give ${JSON.stringify(expected)}`);
  };
  expectKeys('byTag');
  expectKeys('byCohort');

  // Per app: exact time in each state; the one-app KPIs.
  const cleared = new Map<string, number[]>();
  for (const event of report.events) {
    if (event.kind === 'arrearsCleared' && event.account !== undefined) cleared.set(event.account, [...(cleared.get(event.account) ?? []), instantMs(event.at)]);
  }
  const timeOf = new Map<string, Record<AppDayState, number>>();
  for (const app of report.apps) {
    const { ms, reclaimed, lifetime } = appMilliseconds(report, app, cleared.get(app.account) ?? [], endAt);
    timeOf.set(app.id, ms);
    const own = computeKpis(oneApp(report, app)).appDays;
    const where = `${app.id} (created ${app.createdAt}, final ${app.finalState})`;
    for (const state of appDayStates) {
      const exact = ms[state] / MS_PER_DAY;
      if (Math.abs(own[state] - exact) > ROUNDING) out.push(`${where}: appDays.${state} ${own[state]}, the transitions give ${exact.toFixed(4)} days`);
    }
    const total = appDayStates.reduce((sum, state) => sum + own[state], 0);
    const expected = (lifetime - reclaimed) / MS_PER_DAY;
    if (Math.abs(total - expected) > ROUNDING * appDayStates.length) {
      out.push(`${where}: its appDays add up to ${total.toFixed(2)}, its time from creation to the end less ${(reclaimed / MS_PER_DAY).toFixed(4)} days reclaimed is ${expected.toFixed(4)}`);
    }
  }

  const finalDebt = new Map<string, string>();
  for (const entry of report.balances) finalDebt.set(entry.account, entry.debt);

  for (const [key, members] of groups) {
    const [kind, name] = key === 'all' ? ['all', ''] : key.split(/\/(.*)/s);
    const set: KpiSet | undefined = kind === 'all' ? kpis : kind === 'byTag' ? kpis.byTag[name] : kpis.byCohort[name];
    const where = kind === 'all' ? 'kpis' : `kpis.${kind}.${name}`;
    if (!set) continue; // reported with the keys
    const mine = <T extends { account?: string }>(list: T[]) => list.filter((record) => record.account !== undefined && members.has(record.account));
    const apps = report.apps.filter((app) => members.has(app.account));
    const appIds = new Set(apps.map((app) => app.id));
    const orders = mine(report.orders);
    const refunds = mine(report.refunds);
    const bills = mine(report.bills);

    // Revenue.
    const r = set.revenue;
    const prepaid = sumOf(orders.map((order) => order.total));
    const refunded = sumOf(refunds.map((refund) => refund.amount));
    const billed = sumOf(bills.map((bill) => bill.total));
    const debt = sumOf([...members].map((account) => finalDebt.get(account) ?? '0'));
    const equal = (what: string, shown: string, expected: Decimal, why: string) => {
      if (!dec(shown).eq(expected)) out.push(`${where}.${what} ${shown} ≠ ${expected.toFixed(2)} (${why})`);
    };
    equal('revenue.prepaid', r.prepaid, prepaid, 'Σ order totals');
    equal('revenue.refunded', r.refunded, refunded, 'Σ refund amounts');
    equal('revenue.postpaidBilled', r.postpaidBilled, billed, 'Σ bill totals');
    equal('revenue.debtOutstanding', r.debtOutstanding, debt, 'Σ final debts');
    equal('revenue.postpaidCollected', r.postpaidCollected, billed.minus(debt), 'postpaidBilled − debtOutstanding');
    equal('revenue.netBilled', r.netBilled, dec(r.prepaid).plus(r.postpaidBilled).minus(r.refunded), 'prepaid + postpaidBilled − refunded');
    equal('revenue.netCollected', r.netCollected, dec(r.prepaid).plus(r.postpaidCollected).minus(r.refunded), 'prepaid + postpaidCollected − refunded');
    if (dec(r.postpaidCollected).gt(r.postpaidBilled)) out.push(`${where}: postpaidCollected ${r.postpaidCollected} > postpaidBilled ${r.postpaidBilled}`);

    // Revenue by item.
    const items = Object.keys(set.revenueByItem).sort();
    if (JSON.stringify(items) !== JSON.stringify([...revenueItems].sort())) out.push(`${where}.revenueByItem has ${JSON.stringify(items)}`);
    equal('revenueByItem (Σ)', sumOf(Object.values(set.revenueByItem)).toFixed(2), dec(r.netBilled), 'the items add up to netBilled');
    const isPro = (product: string) => product === 'pro';
    for (const item of revenueItems) {
      let expected: Decimal;
      if (item === 'pro' || item === 'packs') {
        const ofItem = (product: string) => isPro(product) === (item === 'pro');
        expected = sumOf(orders.filter((o) => ofItem(o.product)).map((o) => o.total)).minus(sumOf(refunds.filter((x) => ofItem(x.product)).map((x) => x.amount)));
      } else {
        expected = sumOf(bills.flatMap((bill) => bill.lines.filter((line) => line.item === item).map((line) => line.amount)));
      }
      equal(`revenueByItem.${item}`, set.revenueByItem[item] ?? 'NaN', expected, 'from the orders, refunds and bill lines');
    }

    // App counts.
    const transitionsOf = (id: string) => report.transitions.filter((t) => t.app === id);
    const counted: Record<(typeof appCounts)[number], (app: AppRecord) => boolean> = {
      total: () => true,
      converted: (app) => report.orders.some((o) => o.app === app.id && isPro(o.product)),
      autoRenewing: (app) => report.orders.some((o) => o.app === app.id && isPro(o.product) && o.kind === 'autoRenewal'),
      expired: (app) => transitionsOf(app.id).some((t) => t.to === 'expiredGrace'),
      savedInGrace: (app) => transitionsOf(app.id).some((t) => t.from === 'expiredGrace' && t.to === 'active'),
      suspended: (app) => transitionsOf(app.id).some((t) => t.to === 'suspended'),
      suspendedForArrears: (app) => transitionsOf(app.id).some((t) => t.to === 'suspended' && t.cause === 'arrears'),
      renewedAfterSuspension: (app) => transitionsOf(app.id).some((t) => t.from === 'suspended' && t.to === 'active' && t.cause !== 'arrearsCleared'),
      reclaimed: (app) => transitionsOf(app.id).some((t) => t.to === 'reclaimed'),
      lostAfterReclaim: (app) => report.events.some((e) => e.kind === 'lostAfterReclaim' && e.app === app.id),
    };
    for (const count of appCounts) {
      const expected = apps.filter(counted[count]).length;
      if (set.apps[count] !== expected) out.push(`${where}.apps.${count} ${set.apps[count]}, the records give ${expected}`);
    }

    // App-days: each state within rounding of the exact sum over the group's apps.
    for (const state of appDayStates) {
      const exact = apps.reduce((sum, app) => sum + (timeOf.get(app.id)?.[state] ?? 0), 0) / MS_PER_DAY;
      if (Math.abs(set.appDays[state] - exact) > ROUNDING) out.push(`${where}.appDays.${state} ${set.appDays[state]}, the transitions give ${exact.toFixed(4)}`);
    }

    // Counts of records.
    const usage = report.usage.filter((u) => appIds.has(u.app));
    const userDays = usage.reduce((sum, u) => sum + u.userDaysDenied, 0);
    const roomDays = usage.reduce((sum, u) => sum + u.roomDaysDenied, 0);
    if (set.userDaysDenied !== userDays) out.push(`${where}.userDaysDenied ${set.userDaysDenied}, the usage records give ${userDays}`);
    if (set.roomDaysDenied !== roomDays) out.push(`${where}.roomDaysDenied ${set.roomDaysDenied}, the usage records give ${roomDays}`);
    for (const kindOf of notificationKinds) {
      const n = mine(report.notifications).filter((x) => x.kind === kindOf).length;
      if (set.notifications[kindOf] !== n) out.push(`${where}.notifications.${kindOf} ${set.notifications[kindOf]}, the records give ${n}`);
    }
    for (const reason of denialReasons) {
      const n = mine(report.denials).filter((x) => x.reason === reason).length;
      if (set.denials[reason] !== n) out.push(`${where}.denials.${reason} ${set.denials[reason]}, the records give ${n}`);
    }
  }

  // Across groups.
  if (kpis.apps.total !== report.apps.length) out.push(`kpis.apps.total ${kpis.apps.total}, the report has ${report.apps.length} apps`);
  const generated = report.apps.filter((app) => app.cohort !== undefined).length;
  const byCohort = Object.values(kpis.byCohort).reduce((sum, set) => sum + set.apps.total, 0);
  if (byCohort !== generated) out.push(`the cohorts' apps.total add up to ${byCohort}, ${generated} apps were generated`);
  if (!dec(kpis.revenue.debtOutstanding).eq(report.summary.debtOutstanding)) {
    out.push(`kpis.revenue.debtOutstanding ${kpis.revenue.debtOutstanding} ≠ summary.debtOutstanding ${report.summary.debtOutstanding}`);
  }
  const daysIn = report.summary.daysIn;
  const suspended = kpis.appDays.suspendedLapsed + kpis.appDays.suspendedArrears + kpis.appDays.suspendedRefund;
  for (const [state, value, slack] of [
    ['trial', kpis.appDays.trial, 2],
    ['active', kpis.appDays.active, 2],
    ['expiredGrace', kpis.appDays.expiredGrace, 2],
    ['suspended', suspended, 4],
  ] as const) {
    if (Math.abs(daysIn[state] - value) > ROUNDING * slack) out.push(`summary.daysIn.${state} ${daysIn[state]}, the KPIs' appDays give ${value.toFixed(2)}`);
  }
  return out;
}
