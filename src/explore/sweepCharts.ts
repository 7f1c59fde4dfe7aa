/**
 * A sweep's charts as inline SVG (svg.ts), for its self-contained page (sweepHtml.ts) and for
 * the visualizer's Explore view: a KPI against one knob, its mean with the band from p5 to p95
 * of the runs (one line per combination of the other knobs' values), and the mean per cell as
 * a heat map when two knobs vary.
 */
import type { Knob } from './grid.ts';
import type { KpiStats } from './stats.ts';
import { heatMap, legend, linePlot } from './svg.ts';
import type { CellResult, SweepResult } from './sweepResult.ts';

const palette = ['#2563eb', '#ea7a0c', '#17803d', '#9333ea', '#b42318', '#0e7490'];
const MAX_LINES = palette.length;
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const number = (text: string | undefined) => (text === undefined ? Number.NaN : Number(text));
const format = (value: number) => (Math.abs(value) >= 1000 ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(Number(value.toFixed(2))));

/** One line (with its band) per combination of the other knobs' values, over the values of knob `index`. */
export function kpiAgainstKnobSvg(result: SweepResult, kpi: string, index: number, statsOf: (cell: CellResult) => Record<string, KpiStats>): string {
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

/** The mean of a KPI per cell of a two-knob grid: the first knob's values down, the second's across. */
export function kpiHeatMapSvg(result: SweepResult, kpi: string): string {
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
