/**
 * The KPIs of a run, computed from its report's records (one implementation for the CLI, the
 * page, compare and sweep), for all accounts, per tag and per cohort. Written accounts count
 * under the tag `written` and no cohort. Every record is attributed through its account.
 *
 * Definitions: `prepaid` = orders' totals; `postpaidBilled` = bills' totals; `postpaidCollected`
 * = bills' `paid` plus debt paid later within the period (every fall of an account's debt);
 * `refunded` = refunds' amounts; `netBilled` = prepaid + postpaidBilled − refunded;
 * `netCollected` = prepaid + postpaidCollected − refunded; `debtOutstanding` = debt at the end.
 * `revenueByItem`: the paid editions (`pro`, the key the report format has always had) and packs
 * net of their refunds, and each bill item as billed, so that the items add up to `netBilled`.
 * `revenueByEdition`: each paid edition's orders net of their refunds, an upgrade's credit taken
 * from the edition it replaced (so the editions add up to `revenueByItem.pro`). App counts and app-days are defined in appCounts.ts and
 * appDays.ts. The report's `summary` is read off the same sums (reportFigures).
 */
import { periodOf } from './period.ts';
import { compareAmounts } from '../domain/balance.ts';
import { money } from '../domain/money.ts';
import { daysOf, opened, Tally, type TallyData, zeros } from './tally.ts';
import { addAppMilliseconds } from './appDays.ts';
import { AppFlags } from './appCounts.ts';
import { kpiPaths } from './kpiPaths.ts';
import {
  appDayStates,
  type KpiSet,
  type Kpis,
  type RecordSection,
  type Records,
  recordSections,
  type RevenueItem,
  type Summary,
  appStates,
} from './types.ts';

/** The tallies each account adds to: all, each of its tags, its cohort. */
class Groups {
  readonly all = new Tally();
  readonly byTag = new Map<string, Tally>();
  readonly byCohort = new Map<string, Tally>();
  private readonly ofAccount = new Map<string, Tally[]>();

  constructor(accounts: Records['accounts']) {
    for (const account of accounts) {
      const tallies = [this.all, ...tagsOf(account).map((tag) => open(this.byTag, tag))];
      if (account.cohort !== undefined) tallies.push(open(this.byCohort, account.cohort));
      this.ofAccount.set(account.id, tallies);
    }
  }

  of(account: string): Tally[] {
    return this.ofAccount.get(account) ?? [this.all];
  }
}

/** The tags an account's figures count under: a written account's are `written`, a generated one's its cohort's. */
function tagsOf(account: Records['accounts'][number]): string[] {
  return account.cohort === undefined ? ['written'] : [...new Set(account.tags)];
}

function open(map: Map<string, Tally>, key: string): Tally {
  return opened(map, key, () => new Tally());
}

/** The KPIs of nothing: every amount 0.00, every count 0. */
export function emptyKpiSet(): KpiSet {
  return new Tally().set();
}

let names: readonly string[] | undefined;

/** Every KPI's dotted path (`revenue.netCollected`, `apps.savedInGrace`, …). */
export function kpiNames(): readonly string[] {
  names ??= kpiPaths(emptyKpiSet());
  return names;
}

/** The KPIs of a run, computed from its records: one set for all accounts, one per tag and one per cohort (docs/report-format.md, "KPIs"). */
export function computeKpis(report: Records): Kpis {
  return reportFigures(report).kpis;
}

/** The KPIs, and the report's summary from the same sums (revenue billed, debt, time in each state). */
export function reportFigures(report: Records): { kpis: Kpis; summary: Summary } {
  const figures = new Figures(report.accounts, report.period);
  for (const section of recordSections) for (const record of report[section]) figures.add(section, record);
  return figures.result(report.apps);
}

/**
 * A run's figures taken record by record, as a run too large to hold its records writes them
 * out: each section's records in their order (an order before its refunds, an account's
 * balances in turn), then read once with the report's apps. Sums of money are exact, so the
 * figures do not depend on how the sections interleave.
 */
