/**
 * The report as CSV: one file per array (RFC 4180, `\n` line endings, header row always), and
 * `summary.csv` as key,value rows. Instants stay ISO 8601 with their offset.
 */
import type {
  AccountRecord,
  AppRecord,
  BalanceRecord,
  BillRecord,
  DenialRecord,
  EventRecord,
  ExpectationResult,
  NotificationRecord,
  OrderRecord,
  RecordSection,
  Records,
  RefundRecord,
  Report,
  TransitionRecord,
  UsageRecord,
} from './types.ts';
import { recordSections } from './types.ts';
import { kpiGroups, kpiRows } from './kpiPaths.ts';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

type Table = () => Iterable<string>;

/** A report's record lists, each read on demand: its own arrays, or a spooled run's files (recordSpool.ts). */
export type RecordLists = { [S in RecordSection]: () => Iterable<Records[S][number]> };

/**
 * The CSV files of a report, each as its lines made on demand (a large report is never one
 * string). `lists` gives the record lists when the report's own are empty (a spooled run).
 */
export function csvTables(report: Report, lists: RecordLists = ownLists(report)): Record<string, Table> {
  return {
    'accounts.csv': () => csvChunks(accountColumns, report.accounts),
    'apps.csv': () => csvChunks(appColumns, report.apps),
    'transitions.csv': () => csvChunks(transitionColumns, lists.transitions()),
    'orders.csv': () => csvChunks(orderColumns, lists.orders()),
    'bills.csv': () => csvChunks(billColumns, lists.bills()),
    'bill-lines.csv': () => csvChunks(billLineColumns, billLines(lists.bills())),
    'refunds.csv': () => csvChunks(refundColumns, lists.refunds()),
    'notifications.csv': () => csvChunks(notificationColumns, lists.notifications()),
    'denials.csv': () => csvChunks(denialColumns, lists.denials()),
    'events.csv': () => csvChunks(eventColumns, lists.events()),
    'balances.csv': () => csvChunks(balanceColumns, lists.balances()),
    'usage.csv': () => csvChunks(usageColumns, lists.usage()),
    'expectations.csv': () => csvChunks(expectationColumns, report.expectations),
    'summary.csv': () => csvChunks(summaryColumns, summaryRows(report)),
    'kpis.csv': () => csvChunks(kpiColumns, kpiGroups(report.kpis).flatMap(({ group, set }) => kpiRows(set).map(([kpi, value]) => ({ group, kpi, value })))),
  };
}

function ownLists(report: Report): RecordLists {
  return Object.fromEntries(recordSections.map((section) => [section, () => report[section]])) as unknown as RecordLists;
}

/** The report as CSV files, by file name (`orders.csv`, `bill-lines.csv`, `summary.csv`, `kpis.csv`…), each one string. */
export function renderCsv(report: Report): Record<string, string> {
  return Object.fromEntries(Object.entries(csvTables(report)).map(([name, table]) => [name, [...table()].join('')]));
}

/** The header line, then one line per row, each ending in a newline. */
export function* csvChunks<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): Generator<string> {
  yield `${csvLine(columns.map((column) => column.header))}\n`;
  for (const row of rows) yield `${csvLine(columns.map((column) => column.value(row)))}\n`;
}

export function csvTable<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  return [...csvChunks(columns, rows)].join('');
}

function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** One field: formula guard first, then RFC 4180 quoting. */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  const guarded = guardFormula(text);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or tab / CR) as a formula;
 * such a field gets a leading `'` unless it is a plain number like `-12.50`.
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

function col<T>(header: string, value: (row: T) => CsvValue): CsvColumn<T> {
  return { header, value };
}

const accountColumns: CsvColumn<AccountRecord>[] = [
  col('id', (r) => r.id),
  col('cohort', (r) => r.cohort),
  col('tags', (r) => r.tags?.join('|')),
];

const appColumns: CsvColumn<AppRecord>[] = [
  col('id', (r) => r.id),
  col('account', (r) => r.account),
  col('name', (r) => r.name),
  col('created_at', (r) => r.createdAt),
  col('final_state', (r) => r.finalState),
  col('cohort', (r) => r.cohort),
  col('tags', (r) => r.tags?.join('|')),
];

const transitionColumns: CsvColumn<TransitionRecord>[] = [
  col('at', (r) => r.at),
  col('account', (r) => r.account),
  col('app', (r) => r.app),
  col('from', (r) => r.from),
  col('to', (r) => r.to),
  col('cause', (r) => r.cause),
  col('edition', (r) => r.edition),
];

const orderColumns: CsvColumn<OrderRecord>[] = [
  col('id', (r) => r.id),
  col('at', (r) => r.at),
  col('account', (r) => r.account),
  col('app', (r) => r.app),
  col('product', (r) => r.product),
  col('months', (r) => r.months),
  col('kind', (r) => r.kind),
  col('list_price', (r) => r.listPrice),
  col('discount', (r) => r.discount),
  col('promotion', (r) => r.promotion),
  col('voucher', (r) => r.voucher),
  col('paid_cash', (r) => r.paid.cash),
  col('paid_income', (r) => r.paid.income),
  col('paid_gift', (r) => r.paid.gift),
  col('total', (r) => r.total),
  col('start', (r) => r.start),
  col('end', (r) => r.end),
  col('days', (r) => r.days),
  col('promotion_id', (r) => r.promotionId),
  col('refundable', (r) => r.refundable),
  col('by', (r) => r.by),
  col('edition', (r) => r.edition),
  col('upgraded_from', (r) => r.upgradedFrom),
  col('credit', (r) => r.credit),
];

