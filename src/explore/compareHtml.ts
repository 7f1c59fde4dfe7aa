/**
 * A comparison as one self-contained page (no script, no request): the facts, four charts (KPIs
 * A vs B, net revenue over time, the spread of per-app net revenue deltas, the state bands of
 * the apps whose story parts) and the tables of the text form.
 */
import { formatDay } from '../domain/calendar.ts';
import { periodOf } from '../report/period.ts';
import { appRevenue } from '../report/appRevenue.ts';
import { cumulativeRevenue, netRevenue } from '../report/revenueSeries.ts';
import type { Report } from '../report/types.ts';
import type { CompareResult } from './compare.ts';
import type { Comparison } from './comparison.ts';
import { overridesText } from '../report/overridesText.ts';
import { groupsOf, type KpiRow, kpiTableRows, stepText } from './compareRows.ts';
import { escapeHtml, htmlTable, page } from './html.ts';
import { type BandRow, colors, histogram, legend, linePlot, pairedBars, stateBands, stateColors } from './svg.ts';

const BANDS_SHOWN = 30;
const money = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function renderCompareHtml({ comparison, reports }: CompareResult): string {
  const { scenario, a, b } = comparison;
  const [revenue, revenueGap] = revenueCharts(reports.a, reports.b);
  const body = [
    `<h1>imsim compare: ${escapeHtml(scenario.name)}</h1>`,
    `<dl class="facts"><dt>Scenario</dt><dd>${escapeHtml(scenario.file)}, seed ${scenario.seed}: the same customers make the same draws under A and B</dd>`,
    `<dt>A</dt><dd>${escapeHtml(a.policy)} ${escapeHtml(overridesText(a))}</dd><dt>B</dt><dd>${escapeHtml(b.policy)} ${escapeHtml(overridesText(b))}</dd>`,
    `<dt>Apps</dt><dd>${a.kpis.apps.total}: ${comparison.betterOff} better off under B, ${comparison.worseOff} worse off by net revenue; ${comparison.apps.length} whose story parts</dd></dl>`,
    legend([['A', colors.a], ['B', colors.b]]),
    section('KPIs that differ, A and B', kpiBars(kpiTableRows(comparison, undefined, true))),
    section('Net revenue over time (cumulative, billed)', revenue),
    section('Net revenue over time, B − A', revenueGap),
    section('Per-app net revenue, B − A (apps whose revenue moved)', deltaHistogram(reports.a, reports.b)),
    section('Apps whose story parts: states under A and under B', divergentBands(comparison, reports.a, reports.b)),
    '<h2>KPIs, all accounts</h2>',
    kpiTable(kpiTableRows(comparison)),
    ...groupsOf(comparison).map((group) => {
      const rows = kpiTableRows(comparison, group, true);
      return `<h3>${group.kind === 'byCohort' ? 'Cohort' : 'Tag'} ${escapeHtml(group.name)}</h3>${rows.length === 0 ? '<p class="muted">No KPI differs.</p>' : kpiTable(rows)}`;
    }),
    '<h2>Apps whose story parts</h2>',
    htmlTable(['app', 'A: first difference', 'B: first difference'], comparison.apps.map((entry) => [entry.app, stepText(entry.a), stepText(entry.b)])),
  ];
  return page(`imsim compare: ${scenario.name}`, body.join('\n'));
}

function section(title: string, content: string): string {
  return `<h2>${escapeHtml(title)}</h2><figure>${content}</figure>`;
}

function kpiTable(rows: KpiRow[]): string {
  return htmlTable(['kpi', 'A', 'B', 'B − A', 'change'], rows.map((row) => [row.kpi, row.a, row.b, row.delta, row.change]), {
    numeric: [1, 2, 3, 4],
    rowClass: (index) => (rows[index].changed ? 'changed' : ''),
  });
}

function kpiBars(rows: KpiRow[]): string {
  if (rows.length === 0) return '<p class="muted">No KPI differs.</p>';
  return pairedBars('KPIs under A and B', rows.slice(0, 24).map((row) => ({ label: row.kpi, a: Number(row.a), b: Number(row.b), aText: row.a, bText: row.b })));
}

/** Cumulative net revenue under A and B, and its difference. */
function revenueCharts(a: Report, b: Report): [string, string] {
  const series = cumulativeRevenue(a);
  const [left, right] = [netRevenue(series), netRevenue(cumulativeRevenue(b))];
  const days = left.map((_, index) => series.startDay + index);
  const plot = (label: string, lines: { name: string; color: string; ys: number[] }[]) => linePlot({ label, xs: days, xTicks: monthTicks(days), lines, format: money });
  return [
    plot('Cumulative net revenue under A and B', [
      { name: 'A', color: colors.a, ys: left },
      { name: 'B', color: colors.b, ys: right },
    ]),
    plot('Cumulative net revenue, B − A', [{ name: 'B − A', color: colors.b, ys: right.map((value, index) => Math.round((value - left[index]) * 100) / 100) }]),
  ];
}

function monthTicks(days: number[]): { x: number; label: string }[] {
  const months = days.filter((day, index) => index === 0 || formatDay(day).endsWith('-01'));
  const step = Math.max(1, Math.ceil(months.length / 12));
  return months.filter((_, index) => index % step === 0).map((day) => ({ x: day, label: formatDay(day).slice(0, 7) }));
}

function deltaHistogram(a: Report, b: Report): string {
  const [left, right] = [appRevenue(a), appRevenue(b)];
  const deltas = a.apps.map((app) => (right.get(app.id)?.minus(left.get(app.id) ?? 0).toNumber() ?? 0)).filter((delta) => delta !== 0);
  const unchanged = a.apps.length - deltas.length;
  return `${histogram('Per-app net revenue, B − A', deltas, money)}<figcaption>${deltas.length} apps moved; ${unchanged} earn the same under A and B.</figcaption>`;
}

function divergentBands(comparison: Comparison, a: Report, b: Report): string {
  const shown = comparison.apps.slice(0, BANDS_SHOWN);
  if (shown.length === 0) return '<p class="muted">Every app goes through the same transitions under A and B.</p>';
  const { startAt: from, endAt: to } = periodOf(a);
  const rows: BandRow[] = shown.flatMap((entry) => [
    { label: `${entry.app} A`, segments: segmentsOf(a, entry.app, from, to) },
    { label: `${entry.app} B`, segments: segmentsOf(b, entry.app, from, to) },
  ]);
  const more = comparison.apps.length - shown.length;
  return `${legend(Object.entries(stateColors))}${stateBands('States of the apps whose story parts', rows, from, to)}${more > 0 ? `<figcaption>and ${more} more apps (the table below lists them all)</figcaption>` : ''}`;
}

function segmentsOf(report: Report, app: string, from: number, to: number): BandRow['segments'] {
  const record = report.apps.find((candidate) => candidate.id === app);
  if (!record) return [];
  const marks = [{ at: Date.parse(record.createdAt), state: 'trial' }, ...report.transitions.filter((t) => t.app === app).map((t) => ({ at: Date.parse(t.at), state: t.to }))];
  return marks.map((mark, index) => ({ start: Math.max(from, mark.at), end: index + 1 < marks.length ? marks[index + 1].at : to, state: mark.state }));
}
