/**
 * `sweep(source, grid, options)`: every cell of a grid of knob values × `runs` Monte Carlo runs
 * (seeds s … s + runs − 1, the same seeds in every cell; run 0 is the scenario as written), in
 * parallel, with a progress callback. The runs come back in the order of (cell, run) whatever
 * the order they finished in, so the result does not depend on the number of workers. With
 * `shard: { index, count }` only the (cell, run) pairs whose number n (cell × runs + run) has
 * n mod count = index − 1 are run: merge.ts joins the shards.
 */
import { type Cell, cellsOf, type Knob } from './grid.ts';
import { type Runner, runner } from './pool.ts';
import { type ScenarioSource, scenarioOf } from '../scenario/source.ts';
import type { RunResult } from './sweepJob.ts';

export interface SweepOptions {
  runs: number;
  /** The first seed (default: the scenario's). */
  seed?: number;
  /** Knobs set in every cell, before the cell's own. */
  set?: Record<string, unknown>;
  /** Worker threads (1: this thread). */
  workers?: number;
  shard?: { index: number; count: number };
  onProgress?: (done: number, total: number) => void;
  /** Where the jobs run, when not on this machine's threads (a queue). */
  runner?: Runner;
}

export interface SweepRuns {
  scenario: { file: string; name: string };
  grid: Knob[];
  seeds: number[];
  cells: Cell[];
  shard?: { index: number; count: number };
  /** Sorted by cell, then run. */
  runs: RunResult[];
}

export async function sweep(source: ScenarioSource, grid: Knob[], options: SweepOptions): Promise<SweepRuns> {
  const scenario = scenarioOf(source, { seed: options.seed, set: options.set });
  const seeds = Array.from({ length: options.runs }, (_, run) => scenario.seed + run);
  const cells = cellsOf(grid);
  const pairs = cells.flatMap((cell) => seeds.map((seed, run) => ({ cell, run, seed, n: cell.cell * options.runs + run })));
  const mine = options.shard ? pairs.filter(({ n }) => n % (options.shard?.count ?? 1) === (options.shard?.index ?? 1) - 1) : pairs;
  const pool = options.runner ?? runner(options.workers ?? 1);
  let done = 0;
  options.onProgress?.(0, mine.length);
  try {
    const runs = await Promise.all(
      mine.map(async ({ cell, run, seed }) => {
        const result = await pool.run({ source, cell: cell.cell, run, seed, set: { ...options.set, ...cell.knobs } });
        done += 1;
        options.onProgress?.(done, mine.length);
        return result;
      }),
    );
    return { scenario: { file: source.file, name: scenario.name }, grid, seeds, cells, ...(options.shard ? { shard: options.shard } : {}), runs };
  } finally {
    if (!options.runner) await pool.close();
  }
}
