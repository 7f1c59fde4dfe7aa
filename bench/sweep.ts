/**
 * `npm run bench`, sweeps: 20 cells of scenarios/population-grace.yaml (grace 1 … 20 days) × 5
 * runs, as `imsim sweep` runs them (a fresh pool each time, nothing warmed up), with 1 worker
 * and with 2, in the same run; the speed-up of 2 over 1, and the machine's cores. The two
 * results are checked to be the same bytes.
 */
import { availableParallelism } from 'node:os';
import { parseGrid } from '../src/explore/grid.ts';
import { readScenarioSource, scenarioOf } from '../src/scenario/source.ts';
import { sweepOnOneAndTwo } from './sweepOnWorkers.ts';

const RUNS = 5;
const source = readScenarioSource('scenarios/population-grace.yaml');
const grid = parseGrid([`lifecycle.grace.days=${Array.from({ length: 20 }, (_, day) => day + 1).join(',')}`], scenarioOf(source).policy);

const { one, two } = await sweepOnOneAndTwo(source, grid, RUNS, 'the sweep');
console.log(`sweep of 20 cells × ${RUNS} runs: 1 worker ${(one / 1000).toFixed(1)} s, 2 workers ${(two / 1000).toFixed(1)} s`);
console.log(`speed-up of 2 workers over 1: ${(one / two).toFixed(2)}× (${availableParallelism()} cores)`);
