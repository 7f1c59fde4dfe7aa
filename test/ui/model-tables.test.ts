import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.ts';
import {
  billKey,
  billRows,
  concatenatedCsv,
  filterByApp,
  nextSort,
  orderColumns,
  sortRows,
  transitionColumns,
} from '../../src/ui/model/tables.ts';
import { defaultRun } from './fixtures.ts';

describe('the tables of a report', () => {
  const report = defaultRun();

  it('shows the edition of orders and transitions, and an upgrade credit with the edition it came from', () => {
    const column = (key: string) => orderColumns.find((c) => c.key === key);
    const upgrade = { ...report.orders[0], kind: 'upgrade' as const, edition: 'flagship', credit: '666.00', upgradedFrom: 'pro' };
    expect([column('edition')?.value(upgrade), column('credit')?.value(upgrade), column('credit')?.value(report.orders[0])]).toEqual(['flagship', '¥666.00 from pro', '']);
    expect(transitionColumns.find((c) => c.key === 'edition')?.value(report.transitions[0])).toBe('pro');
  });

  it('keeps the rows of one app', () => {
    const games = filterByApp(report.transitions, '1400000002');
    expect(games.map((t) => t.to)).toEqual(['active', 'expiredGrace', 'suspended', 'reclaimed']);
    expect(filterByApp(report.transitions, null)).toHaveLength(report.transitions.length);
  });

  it('sorts money as numbers and keeps the time order of ties', () => {
    const byTotal = sortRows(report.orders, orderColumns, { key: 'total', direction: -1 });
    expect(byTotal[0].total).toBe('11388.60');
    expect(Number(byTotal.at(-1)!.total)).toBeLessThanOrEqual(Number(byTotal[1].total));
    const byCause = sortRows(report.transitions, transitionColumns, { key: 'cause', direction: 1 });
    const purchases = byCause.filter((t) => t.cause === 'purchase');
    expect(purchases.map((t) => t.at)).toEqual(report.transitions.filter((t) => t.cause === 'purchase').map((t) => t.at));
    expect(sortRows(report.orders, orderColumns, null)).toEqual(report.orders);
  });

  it('cycles a column through ascending, descending and time order', () => {
    const first = nextSort(null, 'total');
    expect(first).toEqual({ key: 'total', direction: 1 });
    expect(nextSort(first, 'total')).toEqual({ key: 'total', direction: -1 });
    expect(nextSort({ key: 'total', direction: -1 }, 'total')).toBeNull();
    expect(nextSort(first, 'at')).toEqual({ key: 'at', direction: 1 });
  });

  it('unfolds a bill into its lines, right under it', () => {
    const bill = report.bills.find((b) => b.lines.length > 1)!;
    const rows = billRows(report.bills, null, { key: 'total', direction: -1 }, new Set([billKey(bill)]));
    const at = rows.findIndex((r) => r.kind === 'bill' && r.bill === bill);
    expect(rows.slice(at + 1, at + 1 + bill.lines.length).every((r) => r.kind === 'line' && r.bill === bill)).toBe(true);
    expect(rows.filter((r) => r.kind === 'bill')).toHaveLength(report.bills.length);
  });

  it('keeps, for one app, the bills with a line of it and only its lines', () => {
    const rows = billRows(report.bills, '1400000002', null, new Set(report.bills.map(billKey)));
    expect(rows).toEqual([]);
    const chat = billRows(report.bills, '1400000001', null, new Set(report.bills.map(billKey)));
    expect(chat.every((r) => r.kind === 'bill' || r.line.app === '1400000001')).toBe(true);
  });

  it('joins every CSV file under a header line', () => {
    const text = concatenatedCsv(renderCsv(report));
    expect(text.startsWith('# accounts.csv\nid,cohort,tags\n')).toBe(true);
    expect(text).toContain('\n# transitions.csv\nat,account,app,from,to,cause,edition\n');
    expect(text).toContain('\n# bill-lines.csv\naccount,month,app,item,quantity,basis,amount,edition\n');
  });
});
