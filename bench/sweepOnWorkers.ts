/** A sweep as `imsim sweep` plays it (a fresh pool each time, nothing warmed up), timed on 1 worker and on 2, checked to give the same bytes. */
import { sweep } from '../src/explore/sweep.ts';
import { sweepFiles } from '../src/explore/sweepFiles.ts';
import type { Knob } from '../src/explore/grid.ts';
import type { ScenarioSource } from '../src/scenario/source.ts';

/** Wall time, ms, of the sweep on 1 worker and on 2; throws if their runs.csv differ (`what` names the sweep). */
export async function sweepOnOneAndTwo(source: ScenarioSource, grid: Knob[], runs: number, what: string): Promise<{ one: number; two: number }> {
  const timed = async (workers: number) => {
    const started = performance.now();
    const result = await sweep(source, grid, { runs, workers });
    return { ms: performance.now() - started, csv: sweepFiles(result)['runs.csv'] };
  };
  const one = await timed(1);
  const two = await timed(2);
  if (one.csv !== two.csv) throw new Error(`${what} with 2 workers differs from the one with 1`);
  return { one: one.ms, two: two.ms };
}
