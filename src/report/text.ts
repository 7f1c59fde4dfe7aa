/**
 * The report as text for a person at a terminal (about 100 columns): header, a timeline per app
 * grouped by account, the bills as tables, the summary and the expectations.
 */
import { compareInstants, localInstant, monthDay, pad, renderTable, type Row } from './table.ts';
import {
  appStates,
  type BillRecord,
  type DenialRecord,
  type EventRecord,
  type ExpectationResult,
  type MoneyParts,
  type NotificationRecord,
  type OrderRecord,
  type RefundRecord,
  type Report,
  type TransitionRecord,
} from './types.ts';

export interface TextOptions {
  /** ANSI colors (green ✓, red ✗, dim notifications); off unless true. */
  color?: boolean;
}

type Paint = (style: Style, text: string) => string;
type Style = 'bold' | 'dim' | 'green' | 'red';
const ANSI: Record<Style, string> = { bold: '1', dim: '2', green: '32', red: '31' };

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
  const sections = [
    headerLines(report, paint),
    timelineLines(report, paint),
    billLines(report.bills, paint),
    summaryLines(report, paint),
    expectationLines(report, paint),
  ];
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function headerLines(report: Report, paint: Paint): string[] {
  const { scenario, policy, period } = report;
  const rules = scenario.rules.length > 0 ? `, rules ${scenario.rules.join(' ')}` : '';
  return [
    paint('bold', `imsim report: ${scenario.name}`),
    `  scenario  ${scenario.file}  (seed ${scenario.seed}${rules})`,
    `  policy    ${policy.id}  ${overridesText(policy.overrides)}`,
    `  period    ${period.start} … ${period.end}  (times are local to ${period.timezone})`,
  ];
}

function overridesText(overrides: Record<string, unknown>): string {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return '(no overrides)';
  return `overrides ${entries.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')}`;
}

function timelineLines(report: Report, paint: Paint): string[] {
  const accounts = buildTimeline(report);
  if (accounts.length === 0) return [paint('bold', 'TIMELINE'), '  (nothing happened)'];
  return [paint('bold', 'TIMELINE'), ...accounts.flatMap((account) => accountLines(account, paint))];
}

function accountLines(account: AccountTimeline, paint: Paint): string[] {
  const title = account.account === '' ? '(no account)' : `account ${account.account}`;
  return [
    `  ${paint('bold', title)}`,
    ...account.apps.flatMap((app) => [
      `    ${app.app === '' ? '(account)' : `app ${app.app}`}`,
      ...app.lines.map((line) => timelineLine(line, paint)),
    ]),
  ];
}

function timelineLine(line: TimelineLine, paint: Paint): string {
  const text = `      ${pad(localInstant(line.at), 19)}  ${line.text}`;
  return line.notification ? paint('dim', text) : text;
}

function billLines(bills: readonly BillRecord[], paint: Paint): string[] {
  if (bills.length === 0) return [paint('bold', 'BILLS'), '  (no bills)'];
  return [paint('bold', 'BILLS'), ...bills.flatMap((bill, i) => [...(i > 0 ? [''] : []), ...billTable(bill)])];
}

function billTable(bill: BillRecord): string[] {
  const columns = [
    { header: 'app' },
    { header: 'item' },
    { header: 'quantity', align: 'right' as const },
    { header: 'basis' },
    { header: 'amount', align: 'right' as const },
  ];
  const lines: Row[] = bill.lines.map((line) => [line.app, line.item, line.quantity, line.basis, line.amount]);
  const totals: Row[] = [
    ['', '', '', 'total', bill.total],
    ['', '', '', 'paid', bill.paid],
    ['', '', '', 'debt', bill.debt],
  ];
  return [
    `  account ${bill.account}  month ${bill.month}  pushed ${localInstant(bill.pushedAt)}`,
    ...renderTable(columns, [...lines, 'rule', ...totals], { indent: '    ' }),
  ];
}

function summaryLines(report: Report, paint: Paint): string[] {
  const { revenue, debtOutstanding, finalStates, daysIn } = report.summary;
  const money = renderTable(
    [{ header: 'revenue' }, { header: 'amount', align: 'right' }],
    [
      ['prepaid', revenue.prepaid],
      ['postpaid', revenue.postpaid],
      ['refunded', revenue.refunded],
      ['net', revenue.net],
      'rule',
      ['debt outstanding', debtOutstanding],
    ],
  );
  const days: Partial<Record<string, number>> = daysIn;
  const states = renderTable(
    [{ header: 'state' }, { header: 'apps at end', align: 'right' }, { header: 'app-days in', align: 'right' }],
    appStates.map((state) => [state, String(finalStates[state]), dayCount(days[state])]),
  );
  return [paint('bold', 'SUMMARY'), ...money, '', ...states];
}

function dayCount(days: number | undefined): string {
  return days === undefined ? '–' : days.toFixed(2);
}

function expectationLines(report: Report, paint: Paint): string[] {
  const results = report.expectations;
  if (results.length === 0) return [];
  const failed = results.filter((result) => !result.ok).length;
  const verdict = failed === 0 ? paint('green', 'all passed') : paint('red', `${failed} of ${results.length} failed`);
  return [`${paint('bold', 'EXPECTATIONS')}  ${verdict}`, ...results.flatMap((result) => expectationResult(result, report.scenario.file, paint))];
}

function expectationResult(result: ExpectationResult, file: string, paint: Paint): string[] {
  const where = result.line === undefined ? '' : `  (${file}:${result.line})`;
  if (result.ok) return [`  ${paint('green', '✓')} #${result.index}  ${result.expected}${where}`];
  return [
    `  ${paint('red', '✗')} #${result.index}${where}`,
    `      expected  ${result.expected}`,
    `      actual    ${result.actual}`,
  ];
}

/* ---- timeline: every record of an app in time order, notifications summarised ---- */

interface TimelineLine {
  at: string;
  text: string;
  notification: boolean;
}

interface AppTimeline {
  /** '' for what concerns the account but no app. */
  app: string;
  lines: TimelineLine[];
}

interface AccountTimeline {
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

function buildTimeline(report: Report): AccountTimeline[] {
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
  const list = order.total === order.listPrice ? '' : ` (list ${order.listPrice})`;
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
