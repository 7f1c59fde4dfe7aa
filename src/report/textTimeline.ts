/**
 * The text report's timeline: every record of a report that concerns an app, grouped by
 * account and app in time order, with runs of notifications summarised in one line.
 */
import { compareInstants, localInstant, monthDay } from './table.ts';
import type {
  DenialRecord,
  EventRecord,
  MoneyParts,
  NotificationRecord,
  OrderRecord,
  RefundRecord,
  Report,
  TransitionRecord,
} from './types.ts';

export interface TimelineLine {
  at: string;
  text: string;
  notification: boolean;
}

export interface AppTimeline {
  /** '' for what concerns the account but no app. */
  app: string;
  lines: TimelineLine[];
}

export interface AccountTimeline {
  /** '' for what names no account. */
  account: string;
  apps: AppTimeline[];
}

interface Entry {
  at: string;
  /** Tie order across arrays at the same instant: orders, refunds, denials, transitions, events, notifications. */
  rank: number;
  seq: number;
  account: string;
  app: string;
  text: string;
  notice?: NotificationRecord;
  /** Orders and refunds open a new episode: notifications after them are summarised apart. */
  resets?: boolean;
}

type NoticeGroup = NotificationRecord[];

export function buildTimeline(report: Report): AccountTimeline[] {
  const accountOf = appAccounts(report);
  const orderAccount = new Map(report.orders.map((order) => [order.id, order.account]));
  const resolve = (account: string | undefined, app: string | undefined): string =>
    account ?? (app === undefined ? undefined : accountOf.get(app)) ?? '';
  const entries: Entry[] = [
    ...report.orders.map((order) => orderEntry(order)),
    ...report.refunds.map((refund) => refundEntry(refund, orderAccount.get(refund.order) ?? resolve(undefined, refund.app))),
    ...report.denials.map((denial) => denialEntry(denial, resolve(denial.account, denial.app))),
    ...report.transitions.map((transition) => transitionEntry(transition)),
    ...report.events.map((event) => eventEntry(event, resolve(event.account, event.app))),
    ...report.notifications.map((notice) => noticeEntry(notice, resolve(notice.account, notice.app))),
  ].map((entry, seq) => ({ ...entry, seq }));
  return groupEntries(entries.sort(compareEntries));
}

function appAccounts(report: Report): Map<string, string> {
  const pairs: { app?: string; account?: string }[] = [
    ...report.transitions,
    ...report.orders,
    ...report.denials,
    ...report.notifications,
    ...report.events,
  ];
  const map = new Map<string, string>();
  for (const { app, account } of pairs) {
    if (app !== undefined && account !== undefined && !map.has(app)) map.set(app, account);
  }
  return map;
}

function compareEntries(a: Entry, b: Entry): number {
  return compareInstants(a.at, b.at) || a.rank - b.rank || a.seq - b.seq;
}

type NewEntry = Omit<Entry, 'seq'>;

function orderEntry(order: OrderRecord): NewEntry {
  const word = order.kind === 'purchase' ? 'order' : order.kind;
  const months = `×${order.months} ${order.months === 1 ? 'month' : 'months'}`;
  const credit = order.credit === undefined ? '' : `, credit ${order.credit} for ${order.upgradedFrom}`;
  const list = order.total === order.listPrice ? '' : ` (list ${order.listPrice}${credit})`;
  const text = `${word} ${order.id} ${order.product} ${months} ${order.total}${list} valid to ${localInstant(order.end)} (${order.days} days)`;
  return { at: order.at, rank: 0, account: order.account, app: order.app, text, resets: true };
}

function refundEntry(refund: RefundRecord, account: string): NewEntry {
  const forfeited = isZero(refund.voucherForfeited) ? '' : `, voucher forfeited ${refund.voucherForfeited}`;
  const basis = refund.basis ? ` — ${refund.basis}` : '';
  const text = `refund ${refund.order} ${refund.product} ${refund.kind} ${refund.amount} to ${partsText(refund.to)}${forfeited}${basis}`;
  return { at: refund.at, rank: 1, account, app: refund.app, text, resets: true };
}

function denialEntry(denial: DenialRecord, account: string): NewEntry {
  const product = denial.product ? ` ${denial.product}` : '';
  return { at: denial.at, rank: 2, account, app: denial.app ?? '', text: `denied ${denial.type}${product}: ${denial.reason}` };
}

function transitionEntry(transition: TransitionRecord): NewEntry {
  const text = `${transition.from} → ${transition.to}  (${transition.cause})`;
  return { at: transition.at, rank: 3, account: transition.account, app: transition.app, text };
}

function eventEntry(event: EventRecord, account: string): NewEntry {
  const detail = event.detail ? `: ${event.detail}` : '';
  return { at: event.at, rank: 4, account, app: event.app ?? '', text: `${event.kind}${detail}` };
}

function noticeEntry(notice: NotificationRecord, account: string): NewEntry {
  return { at: notice.at, rank: 5, account, app: notice.app ?? '', text: '', notice };
}

function isZero(amount: string): boolean {
  return /^[+-]?0*(\.0*)?$/.test(amount);
}

function partsText(parts: MoneyParts): string {
  const named: [string, string][] = [
    ['cash', parts.cash],
    ['income', parts.income],
    ['gift', parts.gift],
  ];
  const nonZero = named.filter(([, amount]) => !isZero(amount));
  return nonZero.length === 0 ? 'nothing' : nonZero.map(([name, amount]) => `${name} ${amount}`).join(', ');
}

/** Accounts and their apps in order of first appearance; account-wide lines after the apps. */
function groupEntries(entries: readonly Entry[]): AccountTimeline[] {
  const accounts = new Map<string, Map<string, Entry[]>>();
  for (const entry of entries) {
    const apps = accounts.get(entry.account) ?? new Map<string, Entry[]>();
    accounts.set(entry.account, apps);
    apps.set(entry.app, [...(apps.get(entry.app) ?? []), entry]);
  }
  return [...accounts].map(([account, apps]) => ({
    account,
    apps: [...apps]
      .sort(([a], [b]) => Number(a === '') - Number(b === ''))
      .map(([app, appEntries]) => ({ app, lines: collapseNotices(appEntries) })),
  }));
}

function collapseNotices(entries: readonly Entry[]): TimelineLine[] {
  const lines: (TimelineLine | NoticeGroup)[] = [];
  let open = new Map<string, NoticeGroup>();
  for (const entry of entries) {
    if (entry.resets) open = new Map();
    const notice = entry.notice;
    if (!notice) {
      lines.push({ at: entry.at, text: entry.text, notification: false });
      continue;
    }
    const group = open.get(notice.kind);
    if (group) group.push(notice);
    else {
      const fresh = [notice];
      open.set(notice.kind, fresh);
      lines.push(fresh);
    }
  }
  return lines.map((line) => (Array.isArray(line) ? noticeLine(line) : line));
}

function noticeLine(group: NoticeGroup): TimelineLine {
  const first = group[0];
  const last = group[group.length - 1];
  const channels = [...new Set(group.flatMap((notice) => notice.channels))];
  const via = channels.length > 0 ? ` via ${channels.join(', ')}` : '';
  const count = group.length === 1 ? '' : ` ×${group.length} (${dayRange(first.at, last.at)})`;
  return { at: first.at, text: `notified ${first.kind}${count}${via}`, notification: true };
}

function dayRange(from: string, to: string): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return sameYear ? `${monthDay(from)} … ${monthDay(to)}` : `${from.slice(0, 10)} … ${to.slice(0, 10)}`;
}
