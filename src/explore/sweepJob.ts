/**
 * One run of a sweep: the scenario (carried whole, scenario/source.ts) with a cell's knobs and a
 * seed, simulated for its figures alone (sim/figuresRun.ts; a population in batches of
 * accounts, as `imsim run --summary` plays it), and its KPIs as `[dotted.path, value]` rows; or,
 * when the cell's knobs make the input invalid (or the run fails), the reason.
 * The same function runs in this thread, in a worker thread, or on another machine.
 */
import { formatIssue, InputError } from '../inputError.ts';
import { type KpiValue, kpiRows } from '../report/kpiPaths.ts';
import { batchedFiguresRun } from '../sim/figuresRun.ts';
import { batchesFor, MEMORY_BATCH_APPS } from '../sim/batchCount.ts';
import { type ScenarioSource, scenarioOf } from '../scenario/source.ts';

/** One run of a sweep to play: the scenario, the cell and run it is, its seed, and the knobs to set. */
export interface SweepJob {
  source: ScenarioSource;
  cell: number;
  /** Which of the cell's runs: 0 … runs − 1. */
  run: number;
  seed: number;
  /** The knobs of the sweep's --set, then those of the cell. */
  set: Record<string, unknown>;
}

/** What one run of a sweep gives: its KPIs as `[dotted.path, value]` rows, or why it gave no report (invalid knobs, a failed run). */
export type RunResult = { cell: number; run: number; seed: number } & ({ kpis: [string, KpiValue][] } | { error: string });

/** Plays one run of a sweep: the scenario with the job's seed and knobs, simulated. An input error or a failed run is the result's `error`, never thrown. */
export function runSweepJob(job: SweepJob): RunResult {
  const at = { cell: job.cell, run: job.run, seed: job.seed };
  try {
    const scenario = scenarioOf(job.source, { seed: job.seed, set: job.set });
    const { kpis } = batchedFiguresRun(scenario, batchesFor(scenario, MEMORY_BATCH_APPS));
    return { ...at, kpis: kpiRows(kpis) };
  } catch (error) {
    const reason = error instanceof InputError ? error.issues.map(formatIssue).join('; ') : error instanceof Error ? error.message : String(error);
    return { ...at, error: reason };
  }
}
