/**
 * The derived timeline of a report: per app its sorted transitions and state segments, per
 * account its balance points, and every instant something happened. Built once per report;
 * every question asked at an instant (state, last transition, balance, notifications of the day,
 * next event) is a binary search, so that moving the scrubber costs the same for 3 apps or 1,000.
 */
import type { BalancePoint as ChartBalancePoint } from '../charts/BalanceChart.tsx';
import type {
  AppState,
  BalanceRecord,
  NotificationRecord,
  Report,
  TransitionCause,
} from '../../report/types.ts';
import { lastAtOrBefore, lowerBound, upperBound } from './search.ts';
import { instant, localDay, type Period, periodOf, startOfLocalDay } from './time.ts';

export interface TimedTransition {
  at: number;
  from: AppState;
  to: AppState;
  cause: TransitionCause;
  /** The paid edition of the period (absent before any purchase). */
  edition?: string;
}

export interface Segment {
  start: number;
  end: number;
  state: AppState;
}

export interface AppTimeline {
  id: string;
  name?: string;
  account: string;
  createdAt: number;
  finalState: AppState;
  transitions: TimedTransition[];
  /** Instants of `transitions`, for the binary search. */
  transitionAts: Float64Array;
  /** From creation to the end of the period, one segment per state spell. */
  segments: Segment[];
}

/** A balance entry as the chart plots it, with the record it comes from. */
export interface BalancePoint extends ChartBalancePoint {
  record: BalanceRecord;
}

/** The account machine's state (A2–A4): `owing.inArrears` from an unpaid bill, `owing.suspended` a week later. */
export type AccountState = 'inGoodStanding' | 'owing.inArrears' | 'owing.suspended';

export interface AccountPhase {
  at: number;
  state: AccountState;
  /** The report event that started it: arrearsStarted, accountSuspended, arrearsCleared. */
  kind: string;
}

export interface AccountTimeline {
  id: string;
  points: BalancePoint[];
  pointAts: Float64Array;
  phases: AccountPhase[];
  phaseAts: Float64Array;
}

const accountEvents: Record<string, AccountState> = {
  arrearsStarted: 'owing.inArrears',
  accountSuspended: 'owing.suspended',
  arrearsCleared: 'inGoodStanding',
};

export interface Timeline {
  period: Period;
  apps: AppTimeline[];
  appIndex: Map<string, number>;
  accounts: AccountTimeline[];
  accountIndex: Map<string, number>;
  /** Instants of `report.notifications` (already in time order). */
  notificationAts: Float64Array;
  notifications: NotificationRecord[];
  /** Every instant something happened (transitions, orders, bills, refunds, notifications, denials), sorted, unique. */
  eventAts: Float64Array;
}

export function buildTimeline(report: Report): Timeline {
  const period = periodOf(report);
  const apps: AppTimeline[] = report.apps.map((app) => ({
    id: app.id,
    name: app.name,
    account: app.account,
    createdAt: instant(app.createdAt),
    finalState: app.finalState,
    transitions: [],
    transitionAts: new Float64Array(0),
    segments: [],
  }));
  const appIndex = new Map(apps.map((app, index) => [app.id, index]));
  for (const record of report.transitions) {
    const app = apps[appIndex.get(record.app) ?? -1];
    if (app) app.transitions.push({ at: instant(record.at), from: record.from, to: record.to, cause: record.cause, ...(record.edition ? { edition: record.edition } : {}) });
  }
  for (const app of apps) {
    app.transitions.sort((a, b) => a.at - b.at); // stable: same-instant transitions keep report order
    app.transitionAts = Float64Array.from(app.transitions, (t) => t.at);
    app.segments = segmentsOf(app, period.endAt);
  }

  const accounts: AccountTimeline[] = [];
  const accountIndex = new Map<string, number>();
  const accountOf = (id: string): AccountTimeline => {
    let index = accountIndex.get(id);
    if (index === undefined) {
      index = accounts.push({ id, points: [], pointAts: new Float64Array(0), phases: [], phaseAts: new Float64Array(0) }) - 1;
      accountIndex.set(id, index);
    }
    return accounts[index];
  };
  for (const app of apps) accountOf(app.account);
  for (const record of report.balances) {
    accountOf(record.account).points.push({
      at: instant(record.at),
      cash: Number(record.cash),
      income: Number(record.income),
      gift: Number(record.gift),
      debt: Number(record.debt),
      record,
    });
  }
  for (const event of report.events) {
    const state = accountEvents[event.kind];
    if (state && event.account) accountOf(event.account).phases.push({ at: instant(event.at), state, kind: event.kind });
  }
  for (const account of accounts) {
    account.points.sort((a, b) => a.at - b.at);
    account.pointAts = Float64Array.from(account.points, (p) => p.at);
    account.phases.sort((a, b) => a.at - b.at);
    account.phaseAts = Float64Array.from(account.phases, (p) => p.at);
  }

  const notificationAts = Float64Array.from(report.notifications, (n) => instant(n.at));
  return {
    period,
    apps,
    appIndex,
    accounts,
    accountIndex,
    notificationAts,
    notifications: report.notifications,
    eventAts: eventInstants(report, notificationAts),
  };
}

