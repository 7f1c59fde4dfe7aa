/**
 * `npm run bench`, exploration at the scale of a population: a sweep of the benchmark population
 * of about 10,000 apps over two years (2 cells of grace × 2 runs, as `imsim sweep` plays it, with
 * 1 worker and with 2, checked to be the same bytes) and a compare of it (grace 7 against 14
 * days, as `imsim compare` plays it, on one thread and with B on a second); the app-days per
 * second of each, over all its runs.
 */
import { cellsOf, parseGrid } from '../src/explore/grid.ts';
import { compare } from '../src/explore/compare.ts';
import { compareOnThreads } from '../src/explore/compareOnThreads.ts';
import { sweepOnOneAndTwo } from './sweepOnWorkers.ts';
import { applyOverrides } from '../src/policy/overrides.ts';
import { scenarioOf } from '../src/scenario/source.ts';
import { appCount, appDaysOf, benchPopulation } from './population.ts';

const APPS = 10_000;
const RUNS = 2;
const source = { file: `bench-${APPS}.yaml`, text: benchPopulation(APPS), files: {} };
const scenario = scenarioOf(source);
const grid = parseGrid(['lifecycle.grace.days=7,14'], scenario.policy);
const runAppDays = appDaysOf(scenario);
const perSecond = (appDays: number, ms: number) => Math.round(appDays / (ms / 1000)).toLocaleString('en-US');

const { one, two } = await sweepOnOneAndTwo(source, grid, RUNS, 'the sweep of the population');
const cells = cellsOf(grid).length;
const sweepAppDays = runAppDays * cells * RUNS;
console.log(`sweep of ${appCount(scenario)} apps, ${cells} cells × ${RUNS} runs: 1 worker ${(one / 1000).toFixed(1)} s (${perSecond(sweepAppDays, one)} app-days/s), 2 workers ${(two / 1000).toFixed(1)} s (${perSecond(sweepAppDays, two)} app-days/s)`);

const [a, b] = [7, 14].map((days) => applyOverrides(scenario.policy, { 'lifecycle.grace.days': days }));
const timed = async (play: () => unknown) => {
  const started = performance.now();
  await play();
  return performance.now() - started;
};
const onOne = await timed(() => compare(scenario, a, b, { records: 'compared' }));
const onTwo = await timed(() => compareOnThreads(scenario, a, b, { records: 'compared' }));
console.log(
  `compare of ${appCount(scenario)} apps, grace 7 against 14 days: one thread ${(onOne / 1000).toFixed(1)} s (${perSecond(runAppDays * 2, onOne)} app-days/s), ` +
    `B on a second thread ${(onTwo / 1000).toFixed(1)} s (${perSecond(runAppDays * 2, onTwo)} app-days/s)`,
);
