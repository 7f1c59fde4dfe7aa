/**
 * The report's tables: transitions, orders, bills (a bill unfolds into its lines and their
 * basis), refunds, denials, notifications and balances. Filter by app, sort by a column
 * (click its header: ascending, descending, back to time order); rows are virtualized, and a
 * click on a row moves the timeline to its instant. Each table downloads as its CSV file.
 */
import { useSignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { renderCsv } from '../../report/csv.ts';
import type { BalanceRecord, Report } from '../../report/types.ts';
import {
  balanceColumns,
  billColumns,
  billKey,
  billLineColumns,
  billRows,
  type Cell,
  type Column,
  csvFileOf,
  denialColumns,
  filterByApp,
  nextSort,
  notificationColumns,
  orderColumns,
  refundColumns,
  type Sort,
  sortRows,
  type TableName,
  tableNames,
  transitionColumns,
} from '../model/tables.ts';
import { formatCny } from '../model/money.ts';
import { instant } from '../model/time.ts';
import { baseName, downloadText } from '../state/download.ts';
import { current, moveCursor, tableApp } from '../state/store.ts';
import { useVirtualRows } from './useVirtualRows.ts';
import './Tables.css';

const ROW = 28;
const HEIGHT = 380;

export function Tables() {
  const view = current.value;
  const tab = useSignal<TableName>('transitions');
  if (!view) return null;
  const { report } = view.result;
  const app = tableApp.value;
  const apps = view.timeline.apps;
  const downloadOne = () => {
    const file = csvFileOf[tab.value];
    downloadText(`${baseName(report.scenario.file)}-${file}`, renderCsv(report)[file], 'text/csv');
  };
  return (
    <section class="panel tables" data-testid="tables">
      <div class="tables-head">
        <div class="tabs" role="tablist" aria-label="Records of the run" onKeyDown={(event) => moveTab(event, tab)}>
          {tableNames.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab.value === name}
              tabIndex={tab.value === name ? 0 : -1}
              class={tab.value === name ? 'tab is-active' : 'tab'}
              data-testid="table-tab"
              data-table={name}
              onClick={() => (tab.value = name)}
            >
              {name} <span class="muted">{report[name].length.toLocaleString('en')}</span>
            </button>
          ))}
        </div>
        <label class="app-filter">
          <span class="muted">app</span>
          <select
            data-testid="table-app-filter"
            value={app ?? ''}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              tableApp.value = value === '' ? null : value;
            }}
          >
            <option value="">all apps</option>
            {apps.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ? `${a.name} (${a.id})` : a.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="export-table-csv" onClick={downloadOne} title={`Download ${csvFileOf[tab.value]} (every row)`}>
          {csvFileOf[tab.value]}
        </button>
      </div>
      <TableBody key={`${tab.value}`} name={tab.value} report={report} app={app} />
    </section>
  );
}

function TableBody({ name, report, app }: { name: TableName; report: Report; app: string | null }) {
  switch (name) {
    case 'transitions':
      return <PlainTable name={name} rows={filterByApp(report.transitions, app)} columns={transitionColumns} at={(r) => r.at} />;
    case 'orders':
      return <PlainTable name={name} rows={filterByApp(report.orders, app)} columns={orderColumns} at={(r) => r.at} />;
    case 'refunds':
      return <PlainTable name={name} rows={filterByApp(report.refunds, app)} columns={refundColumns} at={(r) => r.at} />;
    case 'denials':
      return <PlainTable name={name} rows={filterByApp(report.denials, app)} columns={denialColumns} at={(r) => r.at} />;
    case 'notifications':
      return <PlainTable name={name} rows={filterByApp(report.notifications, app)} columns={notificationColumns} at={(r) => r.at} />;
    case 'balances':
      return <PlainTable name={name} rows={balancesOf(report, app)} columns={balanceColumns} at={(r) => r.at} />;
    case 'bills':
      return <BillsTable report={report} app={app} />;
  }
}

/** Balances are per account: one app's filter keeps its account's. */
function balancesOf(report: Report, app: string | null): BalanceRecord[] {
  if (app === null) return report.balances;
  const account = report.apps.find((a) => a.id === app)?.account;
  return report.balances.filter((b) => b.account === account);
}

const gridOf = (columns: readonly { width?: number }[]) => columns.map((c) => `minmax(0, ${c.width ?? 1}fr)`).join(' ');

function HeaderRow<T>({ columns, sort, onSort, lead }: { columns: readonly Column<T>[]; sort: Sort | null; onSort: (key: string) => void; lead?: boolean }) {
  return (
    <div class="t-head" style={{ gridTemplateColumns: `${lead ? '22px ' : ''}${gridOf(columns)}` }}>
      {lead && <span />}
      {columns.map((column) => {
        const active = sort?.key === column.key;
        return (
          <button
            key={column.key}
            type="button"
            class={`t-sort${column.numeric ? ' num' : ''}${active ? ' is-sorted' : ''}`}
            data-testid="sort"
            data-column={column.key}
            aria-pressed={active}
            title={`Sort by ${column.label}: ascending, descending, then back to time order`}
            onClick={() => onSort(column.key)}
          >
            {column.label}
            {active ? (sort?.direction === 1 ? ' ▲' : ' ▼') : ''}
          </button>
        );
      })}
    </div>
  );
}

