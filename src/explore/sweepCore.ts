/**
 * The sweep itself, wherever its jobs run: every cell of a grid of knob values × `runs` Monte
 * Carlo runs (seeds s … s + runs − 1, the same seeds in every cell; run 0 is the scenario as
 * written), handed to a Runner, with a progress callback. The runs come back in the order of
 * (cell, run) whatever the order they finished in, so the result does not depend on the
 * runner. With `shard: { index, count }` only the (cell, run) pairs whose number n
 * (cell × runs + run) has n mod count = index − 1 are run: merge.ts joins the shards. Nothing
 * here needs node: the browser runs it with Web Workers as the runner (ui/explore).
 */
import { type Cell, cellsOf, type Knob } from './grid.ts';
import { type ScenarioSource, scenarioOf } from '../scenario/source.ts';
import type { RunResult, SweepJob } from './sweepJob.ts';

/** Where a sweep's jobs run: a thread, a pool of threads or Web Workers, a queue. */
export interface Runner {
  run(job: SweepJob): Promise<RunResult>;
  close(): Promise<void>;
}

export interface SweepCoreOptions {
  runs: number;
  /** The first seed (default: the scenario's). */
  seed?: number;
  /** Knobs set in every cell, before the cell's own. */
  set?: Record<string, unknown>;
  shard?: { index: number; count: number };
  onProgress?: (done: number, total: number) => void;
}

/** The runs of a sweep, or of one shard of it: its scenario, grid, seeds and cells, and each run's result. */
export interface SweepRuns {
  scenario: { file: string; name: string };
  grid: Knob[];
  seeds: number[];
  cells: Cell[];
  shard?: { index: number; count: number };
  /** Sorted by cell, then run. */
  runs: RunResult[];
}

export async function sweepWith(pool: Runner, source: ScenarioSource, grid: Knob[], options: SweepCoreOptions): Promise<SweepRuns> {
  const scenario = scenarioOf(source, { seed: options.seed, set: options.set });
  const seeds = Array.from({ length: options.runs }, (_, run) => scenario.seed + run);
  const cells = cellsOf(grid);
  const pairs = cells.flatMap((cell) => seeds.map((seed, run) => ({ cell, run, seed, n: cell.cell * options.runs + run })));
  const mine = options.shard ? pairs.filter(({ n }) => n % (options.shard?.count ?? 1) === (options.shard?.index ?? 1) - 1) : pairs;
  let done = 0;
  options.onProgress?.(0, mine.length);
  const runs = await Promise.all(
    mine.map(async ({ cell, run, seed }) => {
      const result = await pool.run({ source, cell: cell.cell, run, seed, set: { ...options.set, ...cell.knobs } });
      done += 1;
      options.onProgress?.(done, mine.length);
      return result;
    }),
  );
  return { scenario: { file: source.file, name: scenario.name }, grid, seeds, cells, ...(options.shard ? { shard: options.shard } : {}), runs };
}
