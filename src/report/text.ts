/**
 * The report as text for a person at a terminal (about 100 columns): header, a timeline per app
 * grouped by account, the bills as tables, the summary and the expectations.
 */
import { overridesText } from './overridesText.ts';
import { topApps } from './appRevenue.ts';
import { focusOn } from './focus.ts';
import { kpiTable } from './kpiTable.ts';
import { localInstant, pad, renderTable, type Row } from './table.ts';
import { type AccountTimeline, buildTimeline, type TimelineLine } from './textTimeline.ts';
import { appStates, type BillRecord, type ExpectationResult, type Report } from './types.ts';

/** Options of `renderText`: colours, a summary only, or the timelines of the top apps only. */
export interface TextOptions {
  /** ANSI colors (green ✓, red ✗, dim notifications); off unless true. */
  color?: boolean;
  /** The header, summary, KPIs and expectations only: no timeline, no bills (a large population). */
  summary?: boolean;
  /** The timeline and bills of the `top` apps with the largest net revenue (and their accounts) only. */
  top?: number;
}

type Paint = (style: Style, text: string) => string;
type Style = 'bold' | 'dim' | 'green' | 'red';
const ANSI: Record<Style, string> = { bold: '1', dim: '2', green: '32', red: '31' };

/**
 * The report as text for a terminal: the header, a timeline per app and the bills, then the
 * summary, the KPIs and the expectations. `options` turns on colors, keeps the timelines and bills
 * of the `top` apps only, or leaves them all out (`summary`).
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
  const shown = options.top === undefined ? report : focusOn(report, topApps(report, options.top));
  const details = options.summary ? [] : [timelineLines(shown, paint, report.apps.length), billLines(shown.bills, paint)];
  const sections = [headerLines(report, paint), ...details, summaryLines(report, paint), kpiLines(report, paint), expectationLines(report, paint)];
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function headerLines(report: Report, paint: Paint): string[] {
  const { scenario, policy, period } = report;
  const rules = scenario.rules.length > 0 ? `, rules ${scenario.rules.join(' ')}` : '';
  const cohorts = new Set(report.accounts.flatMap((account) => (account.cohort === undefined ? [] : [account.cohort])));
  const population = cohorts.size === 0 ? [] : [`  apps      ${report.apps.length} in ${report.accounts.length} accounts, ${cohorts.size} cohort${cohorts.size === 1 ? '' : 's'}: ${[...cohorts].join(', ')}`];
  return [
    paint('bold', `imsim report: ${scenario.name}`),
    `  scenario  ${scenario.file}  (seed ${scenario.seed}${rules})`,
    `  policy    ${policy.id}  ${overridesText(policy)}`,
    `  period    ${period.start} … ${period.end}  (times are local to ${period.timezone})`,
    ...population,
  ];
}

function timelineLines(report: Report, paint: Paint, allApps: number): string[] {
  const accounts = buildTimeline(report);
  const title = paint('bold', 'TIMELINE') + (report.apps.length < allApps ? `  (the ${report.apps.length} apps with the largest net revenue, of ${allApps})` : '');
  if (accounts.length === 0) return [title, '  (nothing happened)'];
  return [title, ...accounts.flatMap((account) => accountLines(account, paint))];
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

function kpiLines(report: Report, paint: Paint): string[] {
  const { headers, rows } = kpiTable(report.kpis);
  return [paint('bold', 'KPIS'), ...renderTable(headers.map((header, index) => ({ header, align: index === 0 ? 'left' : 'right' })), rows)];
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

