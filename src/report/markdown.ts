/**
 * The report as GitHub-flavoured Markdown: a heading per section and a table per array.
 * Instants print as local wall time in the policy zone, named under the title.
 */
import { overridesText } from './overridesText.ts';
import { kpiTable } from './kpiTable.ts';
import { columns, mdCell, mdTable } from './mdTable.ts';
import { localInstant } from './table.ts';
import { appStates, type BillRecord, type Report } from './types.ts';

/** The report as one Markdown document; sections with nothing to show are left out. */
export function renderMarkdown(report: Report): string {
  const sections = [
    header(report),
    transitions(report),
    orders(report),
    bills(report),
    refunds(report),
    denials(report),
    notifications(report),
    events(report),
    usage(report),
    summary(report),
    kpis(report),
    expectations(report),
  ];
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function header(report: Report): string[] {
  const { scenario, policy, period } = report;
  return [
    `# imsim report: ${mdCell(scenario.name)}`,
    '',
    `- Scenario: \`${scenario.file}\` (seed ${scenario.seed}${scenario.rules.length > 0 ? `, rules ${scenario.rules.join(', ')}` : ''})`,
    `- Policy: \`${policy.id}\` ${mdCell(overridesText(policy))}`,
    `- Period: ${period.start} … ${period.end}; times are local to ${period.timezone}`,
  ];
}

function transitions(report: Report): string[] {
  const rows = report.transitions.map((t) => [localInstant(t.at), t.account, t.app, t.from, t.to, t.cause]);
  return ['## Transitions', '', ...mdTable(columns('At', 'Account', 'App', 'From', 'To', 'Cause'), rows)];
}

function orders(report: Report): string[] {
  const rows = report.orders.map((o) => [
    o.id,
    localInstant(o.at),
    o.account,
    o.app,
    o.product,
    o.kind,
    o.months,
    o.listPrice,
    o.total,
    localInstant(o.end),
    o.days,
  ]);
  const head = columns('Order', 'At', 'Account', 'App', 'Product', 'Kind', 'Months:', 'List:', 'Total:', 'Valid to', 'Days:');
  return ['## Orders', '', ...mdTable(head, rows)];
}

function bills(report: Report): string[] {
  if (report.bills.length === 0) return ['## Bills', '', '_None._'];
  return ['## Bills', ...report.bills.flatMap(bill)];
}

function bill(record: BillRecord): string[] {
  const rows = record.lines.map((l) => [l.app, l.item, l.quantity, l.basis, l.amount]);
  return [
    '',
    `### ${mdCell(record.account)} ${record.month}`,
    '',
    `Pushed ${localInstant(record.pushedAt)}. Total **${record.total}**, paid ${record.paid}, debt ${record.debt}.`,
    '',
    ...mdTable(columns('App', 'Item', 'Quantity:', 'Basis', 'Amount:'), rows),
  ];
}

function refunds(report: Report): string[] {
  const rows = report.refunds.map((r) => [
    localInstant(r.at),
    r.order,
    r.app,
    r.product,
    r.kind,
    r.amount,
    r.to.cash,
    r.to.income,
    r.to.gift,
    r.voucherForfeited,
    r.basis,
  ]);
  const head = columns('At', 'Order', 'App', 'Product', 'Kind', 'Amount:', 'To cash:', 'To income:', 'To gift:', 'Voucher forfeited:', 'Basis');
  return ['## Refunds', '', ...mdTable(head, rows)];
}

function denials(report: Report): string[] {
  const rows = report.denials.map((d) => [localInstant(d.at), d.account, d.app, d.type, d.product, d.reason]);
  return ['## Denials', '', ...mdTable(columns('At', 'Account', 'App', 'Type', 'Product', 'Reason'), rows)];
}

function notifications(report: Report): string[] {
  const rows = report.notifications.map((n) => [localInstant(n.at), n.account, n.app, n.kind, n.channels.join(', ')]);
  return ['## Notifications', '', ...mdTable(columns('At', 'Account', 'App', 'Kind', 'Channels'), rows)];
}

function events(report: Report): string[] {
  const rows = report.events.map((e) => [localInstant(e.at), e.kind, e.account, e.app, e.detail, e.by]);
  return ['## Events', '', ...mdTable(columns('At', 'Kind', 'Account', 'App', 'Detail', 'By'), rows)];
}

function usage(report: Report): string[] {
  const rows = report.usage.map((u) => [u.app, u.month, u.peakDau, u.peakDauDay ?? '', u.peakGroups, u.bandwidthMbpsDays, u.userDaysDenied, u.roomDaysDenied, u.proDays]);
  return [
    '## Usage',
    '',
    ...mdTable(columns('App', 'Month', 'Peak DAU:', 'Peak day', 'Peak groups:', 'Mbps-days:', 'User-days denied:', 'Room-days denied:', 'Pro days:'), rows),
  ];
}

function summary(report: Report): string[] {
  const { revenue, debtOutstanding, finalStates, daysIn } = report.summary;
  const money = [
    ['Prepaid revenue', revenue.prepaid],
    ['Postpaid revenue', revenue.postpaid],
    ['Refunded', revenue.refunded],
    ['Net revenue', revenue.net],
    ['Debt outstanding', debtOutstanding],
  ];
  const days: Partial<Record<string, number>> = daysIn;
  const states = appStates.map((state) => [state, finalStates[state], days[state]?.toFixed(2) ?? '–']);
  return [
    '## Summary',
    '',
    ...mdTable(columns('', 'Amount:'), money),
    '',
    ...mdTable(columns('State', 'Apps at end:', 'App-days in:'), states),
  ];
}

function kpis(report: Report): string[] {
  const { headers, rows } = kpiTable(report.kpis);
  return ['## KPIs', '', ...mdTable(columns(...headers.map((header, index) => (index === 0 ? 'KPI' : `${header}:`))), rows)];
}

function expectations(report: Report): string[] {
  if (report.expectations.length === 0) return [];
  const rows = report.expectations.map((e) => [e.ok ? '✓' : '✗', e.index, e.line, e.expected, e.ok ? '' : e.actual]);
  return ['## Expectations', '', ...mdTable(columns('', '#:', 'Line:', 'Expected', 'Actual'), rows)];
}
