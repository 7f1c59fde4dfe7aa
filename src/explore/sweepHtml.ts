/**
 * A sweep as one self-contained page (no script, no request): for each chosen KPI, its mean
 * against each knob with a p5–p95 band (one line per value of the other knobs), its change from
 * cell 0 on the same seeds likewise, a heat map of the means when two knobs vary, and the table
 * of cells.
 */

import type { Knob } from './grid.ts';
import { escapeHtml, htmlTable, page } from './html.ts';
import type { KpiStats } from './stats.ts';
import { heatMap, legend, linePlot } from './svg.ts';
import type { CellResult, SweepResult } from './sweepResult.ts';

/** The KPIs a sweep's page charts unless told otherwise. */
export const defaultSweepKpis = [
  'revenue.netCollected',
  'revenue.netBilled',
  'apps.savedInGrace',
  'apps.suspended',
  'apps.suspendedForArrears',
  'apps.reclaimed',
  'apps.lostAfterReclaim',
  'appDays.expiredGrace',
];

const palette = ['#2563eb', '#ea7a0c', '#17803d', '#9333ea', '#b42318', '#0e7490'];
const MAX_LINES = palette.length;
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const number = (text: string | undefined) => (text === undefined ? Number.NaN : Number(text));
const format = (value: number) => (Math.abs(value) >= 1000 ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(Number(value.toFixed(2))));

export function renderSweepHtml(result: SweepResult, kpis: readonly string[] = defaultSweepKpis): string {
  const runs = result.seeds.length;
  const baseline = result.grid.map((knob) => `${knob.path}=${shown(knob.values[0])}`).join(', ');
  const body = [
    `<h1>imsim sweep: ${escapeHtml(result.scenario)}</h1>`,
    `<dl class="facts"><dt>Grid</dt><dd>${result.grid.map((knob) => `${escapeHtml(knob.path)} = ${knob.values.map((value) => escapeHtml(shown(value))).join(', ')}`).join('<br>')}</dd>`,
    `<dt>Runs</dt><dd>${result.cells.length} cells × ${runs} Monte Carlo runs (seeds ${result.seeds[0]} … ${result.seeds.at(-1)}, the same in every cell)</dd>`,
    `<dt>Failures</dt><dd>${result.failures.length === 0 ? 'none' : `${result.failures.length} runs (listed at the end)`}</dd></dl>`,
    ...kpis.flatMap((kpi) => [
      `<h2>${escapeHtml(kpi)}</h2>`,
      ...result.grid.map((knob, index) => `<figure><figcaption>${escapeHtml(kpi)} against ${escapeHtml(knob.path)}: mean, and the band from p5 to p95 of the runs</figcaption>${againstKnob(result, kpi, index, (cell) => cell.kpis)}</figure>`),
      ...(result.cells.length < 2
        ? []
        : result.grid.map((knob, index) => `<figure><figcaption>Change of ${escapeHtml(kpi)} from cell 0 (${escapeHtml(baseline)}) on the same seeds, against ${escapeHtml(knob.path)}: mean, and the band from p5 to p95</figcaption>${againstKnob(result, kpi, index, (cell) => cell.changeFromCell0)}</figure>`)),
      ...(result.grid.length === 2 ? [`<figure><figcaption>Mean ${escapeHtml(kpi)} per cell</figcaption>${heat(result, kpi)}</figure>`] : []),
    ]),
    '<h2>Cells</h2>',
    htmlTable(
      ['cell', ...result.grid.map((knob) => knob.path), 'runs', ...kpis.map((kpi) => `${kpi} (mean)`)],
      result.cells.map((cell) => [String(cell.cell), ...result.grid.map((knob) => shown(cell.knobs[knob.path])), String(cell.runs), ...kpis.map((kpi) => cell.kpis[kpi]?.mean ?? '–')]),
      { numeric: [0, ...kpis.map((_, index) => result.grid.length + 2 + index)] },
    ),
    ...(result.failures.length === 0 ? [] : ['<h2>Failures</h2>', htmlTable(['cell', 'seed', 'reason'], result.failures.map((failure) => [String(failure.cell), String(failure.seed), failure.reason]))]),
  ];
  return page(`imsim sweep: ${result.scenario}`, body.join('\n'));
}

/** One line (with its band) per combination of the other knobs' values, over the values of knob `index`. */
function againstKnob(result: SweepResult, kpi: string, index: number, statsOf: (cell: CellResult) => Record<string, KpiStats>): string {
  const knob = result.grid[index];
  const numeric = knob.values.every((value) => typeof value === 'number');
  const xs = knob.values.map((value, position) => (numeric ? (value as number) : position));
  const groups = new Map<string, CellResult[]>();
  for (const cell of result.cells) {
    const others = result.grid.filter((_, other) => other !== index).map((other) => `${other.path}=${shown(cell.knobs[other.path])}`).join(', ');
    groups.set(others, [...(groups.get(others) ?? []), cell]);
  }
  const lines = [...groups].slice(0, MAX_LINES).map(([name, cells], line) => {
    const at = (value: unknown) => {
      const cell = cells.find((candidate) => shown(candidate.knobs[knob.path]) === shown(value));
      return cell ? statsOf(cell)[kpi] : undefined;
    };
    return { name: name || kpi, color: palette[line], stats: knob.values.map(at) };
  });
  const plot = linePlot({
    label: `${kpi} against ${knob.path}`,
    xs,
    xTicks: knob.values.map((value, position) => ({ x: xs[position], label: shown(value) })),
    lines: lines.map((line) => ({ name: line.name, color: line.color, ys: line.stats.map((stats) => number(stats?.mean)) })),
    bands: lines.map((line) => ({ color: line.color, low: line.stats.map((stats) => number(stats?.p5)), high: line.stats.map((stats) => number(stats?.p95)) })),
    format,
  });
  const more = groups.size > MAX_LINES ? `<p class="muted">and ${groups.size - MAX_LINES} more combinations of the other knobs (the table below has every cell)</p>` : '';
  return `${groups.size > 1 ? legend(lines.map((line) => [line.name, line.color])) : ''}${plot}${more}`;
}

function heat(result: SweepResult, kpi: string): string {
  const [rows, columns] = result.grid as [Knob, Knob];
  const mean = (row: unknown, column: unknown) => {
    const cell = result.cells.find((candidate) => shown(candidate.knobs[rows.path]) === shown(row) && shown(candidate.knobs[columns.path]) === shown(column));
    const value = cell?.kpis[kpi]?.mean;
    return value === undefined ? undefined : Number(value);
  };
  return heatMap(
    `Mean ${kpi} per cell`,
    rows.values.map((value) => `${rows.path}=${shown(value)}`),
    columns.values.map((value) => shown(value)),
    rows.values.map((row) => columns.values.map((column) => mean(row, column))),
    format,
    columns.path,
  );
}
