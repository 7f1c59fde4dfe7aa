/**
 * One measurement of `npm run bench`, in a process of its own so that its peak RSS is its own:
 * `tsx bench/measure.ts MODE APPS RUNS` prints one JSON line. The heap grows as `imsim run`
 * lets it for the population's size (cli/heapGrowth.ts), so that the peak RSS is the command's.
 *
 * - `engine`: the simulator on the benchmark population (population.ts), report included, as
 *   `imsim run` plays it in memory on one thread (`simulateInBatches`: above 2,000 apps in batches
 *   of about 250 apps, merged).
 * - `whole`: the same played whole on one clock (`simulate`), for the gain of the batches.
 * - `floor`: a plain loop that, for every app-day, draws one value per usage key the population
 *   uses from the same PRNG (seedrandom's ARC4, as the curves) and keeps each month's peak.
 * - `naive`: the naive design (naive.ts): the same app machine on XState's SimulatedClock, one
 *   tick per app per day.
 * - `spooled`: the simulator with its records written to files as it goes and its JSON report
 *   written to a file from them (`imsim run --format json --out`, sim/spooledRun.ts): no record
 *   held in memory, the accounts played in the batches of `batchesFor` (sim/batchedRun.ts), the
 *   heap growing by half whatever the size, as the command does.
 * - `threads`: the simulator in memory with the accounts shared among one worker thread per core
 *   (`imsim run --workers K`), each playing its share in batches, from the scenario's text: each
 *   thread's parsing, the merge and the report included.
 * - `spooledThreads`: as `spooled`, with the batches shared among one worker thread per core
 *   (`imsim run --workers K --format json --out`, sim/spooledOnThreads.ts).
 */
import { randomStream, streamName } from '../src/domain/randomStream.ts';
import { availableParallelism } from 'node:os';
import { InputError } from '../src/inputError.ts';
import { parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { simulateOnThreads } from '../src/sim/parallel.ts';
import { simulate } from '../src/sim/simulate.ts';
import { simulateInBatches } from '../src/sim/inBatches.ts';
import { type SpooledReport, spooledRun } from '../src/sim/spooledRun.ts';
import { batchesFor } from '../src/sim/batchCount.ts';
import { spooledRunOnThreads } from '../src/sim/spooledOnThreads.ts';
import { writeFileAtomic } from '../src/report/atomicWrite.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { naiveRun, proPeriods } from './naive.ts';
import { appCount, appDaysOf, benchPopulation } from './population.ts';
import { growHeapByHalf, growHeapForRun } from '../src/cli/heapGrowth.ts';

export interface Measurement {
  mode: string;
  apps: number;
  appDays: number;
  /** Wall time of each run, ms. */
  ms: number[];
  /** CPU time of each run, ms: user and system time of every thread of the process (V8's helpers that collect garbage and compile among them). */
  cpuMs: number[];
  /** Machine events (XState `@xstate.event`s of app actors) per app-month; engine only. */
  eventsPerAppMonth?: number;
  /** Peak resident memory through the first run (the population's parsing included): what one run needs, MB. */
  rssMB: number;
  /** Peak resident memory after every run: later runs in the same process also carry the garbage of those before, MB. */
  rssAllRunsMB: number;
}

/** The floor: one draw per used usage key per app-day, and each month's peak. */
function floor(scenario: Scenario): number {
  const days = appDaysOf(scenario) / appCount(scenario);
  let checksum = 0;
  for (const account of scenario.accounts) {
    for (const app of account.apps) {
      for (const key of Object.keys(app.usage)) {
        const stream = randomStream(streamName(scenario.seed, app.id, key, 'root'));
        let peak = 0;
        for (let day = 0; day < days; day += 1) {
          peak = Math.max(peak, stream.uniform());
          if (day % 30 === 29) [checksum, peak] = [checksum + peak, 0];
        }
      }
    }
  }
  return checksum;
}

function eventsPerAppMonth(scenario: Scenario): number {
  let events = 0;
  simulate(scenario, undefined, { trace: (machine, event) => (events += machine === 'app' && event.type === '@xstate.event' ? 1 : 0) });
  return events / (appDaysOf(scenario) / (365.25 / 12));
}

/** What `imsim run --format json --out DIR` does: the records spooled in DIR (`play` runs it there), the report written beside them, then removed. */
async function spooledToFile(play: (dir: string) => SpooledReport | Promise<SpooledReport>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'imsim-bench-'));
  try {
    const { jsonBytesOnce, close } = await play(dir);
    try {
      writeFileAtomic(join(dir, 'report.json'), jsonBytesOnce);
    } finally {
      close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The wall time and the CPU time of the work, ms. */
async function timed(work: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const [started, cpu] = [performance.now(), process.cpuUsage()];
  await work();
  const { user, system } = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (user + system) / 1000 };
}

function workOf(mode: string, text: string, scenario: Scenario): () => unknown {
  if (mode === 'floor') return () => floor(scenario);
  if (mode === 'naive') {
    const periods = proPeriods(scenario);
    return () => naiveRun(scenario, periods);
  }
  if (mode === 'spooled') return () => spooledToFile((dir) => spooledRun(scenario, dir, scenario.policy, batchesFor(scenario)));
  if (mode === 'spooledThreads') return () => spooledToFile((dir) => spooledRunOnThreads({ file: scenario.file, text, files: {} }, {}, dir, availableParallelism(), scenario));
  if (mode === 'threads') return () => simulateOnThreads({ file: scenario.file, text, files: {} }, {}, availableParallelism());
  if (mode === 'whole') return () => simulate(scenario);
  return () => simulateInBatches(scenario);
}

async function measure(mode: string, apps: number, runs: number): Promise<Measurement> {
  const text = benchPopulation(apps);
  const scenario = parseScenario(text, `bench-${apps}.yaml`);
  if (!mode.startsWith('spooled')) growHeapForRun(scenario);
  const work = workOf(mode, text, scenario);
  const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const times = [await timed(work)];
  const rssMB = peakMB();
  for (let run = 1; run < runs; run += 1) times.push(await timed(work));
  const events = mode === 'engine' && apps <= 1000 ? { eventsPerAppMonth: eventsPerAppMonth(scenario) } : {};
  const [ms, cpuMs] = [times.map((time) => time.ms), times.map((time) => time.cpuMs)];
  return { mode, apps: appCount(scenario), appDays: appDaysOf(scenario), ms, cpuMs, ...events, rssMB, rssAllRunsMB: peakMB() };
}

// Run as a program (or as bench/icMisses.ts's bundle of it), not imported.
if (/measure\.(ts|mjs)$/.test(process.argv[1] ?? '')) {
  const [mode, apps, runs] = process.argv.slice(2);
  growHeapByHalf();
  try {
    console.log(JSON.stringify(await measure(mode, Number(apps), Number(runs))));
  } catch (error) {
    console.error(error instanceof InputError ? `the loader refuses the population: ${error.message}` : String(error));
    process.exit(1);
  }
}