const billColumns: CsvColumn<BillRecord>[] = [
  col('account', (r) => r.account),
  col('month', (r) => r.month),
  col('pushed_at', (r) => r.pushedAt),
  col('lines', (r) => r.lines.length),
  col('total', (r) => r.total),
  col('paid', (r) => r.paid),
  col('debt', (r) => r.debt),
];

interface FlatBillLine {
  account: string;
  month: string;
  app: string;
  item: string;
  quantity: string;
  basis: string;
  amount: string;
  edition?: string;
}

function* billLines(bills: Iterable<BillRecord>): Generator<FlatBillLine> {
  for (const bill of bills) for (const line of bill.lines) yield { account: bill.account, month: bill.month, ...line };
}

const billLineColumns: CsvColumn<FlatBillLine>[] = [
  col('account', (r) => r.account),
  col('month', (r) => r.month),
  col('app', (r) => r.app),
  col('item', (r) => r.item),
  col('quantity', (r) => r.quantity),
  col('basis', (r) => r.basis),
  col('amount', (r) => r.amount),
  col('edition', (r) => r.edition),
];

const refundColumns: CsvColumn<RefundRecord>[] = [
  col('at', (r) => r.at),
  col('account', (r) => r.account),
  col('order', (r) => r.order),
  col('app', (r) => r.app),
  col('product', (r) => r.product),
  col('kind', (r) => r.kind),
  col('amount', (r) => r.amount),
  col('to_cash', (r) => r.to.cash),
  col('to_income', (r) => r.to.income),
  col('to_gift', (r) => r.to.gift),
  col('voucher_forfeited', (r) => r.voucherForfeited),
  col('basis', (r) => r.basis),
  col('by', (r) => r.by),
];

const notificationColumns: CsvColumn<NotificationRecord>[] = [
  col('at', (r) => r.at),
  col('account', (r) => r.account),
  col('app', (r) => r.app),
  col('kind', (r) => r.kind),
  col('channels', (r) => r.channels.join('|')),
];

const denialColumns: CsvColumn<DenialRecord>[] = [
  col('at', (r) => r.at),
  col('account', (r) => r.account),
  col('app', (r) => r.app),
  col('type', (r) => r.type),
  col('product', (r) => r.product),
  col('reason', (r) => r.reason),
  col('by', (r) => r.by),
];

const eventColumns: CsvColumn<EventRecord>[] = [
  col('at', (r) => r.at),
  col('kind', (r) => r.kind),
  col('app', (r) => r.app),
  col('account', (r) => r.account),
  col('detail', (r) => r.detail),
  col('by', (r) => r.by),
];

const balanceColumns: CsvColumn<BalanceRecord>[] = [
  col('at', (r) => r.at),
  col('account', (r) => r.account),
  col('cash', (r) => r.cash),
  col('income', (r) => r.income),
  col('gift', (r) => r.gift),
  col('debt', (r) => r.debt),
  col('cause', (r) => r.cause),
  col('by', (r) => r.by),
];

const usageColumns: CsvColumn<UsageRecord>[] = [
  col('app', (r) => r.app),
  col('month', (r) => r.month),
  col('peak_dau', (r) => r.peakDau),
  col('peak_dau_day', (r) => r.peakDauDay),
  col('peak_groups', (r) => r.peakGroups),
  col('bandwidth_mbps_days', (r) => r.bandwidthMbpsDays),
  col('user_days_denied', (r) => r.userDaysDenied),
  col('room_days_denied', (r) => r.roomDaysDenied),
  col('pro_days', (r) => r.proDays),
  col('edition', (r) => r.edition),
];

const expectationColumns: CsvColumn<ExpectationResult>[] = [
  col('index', (r) => r.index),
  col('ok', (r) => r.ok),
  col('expected', (r) => r.expected),
  col('actual', (r) => r.actual),
  col('line', (r) => r.line),
];

const kpiColumns: CsvColumn<{ group: string; kpi: string; value: CsvValue }>[] = [col('group', (r) => r.group), col('kpi', (r) => r.kpi), col('value', (r) => r.value)];

type KeyValue = [key: string, value: CsvValue];

const summaryColumns: CsvColumn<KeyValue>[] = [col('key', (r) => r[0]), col('value', (r) => r[1])];

/** The summary flattened to dotted keys as in the JSON: `revenue.prepaid`, `finalStates.trial`… */
function summaryRows(report: Report): KeyValue[] {
  const { revenue, debtOutstanding, finalStates, daysIn } = report.summary;
  const prefixed = (prefix: string, values: object): KeyValue[] =>
    Object.entries(values).map(([key, value]): KeyValue => [`${prefix}.${key}`, csvScalar(value)]);
  return [
    ...prefixed('revenue', revenue),
    ['debtOutstanding', debtOutstanding],
    ...prefixed('finalStates', finalStates),
    ...prefixed('daysIn', daysIn),
  ];
}

function csvScalar(value: unknown): CsvValue {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