/** The tabs as one stop for the keyboard: arrows, Home and End choose among them (WAI-ARIA tabs). */
function moveTab(event: KeyboardEvent, tab: { value: TableName }): void {
  const index = tableNames.indexOf(tab.value);
  const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tableNames.length - 1 };
  if (!(event.key in moves)) return;
  event.preventDefault();
  const next = tableNames[(moves[event.key] + tableNames.length) % tableNames.length];
  tab.value = next;
  (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-table="${next}"]`)?.focus();
}

function text(value: Cell): string {
  return value === undefined ? '' : String(value);
}

/** A cell as shown: amounts in yuan, the rest as text. */
function shown<T>(column: Column<T>, row: T): string {
  const value = column.value(row);
  return column.money ? formatCny(text(value)) : text(value);
}

function PlainTable<T>({ name, rows, columns, at }: { name: TableName; rows: T[]; columns: Column<T>[]; at: (row: T) => string }) {
  const sort = useSignal<Sort | null>(null);
  const sorted = useMemo(() => sortRows(rows, columns, sort.value), [rows, columns, sort.value]);
  const { scrollRef, items, totalSize } = useVirtualRows(sorted.length, ROW);
  const template = gridOf(columns);
  return (
    <div class="t-table" data-testid={`table-${name}`} data-rows={sorted.length}>
      <HeaderRow columns={columns} sort={sort.value} onSort={(key) => (sort.value = nextSort(sort.value, key))} />
      <div class="t-body" ref={scrollRef} style={{ height: `${Math.min(HEIGHT, Math.max(1, sorted.length) * ROW + 2)}px` }}>
        {sorted.length === 0 && <p class="muted empty">no {name}</p>}
        <div class="t-inner" style={{ height: `${totalSize}px` }}>
          {items.map((item) => {
            const row = sorted[item.index];
            return (
              <button
                type="button"
                key={item.key}
                class="t-row"
                data-testid="table-row"
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template } as JSX.CSSProperties}
                onClick={() => moveCursor(instant(at(row)))}
                title="Move the timeline to this instant"
              >
                {columns.map((column) => (
                  <span key={column.key} class={column.numeric ? 'num' : ''}>
                    {shown(column, row)}
                  </span>
                ))}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function BillsTable({ report, app }: { report: Report; app: string | null }) {
  const sort = useSignal<Sort | null>(null);
  const expanded = useSignal<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => billRows(report.bills, app, sort.value, expanded.value), [report, app, sort.value, expanded.value]);
  const { scrollRef, items, totalSize } = useVirtualRows(rows.length, ROW);
  const billTemplate = `22px ${gridOf(billColumns)}`;
  const lineTemplate = `22px ${gridOf(billLineColumns)}`;
  const toggle = (key: string) => {
    const next = new Set(expanded.value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    expanded.value = next;
  };
  const bills = rows.filter((r) => r.kind === 'bill').length;
  return (
    <div class="t-table" data-testid="table-bills" data-rows={bills}>
      <HeaderRow columns={billColumns} sort={sort.value} onSort={(key) => (sort.value = nextSort(sort.value, key))} lead />
      <div class="t-body" ref={scrollRef} style={{ height: `${Math.min(HEIGHT, Math.max(1, rows.length) * ROW + 2)}px` }}>
        {rows.length === 0 && <p class="muted empty">no bills{app ? ' with a line of this app' : ''}</p>}
        <div class="t-inner" style={{ height: `${totalSize}px` }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { transform: `translateY(${item.start}px)` };
            if (row.kind === 'line') {
              return (
                <div key={item.key} class="t-row t-line" data-testid="bill-line" data-month={row.bill.month} style={{ ...style, gridTemplateColumns: lineTemplate }}>
                  <span />
                  {billLineColumns.map((column) => (
                    <span key={column.key} class={column.numeric ? 'num' : ''} title={shown(column, row.line)}>
                      {shown(column, row.line)}
                    </span>
                  ))}
                </div>
              );
            }
            const key = billKey(row.bill);
            const open = expanded.value.has(key);
            return (
              <button
                type="button"
                key={item.key}
                class={`t-row t-bill${open ? ' is-open' : ''}${Number(row.bill.debt) > 0 ? ' has-debt' : ''}`}
                data-testid="bill-row"
                data-month={row.bill.month}
                data-account={row.bill.account}
                style={{ ...style, gridTemplateColumns: billTemplate }}
                onClick={() => {
                  toggle(key);
                  moveCursor(instant(row.bill.pushedAt));
                }}
                aria-expanded={open}
                title={`${open ? 'Fold the lines' : `Unfold its ${row.lines.length} line${row.lines.length === 1 ? '' : 's'} and their basis`}; the timeline moves to the push`}
              >
                <span class="chevron">{open ? '▾' : '▸'}</span>
                {billColumns.map((column) => (
                  <span key={column.key} class={column.numeric ? 'num' : ''} data-testid={column.key === 'total' ? 'bill-total' : undefined}>
                    {shown(column, row.bill)}
                  </span>
                ))}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