export class Figures {
  private readonly groups: Groups;
  private readonly flags = new AppFlags();
  /** The edition of each order of a paid edition (undefined for a pack), by order id. */
  private readonly editionOf = new Map<string, string | undefined>();
  /** Each account's debt as its last balance entry wrote it: compared in cents at each entry, read as Decimal only where it falls and at the end (as the sums always took it). */
  private readonly debts = new Map<string, string>();
  private readonly cleared = new Map<string, number[]>();
  private readonly denied = new Map<string, { users: number; rooms: number }>();
  /** The first transition and balance: a report whose zone has no known name is read in the offset they are written with (period.ts). */
  private readonly firsts: Pick<Records, 'transitions' | 'balances'> = { transitions: [], balances: [] };

  /** `accounts`: those whose records are counted (a batch's, for a run in batches), in the run's order. */
  constructor(
    private readonly accounts: Records['accounts'],
    private readonly period: Records['period'],
  ) {
    this.groups = new Groups(accounts);
  }

  add<S extends RecordSection>(section: S, record: Records[S][number]): void {
    (this[section] as (record: Records[S][number]) => void)(record);
  }

  private orders(order: Records['orders'][number]): void {
    const edition = order.product === order.edition ? order.edition : undefined;
    this.editionOf.set(order.id, edition);
    this.flags.order(order);
    const credits = edition === undefined ? [] : Object.entries(creditFrom(order));
    for (const tally of this.groups.of(order.account)) {
      tally.prepaid.add(order.total);
      tally.item(itemOf(edition)).add(order.total);
      if (edition === undefined) continue;
      const sum = tally.edition(edition);
      sum.add(order.total);
      if (order.credit !== undefined) sum.add(order.credit);
      for (const [from, credit] of credits) tally.edition(from).subtract(credit);
    }
  }

  private refunds(refund: Records['refunds'][number]): void {
    const edition = this.editionOf.get(refund.order);
    for (const tally of this.groups.of(refund.account)) {
      tally.refunded.add(refund.amount);
      tally.item(itemOf(edition)).subtract(refund.amount);
      if (edition !== undefined) tally.edition(edition).subtract(refund.amount);
    }
  }

  private bills(bill: Records['bills'][number]): void {
    for (const tally of this.groups.of(bill.account)) {
      tally.billed.add(bill.total);
      tally.collected.add(bill.paid);
      for (const line of bill.lines) tally.item(line.item).add(line.amount);
    }
  }

  /** Debt paid later within the period: every fall of an account's debt. */
  private balances(balance: Records['balances'][number]): void {
    if (this.firsts.balances.length === 0) this.firsts.balances.push(balance);
    const before = this.debts.get(balance.account) ?? '0';
    this.debts.set(balance.account, balance.debt);
    if (compareAmounts(balance.debt, before) >= 0) return;
    const fell = money(before).minus(balance.debt);
    for (const tally of this.groups.of(balance.account)) tally.collected.add(fell);
  }

  private transitions(transition: Records['transitions'][number]): void {
    if (this.firsts.transitions.length === 0) this.firsts.transitions.push(transition);
    this.flags.transition(transition);
  }

  private events(event: Records['events'][number]): void {
    this.flags.event(event);
    if (event.kind !== 'arrearsCleared' || event.account === undefined) return;
    const cleared = this.cleared.get(event.account);
    if (cleared) cleared.push(Date.parse(event.at));
    else this.cleared.set(event.account, [Date.parse(event.at)]);
  }

  private usage(usage: Records['usage'][number]): void {
    const denied = this.denied.get(usage.app) ?? { users: 0, rooms: 0 };
    denied.users += usage.userDaysDenied;
    denied.rooms += usage.roomDaysDenied;
    this.denied.set(usage.app, denied);
  }

  private notifications(notification: Records['notifications'][number]): void {
    for (const tally of this.groups.of(notification.account)) tally.notifications[notification.kind] += 1;
  }

  private denials(denial: Records['denials'][number]): void {
    for (const tally of this.groups.of(denial.account)) tally.denials[denial.reason] += 1;
  }

  /** The KPIs and the summary, once every record is in: the apps' counts and days, and the debt at the end. */
  result(apps: Records['apps']): { kpis: Kpis; summary: Summary } {
    return figuresResult([this.totals(apps)], apps, this.accounts);
  }