function segmentsOf(app: AppTimeline, endAt: number): Segment[] {
  const segments: Segment[] = [];
  let state: AppState = 'trial';
  let start = app.createdAt;
  for (const t of app.transitions) {
    if (t.at > start) segments.push({ start, end: t.at, state });
    state = t.to;
    start = Math.max(start, t.at);
  }
  if (endAt > start) segments.push({ start, end: endAt, state });
  return segments;
}

function eventInstants(report: Report, notificationAts: Float64Array): Float64Array {
  const ats: number[] = [];
  for (const t of report.transitions) ats.push(instant(t.at));
  for (const o of report.orders) ats.push(instant(o.at));
  for (const b of report.bills) ats.push(instant(b.pushedAt));
  for (const r of report.refunds) ats.push(instant(r.at));
  for (const d of report.denials) ats.push(instant(d.at));
  const all = Float64Array.from([...ats, ...notificationAts]).sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i];
  return all.slice(0, unique);
}

/** The app's state at an instant (a transition at that very instant has happened); null before the app exists. */
export function stateAt(app: AppTimeline, at: number): AppState | null {
  if (at < app.createdAt) return null;
  const index = lastAtOrBefore(app.transitionAts, at);
  return index < 0 ? 'trial' : app.transitions[index].to;
}

/** The last transition at or before an instant. */
export function lastTransitionAt(app: AppTimeline, at: number): TimedTransition | undefined {
  const index = lastAtOrBefore(app.transitionAts, at);
  return index < 0 ? undefined : app.transitions[index];
}

/** The account's balance after everything up to the instant happened. */
export function balanceAt(account: AccountTimeline, at: number): BalancePoint | undefined {
  const index = lastAtOrBefore(account.pointAts, at);
  return index < 0 ? undefined : account.points[index];
}

/** The account machine's state at an instant, and the phase that started it (none: in good standing from the start). */
export function accountStateAt(account: AccountTimeline, at: number): { state: AccountState; since?: AccountPhase } {
  const index = lastAtOrBefore(account.phaseAts, at);
  return index < 0 ? { state: 'inGoodStanding' } : { state: account.phases[index].state, since: account.phases[index] };
}

/** The notifications of the local day an instant falls on. */
export function notificationsOfDay(timeline: Timeline, at: number): NotificationRecord[] {
  const { zone } = timeline.period;
  const day = localDay(at, zone);
  const from = lowerBound(timeline.notificationAts, startOfLocalDay(day, zone));
  const to = lowerBound(timeline.notificationAts, startOfLocalDay(day + 1, zone));
  return timeline.notifications.slice(from, to);
}

/** The first instant after `at` where something happened, undefined after the last one. */
export function nextEventAfter(timeline: Timeline, at: number): number | undefined {
  const index = upperBound(timeline.eventAts, at);
  return index < timeline.eventAts.length ? timeline.eventAts[index] : undefined;
}

/** The last instant before `at` where something happened. */
export function previousEventBefore(timeline: Timeline, at: number): number | undefined {
  const index = lowerBound(timeline.eventAts, at) - 1;
  return index >= 0 ? timeline.eventAts[index] : undefined;
}

/** How many apps are in each state at an instant (apps not created yet are left out). */
export function stateCountsAt(timeline: Timeline, at: number): Record<AppState, number> {
  const counts: Record<AppState, number> = { trial: 0, active: 0, expiredGrace: 0, suspended: 0, reclaimed: 0 };
  for (const app of timeline.apps) {
    const state = stateAt(app, at);
    if (state) counts[state] += 1;
  }
  return counts;
}

/** The label of an app: its name and id, or its id. */
export function appLabel(app: { id: string; name?: string }): string {
  return app.name ? `${app.name} (${app.id})` : app.id;
}
