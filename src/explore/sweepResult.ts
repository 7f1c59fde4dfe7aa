/**
 * A sweep's runs summed up per cell: each KPI's statistics over the cell's runs (stats.ts), and
 * the runs that failed with their reason. Its files: `runs.csv` (one row per cell × run),
 * `cells.csv` (one row per cell × KPI), `sweep.json`, and `sweep.html` (sweepHtml.ts).
 */
import { money } from '../domain/money.ts';
import { type CsvValue, csvTable } from '../report/csv.ts';
import type { KpiValue } from '../report/kpiPaths.ts';
import { kpiNames } from '../report/kpis.ts';
import type { Knob } from './grid.ts';
import { type KpiStats, statNames, statsOf } from './stats.ts';
import type { SweepRuns } from './sweepCore.ts';

/** One cell of a sweep summed up: its knobs, how many runs gave a report, and each KPI's statistics over them and change from cell 0. */
export interface CellResult {
  cell: number;
  knobs: Record<string, unknown>;
  /** The runs that gave a report (the others are among the failures). */
  runs: number;
  kpis: Record<string, KpiStats>;
  /**
   * Each KPI's change from cell 0 (every knob at its first value) on the same seed, over the
   * seeds both played: with common random numbers, the policy's own effect, without the spread
   * between populations drawn from different seeds.
   */
  changeFromCell0: Record<string, KpiStats>;
}

/** A run of a sweep that gave no report: its cell, knobs and seed, and why. */
export interface Failure {
  cell: number;
  knobs: Record<string, unknown>;
  seed: number;
  reason: string;
}

/** A sweep summed up per cell, as `sweep.json` holds it: the scenario file, the grid, the seeds, each cell's result and the failed runs. */
export interface SweepResult {
  format: 1;
  scenario: string;
  grid: Knob[];
  seeds: number[];
  cells: CellResult[];
  failures: Failure[];
}

/** Sums up a sweep's runs per cell: each KPI's statistics, its change from cell 0 on the same seeds, and the runs that failed. */
export function sweepResult(sweep: SweepRuns): SweepResult {
  const failures: Failure[] = [];
  const byCell = new Map<number, Map<number, Map<string, KpiValue>>>();
  for (const run of sweep.runs) {
    const knobs = sweep.cells[run.cell].knobs;
    if ('error' in run) failures.push({ cell: run.cell, knobs, seed: run.seed, reason: run.error });
    else byCell.set(run.cell, (byCell.get(run.cell) ?? new Map()).set(run.seed, new Map(run.kpis)));
  }
  const baseline = byCell.get(0) ?? new Map<number, Map<string, KpiValue>>();
  const cells = sweep.cells.map(({ cell, knobs }): CellResult => {
    const runs: SeedRuns = [...(byCell.get(cell) ?? [])];
    const paired = runs.filter(([seed]) => baseline.has(seed));
    return {
      cell,
      knobs,
      runs: runs.length,
      kpis: statsOver(runs, (_, kpis, path) => kpis.get(path) ?? 0),
      changeFromCell0: statsOver(paired, (seed, kpis, path) => money(kpis.get(path) ?? 0).minus(baseline.get(seed)?.get(path) ?? 0).toString()),
    };
  });
  return { format: 1, scenario: sweep.scenario.file, grid: sweep.grid, seeds: sweep.seeds, cells, failures };
}

type SeedRuns = [seed: number, kpis: Map<string, KpiValue>][];

/** Each KPI's statistics over some runs of a cell, of the value `value` reads off each. */
function statsOver(runs: SeedRuns, value: (seed: number, kpis: Map<string, KpiValue>, path: string) => KpiValue): Record<string, KpiStats> {
  if (runs.length === 0) return {};
  return Object.fromEntries(kpiNames().map((path) => [path, statsOf(path, runs.map(([seed, kpis]) => value(seed, kpis, path)))]));
}

const scalar = (value: unknown): CsvValue => (value === null || typeof value === 'object' ? JSON.stringify(value) : (value as CsvValue));

/** One row per cell × run that gave a report: cell, each knob, seed, every KPI. */
export function runsCsv(sweep: SweepRuns): string {
  const knobs = sweep.grid.map((knob) => knob.path);
  const columns = [
    { header: 'cell', value: (row: RunRow) => row.cell },
    ...knobs.map((path) => ({ header: path, value: (row: RunRow) => scalar(row.knobs[path]) })),
    { header: 'seed', value: (row: RunRow) => row.seed },
    ...kpiNames().map((path) => ({ header: path, value: (row: RunRow) => row.kpis.get(path) })),
  ];
  const rows = sweep.runs.flatMap((run): RunRow[] => ('error' in run ? [] : [{ cell: run.cell, knobs: sweep.cells[run.cell].knobs, seed: run.seed, kpis: new Map(run.kpis) }]));
  return csvTable(columns, rows);
}

interface RunRow {
  cell: number;
  knobs: Record<string, unknown>;
  seed: number;
  kpis: Map<string, KpiValue>;
}

/** One row per cell × KPI: cell, each knob, runs, kpi, then each statistic. */
export function cellsCsv(result: SweepResult): string {
  const knobs = result.grid.map((knob) => knob.path);
  const rows = result.cells.flatMap((cell) => Object.entries(cell.kpis).map(([kpi, stats]) => ({ cell, kpi, stats })));
  type Row = (typeof rows)[number];
  const columns = [
    { header: 'cell', value: (row: Row) => row.cell.cell },
    ...knobs.map((path) => ({ header: path, value: (row: Row) => scalar(row.cell.knobs[path]) })),
    { header: 'runs', value: (row: Row) => row.cell.runs },
    { header: 'kpi', value: (row: Row) => row.kpi },
    ...statNames.map((name) => ({ header: name, value: (row: Row) => row.stats[name] })),
  ];
  return csvTable(columns, rows);
}