  /**
   * Once every record is in, with `apps` those of these records' accounts: the tallies, with the
   * apps' counts and days and the debt at the end, as plain data (one part of a run's figures).
   */
  totals(apps: Records['apps']): FigureTotals {
    const { groups } = this;
    for (const [account, debt] of this.debts) for (const tally of groups.of(account)) tally.debt.add(money(debt));
    this.addApps(apps);
    const entries = (map: Map<string, Tally>) => [...map].map(([key, tally]) => [key, tally.data()] as [string, TallyData]);
    return { all: groups.all.data(), byTag: entries(groups.byTag), byCohort: entries(groups.byCohort) };
  }

  private addApps(apps: Records['apps']): void {
    const { endAt } = periodOf({ period: this.period, ...this.firsts });
    for (const app of apps) {
      const ms = zeros(appDayStates);
      addAppMilliseconds({ createdAt: Date.parse(app.createdAt), transitions: this.flags.changesOf(app.id), arrearsCleared: this.cleared.get(app.account) ?? [], endAt }, ms);
      for (const tally of this.groups.of(app.account)) {
        for (const count of this.flags.of(app.id)) tally.apps[count] += 1;
        for (const state of appDayStates) tally.ms[state] += ms[state];
      }
    }
    const accountOf = new Map(apps.map((app) => [app.id, app.account]));
    for (const [app, denied] of this.denied) {
      for (const tally of this.groups.of(accountOf.get(app) ?? '')) {
        tally.userDaysDenied += denied.users;
        tally.roomDaysDenied += denied.rooms;
      }
    }
  }
}

/** A part of a run's figures (`Figures.totals`): every group's tally, in the order the groups were opened. */
export interface FigureTotals {
  all: TallyData;
  byTag: [string, TallyData][];
  byCohort: [string, TallyData][];
}

/**
 * The KPIs and the summary of a run whose figures were taken in parts (a run played on several
 * threads, each with a `Figures` of its own over its accounts), from the parts' totals added up;
 * `apps` and `accounts` are all the run's, in its order.
 */
export function figuresResult(parts: readonly FigureTotals[], apps: Records['apps'], accounts: Records['accounts']): { kpis: Kpis; summary: Summary } {
  const [all, byTag, byCohort] = [new Tally(), new Map<string, Tally>(), new Map<string, Tally>()];
  // Tags and cohorts in the order the run's accounts first name them, whichever part counted them.
  for (const account of accounts) {
    for (const tag of tagsOf(account)) open(byTag, tag);
    if (account.cohort !== undefined) open(byCohort, account.cohort);
  }
  for (const part of parts) {
    all.addData(part.all);
    for (const [tag, data] of part.byTag) open(byTag, tag).addData(data);
    for (const [cohort, data] of part.byCohort) open(byCohort, cohort).addData(data);
  }
  const sets = (map: Map<string, Tally>) => Object.fromEntries([...map].map(([key, tally]) => [key, tally.set()]));
  const kpis = { ...all.set(), byTag: sets(byTag), byCohort: sets(byCohort) };
  return { kpis, summary: summaryOf(apps, all, kpis) };
}

const itemOf = (edition: string | undefined): RevenueItem => (edition === undefined ? 'packs' : 'pro');

/** The summary (report-format.md): net is what was billed; suspended time is that of every cause. */
function summaryOf(apps: Records['apps'], all: Tally, kpis: Kpis): Summary {
  const { revenue } = kpis;
  const finalStates = Object.fromEntries(appStates.map((state) => [state, 0])) as Summary['finalStates'];
  for (const app of apps) finalStates[app.finalState] += 1;
  return {
    revenue: { prepaid: revenue.prepaid, postpaid: revenue.postpaidBilled, refunded: revenue.refunded, net: revenue.netBilled },
    debtOutstanding: revenue.debtOutstanding,
    finalStates,
    daysIn: {
      trial: daysOf(all.ms.trial),
      active: daysOf(all.ms.active),
      expiredGrace: daysOf(all.ms.expiredGrace),
      suspended: daysOf(all.ms.suspendedLapsed + all.ms.suspendedArrears + all.ms.suspendedRefund),
    },
  };
}

/** Where an upgrade's credit came from, by edition (a report without `creditByEdition`: all from `upgradedFrom`). */
function creditFrom(order: Records['orders'][number]): Record<string, string> {
  if (order.creditByEdition) return order.creditByEdition;
  return order.upgradedFrom !== undefined ? { [order.upgradedFrom]: order.credit ?? '0' } : {};
}
