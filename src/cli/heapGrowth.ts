/**
 * How far the command lets V8's heap grow between full collections. By default, on a machine
 * with memory to spare, V8 lets the old generation grow to about four times what survived the
 * last full collection. A run of a population keeps a large, long-lived set (actors, orders,
 * figures) and allocates fast, so its peak RSS was mostly garbage: the 10,000-app benchmark
 * population peaked at 983 MB in memory and 937 MB written as it goes, with about 170 MB live at
 * the end. Growing by half instead gave 656 MB and 535 MB for the same time within the machine's
 * noise (BENCHMARKS.md). It is a soft setting: the heap still grows as far as the run needs.
 * Larger populations gain as much: written as they go, 30,000 apps peaked at 1,145 MB instead of
 * 2,113 MB, 100,000 apps at 3,404 MB instead of 3,895 MB, within a tenth of the time.
 *
 * A run in memory, resume or sweep of a large population grows it by a quarter once its scenario
 * is known: 100,000 apps written as they go (before they were played in batches) peaked at
 * 1,961 MB instead of 2,189 MB, in 436 s against 471 s (one run each, an hour apart), and 30,000
 * at 826 MB instead of 940 MB, in 117 s against 110 s. At 10,000 apps a quarter saved 30–40 MB for
 * 2–3% more time, so smaller runs keep a half. A run written as it goes now plays its accounts in
 * batches (sim/batchedRun.ts, `batchesFor`), each on a heap of its own size, and keeps a half: at
 * 100,000 apps in batches of 5,000 a quarter made the batches' play 309 s instead of 257 s, for
 * 1,080 MB instead of 1,147 MB. A run in memory, on one thread or over threads, played in batches
 * too since 2026-12-07 (of about 250 apps, `MEMORY_BATCH_APPS`), still grows by a quarter from
 * 30,000 apps: not measured with batches (at 30,000 apps in 120 batches it peaked at 902–908 MB).
 */
import { setFlagsFromString } from 'node:v8';
import { appCount } from '../scenario/appCount.ts';

export const HEAP_GROWING_PERCENT = 50;

/** From this many apps on, a run lets its heap grow by `LARGE_RUN_GROWING_PERCENT` only. */
export const LARGE_RUN_APPS = 30_000;
export const LARGE_RUN_GROWING_PERCENT = 25;

const FLAG = '--heap-growing-percent';

/**
 * Lets the heap grow by `HEAP_GROWING_PERCENT` between full collections, unless node was started
 * with a growth of its own (`node --heap-growing-percent=N`). V8 reads the setting at each full
 * collection, so it applies from the next one on, to this thread and to every worker thread.
 */
export function growHeapByHalf(execArgv: readonly string[] = process.execArgv, setFlags = setFlagsFromString): void {
  if (givenToNode(execArgv)) return;
  setFlags(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}

/**
 * A run of the scenario in memory (`imsim run`, `resume`, `sweep`): from `LARGE_RUN_APPS` apps on,
 * the heap grows by a quarter (unless node was given a growth).
 */
export function growHeapForRun(scenario: { accounts: Parameters<typeof appCount>[0] }, execArgv: readonly string[] = process.execArgv, setFlags = setFlagsFromString): void {
  if (givenToNode(execArgv) || appCount(scenario.accounts) < LARGE_RUN_APPS) return;
  setFlags(`${FLAG}=${LARGE_RUN_GROWING_PERCENT}`);
}

function givenToNode(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`));
}
