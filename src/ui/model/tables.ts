/**
 * The report's tables as columns over its arrays, with the two operations the page offers: keep
 * the rows of one app, sort by a column. Bills are a table of bills whose rows unfold into their
 * lines; flattening keeps a line right under its bill whatever the sort.
 */
import { formatCny } from './money.ts';
import type {
  BalanceRecord,
  BillLine,
  BillRecord,
  DenialRecord,
  NotificationRecord,
  OrderRecord,
  RefundRecord,
  Report,
  TransitionRecord,
} from '../../report/types.ts';

export type Cell = string | number | boolean | undefined;

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => Cell;
  /** Sorted as numbers (money strings included), aligned right. */
  numeric?: boolean;
  /** An amount: shown in yuan (¥1,234.50), sorted by its value. */
  money?: boolean;
  /** Relative width (CSS grid fr). */
  width?: number;
}

export interface Sort {
  key: string;
  direction: 1 | -1;
}

/** A stable sort of rows by one column; numbers (and money strings) as numbers, the rest as text. */
export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], sort: Sort | null): T[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column) return [...rows];
  const keyed = rows.map((row, index) => ({ row, index, value: column.value(row) }));
  keyed.sort((x, y) => compareCells(x.value, y.value, column.numeric === true) * sort.direction || x.index - y.index);
  return keyed.map((k) => k.row);
}

function compareCells(a: Cell, b: Cell, numeric: boolean): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  if (numeric) return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}

/** The rows of one app (null: every row); rows without an app (account-wide) are kept only for every app. */
export function filterByApp<T extends { app?: string }>(rows: readonly T[], app: string | null): T[] {
  return app === null ? [...rows] : rows.filter((row) => row.app === app);
}

/** The next sort when a column header is clicked: ascending, then descending, then back to time order. */
export function nextSort(current: Sort | null, key: string): Sort | null {
  if (!current || current.key !== key) return { key, direction: 1 };
  return current.direction === 1 ? { key, direction: -1 } : null;
}

const col = <T>(key: string, label: string, value: (row: T) => Cell, options: Partial<Column<T>> = {}): Column<T> => ({
  key,
  label,
  value,
  ...options,
});

export const transitionColumns: Column<TransitionRecord>[] = [
  col('at', 'at', (r) => r.at, { width: 2 }),
  col('app', 'app', (r) => r.app),
  col('account', 'account', (r) => r.account),
  col('from', 'from', (r) => r.from),
  col('to', 'to', (r) => r.to),
  col('cause', 'cause', (r) => r.cause),
  col('edition', 'edition', (r) => r.edition ?? ''),
];

export const orderColumns: Column<OrderRecord>[] = [
  col('id', 'id', (r) => r.id, { width: 0.6 }),
  col('at', 'at', (r) => r.at, { width: 2 }),
  col('app', 'app', (r) => r.app),
  col('product', 'product', (r) => r.product),
  col('months', 'months', (r) => r.months, { numeric: true, width: 0.6 }),
  col('kind', 'kind', (r) => r.kind),
  col('edition', 'edition', (r) => r.edition),
  col('listPrice', 'list price', (r) => r.listPrice, { numeric: true, money: true }),
  col('credit', 'credit (upgrade)', (r) => (r.credit === undefined ? '' : `${formatCny(r.credit)} from ${r.upgradedFrom}`), { width: 1.4 }),
  col('total', 'total', (r) => r.total, { numeric: true, money: true }),
  col('paid', 'paid cash/income/gift', (r) => `${formatCny(r.paid.cash)} / ${formatCny(r.paid.income)} / ${formatCny(r.paid.gift)}`, { width: 2.2 }),
  col('start', 'start', (r) => r.start, { width: 2 }),
  col('end', 'end', (r) => r.end, { width: 2 }),
];

export const billColumns: Column<BillRecord>[] = [
  col('month', 'month', (r) => r.month),
  col('account', 'account', (r) => r.account),
  col('pushedAt', 'pushed at', (r) => r.pushedAt, { width: 2 }),
  col('lines', 'lines', (r) => r.lines.length, { numeric: true, width: 0.6 }),
  col('total', 'total', (r) => r.total, { numeric: true, money: true }),
  col('paid', 'paid', (r) => r.paid, { numeric: true, money: true }),
  col('debt', 'debt', (r) => r.debt, { numeric: true, money: true }),
];

