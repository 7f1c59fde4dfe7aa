/**
 * `npm run bench`, sweeps: 20 cells of scenarios/population-grace.yaml (grace 1 … 20 days) × 5
 * runs, as `imsim sweep` runs them (a fresh pool each time, nothing warmed up), with 1 worker
 * and with 2, in the same run; the speed-up of 2 over 1, and the machine's cores. The two
 * results are checked to be the same bytes.
 */
import { availableParallelism } from 'node:os';
import { parseGrid } from '../src/explore/grid.ts';
import { readScenarioSource, scenarioOf } from '../src/scenario/source.ts';
import { sweep } from '../src/explore/sweep.ts';
import { sweepFiles } from '../src/explore/sweepFiles.ts';

const RUNS = 5;
const source = readScenarioSource('scenarios/population-grace.yaml');
const grid = parseGrid([`lifecycle.grace.days=${Array.from({ length: 20 }, (_, day) => day + 1).join(',')}`], scenarioOf(source).policy);

async function timed(workers: number): Promise<{ ms: number; csv: string }> {
  const started = performance.now();
  const runs = await sweep(source, grid, { runs: RUNS, workers });
  return { ms: performance.now() - started, csv: sweepFiles(runs)['runs.csv'] };
}

const one = await timed(1);
const two = await timed(2);
if (one.csv !== two.csv) throw new Error('the sweep with 2 workers differs from the one with 1');
console.log(`sweep of 20 cells × ${RUNS} runs: 1 worker ${(one.ms / 1000).toFixed(1)} s, 2 workers ${(two.ms / 1000).toFixed(1)} s`);
console.log(`speed-up of 2 workers over 1: ${(one.ms / two.ms).toFixed(2)}× (${availableParallelism()} cores)`);
