/**
 * A run written out as it goes (spooledRun.ts) on several threads (`imsim run --workers K
 * --format json|csv --out DIR`): its batches of accounts (batchedRun.ts) dealt to K threads, this
 * one among them, each playing its share one batch after another into the batches' folders.
 * The batches are then merged as those of one thread are, for the same report, byte for byte.
 * Nothing but keys, accounts, apps and figures' totals crosses between threads: the records stay
 * in their files.
 */
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergedBatches } from './batchedRun.ts';
import { type BatchProgress, type PlayedBatch, playBatches } from './batchPlay.ts';
import { batchesFor, checkSpoolable, type SpooledReport, spooledRun } from './spooledRun.ts';
import { dealt } from './shard.ts';
import { besideModule, oneMessageThread, stoppingOthersOnFailure } from './threadPool.ts';

/**
 * What a thread is given: the scenario as this thread parsed it, carried whole (plain data,
 * structured-cloned), so that the thread neither reads a file nor parses it again (3.7 s of
 * 100,000 apps), and its batches.
 */
export interface BatchTask {
  scenario: Scenario;
  /** The folder the batches' folders go in. */
  dir: string;
  indexes: number[];
  count: number;
  /** The batches played so far by every thread, one counter shared by all (a `SharedArrayBuffer`). */
  done: Int32Array;
}

/** How often the progress of other threads is read while this one waits for them, ms. */
const PROGRESS_EVERY = 250;

/** The batches of a run on `threads` threads: as many as one thread plays (`batchesFor`) rounded up to a multiple of `threads`, so that every thread has as many to play; no more than the accounts. */
export function batchesOnThreads(scenario: Parameters<typeof batchesFor>[0], threads: number): number {
  return Math.min(Math.ceil(batchesFor(scenario) / threads) * threads, scenario.accounts.length);
}

/**
 * Runs `scenarioOf(source, options)` with its records written into `dir` (an empty folder of its
 * own) on `threads` threads, in `batchesOnThreads(scenario, threads)` batches. `scenario`,
 * when the caller has it already, saves parsing it once more. `progress` hears how many batches
 * all threads have played: at once after each of this thread's, and every quarter of a second
 * once this thread waits for the others.
 */
export async function spooledRunOnThreads(
  source: ScenarioSource,
  options: SourceOptions,
  dir: string,
  threads: number,
  scenario: Scenario = scenarioOf(source, options),
  progress: BatchProgress = () => {},
): Promise<SpooledReport> {
  checkSpoolable(scenario);
  const count = batchesOnThreads(scenario, threads);
  const parts = Math.min(threads, count);
  if (parts <= 1) return spooledRun(scenario, dir, scenario.policy, count, progress);
  const done = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const tell = () => progress(Atomics.load(done, 0), count);
  tell();
  const stop = new AbortController();
  const others = Array.from({ length: parts - 1 }, (_, part) => {
    const task: BatchTask = { scenario, dir, indexes: dealt(count, parts, part + 1), count, done };
    return oneMessageThread<PlayedBatch[]>(besideModule(import.meta.url, 'batchWorker'), task, `batches ${task.indexes.join(', ')}`, stop.signal);
  });
  for (const other of others) other.catch(() => {});
  const mine = stoppingOthersOnFailure(stop, () =>
    playBatches(scenario, scenario.policy, dir, dealt(count, parts, 0), count, () => {
      Atomics.add(done, 0, 1);
      tell();
    }),
  );
  const telling = setInterval(tell, PROGRESS_EVERY);
  try {
    const theirs = await Promise.all(others);
    tell();
    return mergedBatches([...mine, ...theirs.flat()]);
  } finally {
    clearInterval(telling);
  }
}