export const billLineColumns: Column<BillLine>[] = [
  col('app', 'app', (r) => r.app),
  col('item', 'item', (r) => r.item),
  col('quantity', 'quantity', (r) => r.quantity, { numeric: true }),
  col('amount', 'amount', (r) => r.amount, { numeric: true, money: true }),
  col('basis', 'basis', (r) => r.basis, { width: 4 }),
];

export const refundColumns: Column<RefundRecord>[] = [
  col('at', 'at', (r) => r.at, { width: 2 }),
  col('order', 'order', (r) => r.order, { width: 0.6 }),
  col('app', 'app', (r) => r.app),
  col('product', 'product', (r) => r.product),
  col('kind', 'kind', (r) => r.kind),
  col('amount', 'amount', (r) => r.amount, { numeric: true, money: true }),
  col('to', 'to cash/income/gift', (r) => `${formatCny(r.to.cash)} / ${formatCny(r.to.income)} / ${formatCny(r.to.gift)}`, { width: 2.2 }),
  col('basis', 'basis', (r) => r.basis, { width: 3 }),
];

export const denialColumns: Column<DenialRecord>[] = [
  col('at', 'at', (r) => r.at, { width: 2 }),
  col('account', 'account', (r) => r.account),
  col('app', 'app', (r) => r.app),
  col('type', 'type', (r) => r.type),
  col('product', 'product', (r) => r.product),
  col('reason', 'reason', (r) => r.reason, { width: 1.5 }),
];

export const notificationColumns: Column<NotificationRecord>[] = [
  col('at', 'at', (r) => r.at, { width: 2 }),
  col('account', 'account', (r) => r.account),
  col('app', 'app', (r) => r.app),
  col('kind', 'kind', (r) => r.kind, { width: 1.5 }),
  col('channels', 'channels', (r) => r.channels.join(', ')),
];

export const balanceColumns: Column<BalanceRecord>[] = [
  col('at', 'at', (r) => r.at, { width: 2 }),
  col('account', 'account', (r) => r.account),
  col('cash', 'cash', (r) => r.cash, { numeric: true, money: true }),
  col('income', 'income', (r) => r.income, { numeric: true, money: true }),
  col('gift', 'gift', (r) => r.gift, { numeric: true, money: true }),
  col('debt', 'debt', (r) => r.debt, { numeric: true, money: true }),
  col('cause', 'cause', (r) => r.cause, { width: 1.5 }),
];

/** A row of the bills table: a bill, or one of its lines under it when the bill is unfolded. */
export type BillRow = { kind: 'bill'; bill: BillRecord; lines: BillLine[] } | { kind: 'line'; bill: BillRecord; line: BillLine };

/**
 * Bills (of one app: the bills with a line of it, and only its lines), sorted, each unfolded
 * bill followed by its lines. `expanded` holds `account/month` keys.
 */
export function billRows(bills: readonly BillRecord[], app: string | null, sort: Sort | null, expanded: ReadonlySet<string>): BillRow[] {
  const kept = bills
    .map((bill) => ({ bill, lines: app === null ? bill.lines : bill.lines.filter((line) => line.app === app) }))
    .filter((entry) => app === null || entry.lines.length > 0);
  const byBill = new Map(kept.map((entry) => [entry.bill, entry.lines]));
  const rows: BillRow[] = [];
  for (const bill of sortRows(
    kept.map((entry) => entry.bill),
    billColumns,
    sort,
  )) {
    const lines = byBill.get(bill) ?? [];
    rows.push({ kind: 'bill', bill, lines });
    if (expanded.has(billKey(bill))) for (const line of lines) rows.push({ kind: 'line', bill, line });
  }
  return rows;
}

export function billKey(bill: BillRecord): string {
  return `${bill.account}/${bill.month}`;
}

export type TableName = 'transitions' | 'orders' | 'bills' | 'refunds' | 'denials' | 'notifications' | 'balances';

export const tableNames: TableName[] = ['transitions', 'orders', 'bills', 'refunds', 'denials', 'notifications', 'balances'];

export function tableSize(report: Report, name: TableName): number {
  return report[name].length;
}

/** The CSV file of renderCsv (src/report/csv.ts) that holds a table. */
export const csvFileOf: Record<TableName, string> = {
  transitions: 'transitions.csv',
  orders: 'orders.csv',
  bills: 'bills.csv',
  refunds: 'refunds.csv',
  denials: 'denials.csv',
  notifications: 'notifications.csv',
  balances: 'balances.csv',
};

/** Every CSV file of the report in one text, each after a `# name.csv` header line. */
export function concatenatedCsv(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([name, text]) => `# ${name}\n${text}`)
    .join('\n');
}
