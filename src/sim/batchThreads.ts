/**
 * Batches of a run played by several threads at once, this one among them: each thread takes the
 * next batch no thread has taken yet (shard.ts's `claimed`) and plays it as one thread plays its
 * batches (batchPlay.ts), into a folder of its own (spooledOnThreads.ts) or counted for its
 * figures alone (figuresOnThreads.ts). Nothing but keys, accounts, apps and figures' totals crosses
 * between threads: records stay in their files, or are not kept at all.
 */
import type { Scenario } from '../scenario/types.ts';
import { type BatchProgress, type CountedBatch, countBatches, type PlayedBatch, playBatches } from './batchPlay.ts';
import { claimed, sharedClaims } from './shard.ts';
import { stopping } from './threadStop.ts';
import { besideModule, oneMessageThread, stoppingOthersOnFailure } from './threadPool.ts';

/** The batches to play: the scenario, how many batches it is played in, and the folder their folders go in (none: counted for their figures alone). */
export interface Batches {
  /** Carried whole to each thread (plain data, structured-cloned), so that no thread reads a file or parses it again (3.7 s of 100,000 apps). */
  scenario: Scenario;
  count: number;
  dir?: string;
}

/** What a thread is given: its batches, and two counters shared by all threads (`SharedArrayBuffer`s): the batches taken so far (shard.ts's `sharedClaims`) and those played. */
export interface BatchTask extends Batches {
  claims: Int32Array;
  done: Int32Array;
}

/** How often the progress of other threads is read while this one waits for them, ms. */
const PROGRESS_EVERY = 250;

/** The batches `indexes` of the task, each played into its folder, or counted when the task has none; `played` after each. */
export function playTask(task: BatchTask, indexes: Iterable<number>, played: () => void): (CountedBatch | PlayedBatch)[] {
  const { scenario, dir, count } = task;
  return dir === undefined ? countBatches(scenario, scenario.policy, indexes, count, played) : playBatches(scenario, scenario.policy, dir, indexes, count, played);
}

/**
 * Plays the batches on `threads` threads (at least 2, and no more than the batches), in the order
 * of their index once all are played. `progress` hears how many batches all threads have played:
 * at once after each of this thread's, and every quarter of a second once this thread waits for
 * the others. If one thread fails, no thread takes another batch and the others are ended.
 */
export function playedOnThreads(batches: Batches & { dir: string }, threads: number, progress: BatchProgress): Promise<PlayedBatch[]>;
export function playedOnThreads(batches: Omit<Batches, 'dir'>, threads: number, progress: BatchProgress): Promise<CountedBatch[]>;
export async function playedOnThreads(batches: Batches, threads: number, progress: BatchProgress): Promise<(CountedBatch | PlayedBatch)[]> {
  const task: BatchTask = { ...batches, claims: sharedClaims(), done: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
  const tell = () => progress(Atomics.load(task.done, 0), task.count);
  tell();
  const { ending, stopAll } = stopping(task.claims);
  const others = Array.from({ length: threads - 1 }, (_, part) =>
    stoppingOthersOnFailure(stopAll, () => oneMessageThread<(CountedBatch | PlayedBatch)[]>(besideModule(import.meta.url, 'batchWorker'), task, `thread ${part + 1}'s batches`, ending)),
  );
  for (const other of others) other.catch(() => {});
  const mine = stoppingOthersOnFailure(stopAll, () =>
    playTask(task, claimed(task.claims, task.count), () => {
      Atomics.add(task.done, 0, 1);
      tell();
    }),
  );
  const telling = setInterval(tell, PROGRESS_EVERY);
  try {
    const theirs = await Promise.all(others);
    tell();
    return [...mine, ...theirs.flat()].sort((a, b) => a.index - b.index);
  } finally {
    clearInterval(telling);
  }
}
