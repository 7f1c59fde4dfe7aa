/**
 * `sweep(source, grid, options)`: the sweep of sweepCore.ts on this machine's threads (or on
 * the runner given, such as a queue), closing the threads it started when done.
 */
import type { Knob } from './grid.ts';
import { runner } from './pool.ts';
import type { ScenarioSource } from '../scenario/source.ts';
import { type Runner, type SweepCoreOptions, type SweepRuns, sweepWith } from './sweepCore.ts';

export type { SweepRuns } from './sweepCore.ts';

/** Options of `sweep`: the runs per cell, the first seed, common knobs, a shard and a progress callback, and where the jobs run. */
export interface SweepOptions extends SweepCoreOptions {
  /** Worker threads (1: this thread). */
  workers?: number;
  /** Where the jobs run, when not on this machine's threads (a queue). */
  runner?: Runner;
}

/**
 * Runs every cell of `grid` `options.runs` times, on `options.workers` threads of this machine or
 * on `options.runner`: the runs, in (cell, run) order. Threads it started are closed when done.
 */
export async function sweep(source: ScenarioSource, grid: Knob[], options: SweepOptions): Promise<SweepRuns> {
  const pool = options.runner ?? runner(options.workers ?? 1);
  try {
    return await sweepWith(pool, source, grid, options);
  } finally {
    if (!options.runner) await pool.close();
  }
}
