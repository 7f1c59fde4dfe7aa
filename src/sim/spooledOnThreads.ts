/**
 * A run written out as it goes (spooledRun.ts) on several threads (`imsim run --workers K
 * --format json|csv --out DIR`): its batches of accounts (batchedRun.ts) played by K threads, this
 * one among them, each taking the next batch no thread has taken yet into its folder.
 * The batches are then merged as those of one thread are, for the same report, byte for byte.
 * Nothing but keys, accounts, apps and figures' totals crosses between threads: the records stay
 * in their files.
 */
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergedBatches } from './batchedRun.ts';
import { type BatchProgress, type PlayedBatch, playBatches } from './batchPlay.ts';
import { checkSpoolable, type SpooledReport, spooledRun } from './spooledRun.ts';
import { batchesOnThreads } from './batchCount.ts';
import { claimed, sharedClaims } from './shard.ts';
import { stopping } from './threadStop.ts';
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
  /** The batches taken so far by every thread, one counter shared by all (shard.ts's `sharedClaims`). */
  claims: Int32Array;
  count: number;
  /** The batches played so far by every thread, one counter shared by all (a `SharedArrayBuffer`). */
  done: Int32Array;
}

/** How often the progress of other threads is read while this one waits for them, ms. */
const PROGRESS_EVERY = 250;

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
  const claims = sharedClaims();
  const done = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const tell = () => progress(Atomics.load(done, 0), count);
  tell();
  const { ending, stopAll } = stopping(claims);
  const others = Array.from({ length: parts - 1 }, (_, part) => {
    const task: BatchTask = { scenario, dir, claims, count, done };
    return stoppingOthersOnFailure(stopAll, () => oneMessageThread<PlayedBatch[]>(besideModule(import.meta.url, 'batchWorker'), task, `thread ${part + 1}'s batches`, ending));
  });
  for (const other of others) other.catch(() => {});
  const mine = stoppingOthersOnFailure(stopAll, () =>
    playBatches(scenario, scenario.policy, dir, claimed(claims, count), count, () => {
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
