/**
 * Batches of a run played by several threads at once, this one among them: each thread takes the
 * next batch no thread has taken yet (shard.ts's `claimed`) and plays it as one thread plays its
 * batches (batchPlay.ts), into a folder of its own (spooledOnThreads.ts) or counted for its
 * figures alone (figuresOnThreads.ts). Nothing but keys, accounts, apps and figures' totals crosses
 * between threads: records stay in their files, or are not kept at all.
 *
 * The other threads are a pool kept for the process (`batchThreads`): a run after the first
 * finds them with the engine loaded and compiled, as this thread has it. Idle, they do not keep
 * the process alive.
 */
import type { Scenario } from '../scenario/types.ts';
import { type BatchProgress, type CountedBatch, countBatches, type PlayedBatch, playBatches } from './batchPlay.ts';
import { claimed, sharedClaims } from './shard.ts';
import { stopping } from './threadStop.ts';
import { besideModule, stoppingOthersOnFailure, threadPool } from './threadPool.ts';

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

/** The threads that play batches besides this one (a pool, piscina's, of their own). */
export interface BatchThreads {
  /** Plays the task's batches on the next idle thread, until none is left to take; the thread is ended if `signal` is aborted. */
  run(task: BatchTask, signal: AbortSignal): Promise<(CountedBatch | PlayedBatch)[]>;
  /** The threads' ids (`threadId`). */
  readonly ids: number[];
  /** Ends the threads. */
  end(): Promise<void>;
}

/** The threads of the runs before, and how many they are. */
let kept: { count: number; threads: BatchThreads } | undefined;

/**
 * The `count` threads that play batches besides this one: those of a run before when it had as
 * many, else new ones (the old ones ended). Started, they load the engine while this thread goes
 * on, so `imsim run --workers K` asks for them before it parses the scenario.
 */
export function batchThreads(count: number): BatchThreads {
  if (kept?.count !== count) {
    void kept?.threads.end();
    const pool = threadPool<BatchTask, (CountedBatch | PlayedBatch)[]>(besideModule(import.meta.url, 'batchWorker'), count);
    const threads = {
      run: (task: BatchTask, signal: AbortSignal) => pool.run(task, { signal }),
      get ids() {
        return pool.threads.map((thread) => thread.threadId);
      },
      end: () => pool.destroy(),
    };
    kept = { count, threads };
  }
  return kept.threads;
}

/** Ends the threads `batchThreads` keeps, if any: for a program that has no more runs on threads to play and wants their memory back. */
export async function endBatchThreads(): Promise<void> {
  const ending = kept?.threads.end();
  kept = undefined;
  await ending;
}

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
  const pool = batchThreads(threads - 1);
  const others = Array.from({ length: threads - 1 }, () => stoppingOthersOnFailure(stopAll, () => pool.run(task, ending)));
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
