/** How many batches of accounts a run plays a population in, on one thread or several (shard.ts). */
import { appCount } from '../scenario/appCount.ts';

/**
 * A population of more than `BATCHED_ABOVE` apps is played in batches of accounts holding about
 * `BATCH_APPS` apps each when written out as it goes (batchedRun.ts), and `MEMORY_BATCH_APPS`
 * when it writes no files: held in memory (inBatches.ts) or counted for its summary alone
 * (`batchedFiguresRun`). A batch's apps, machines and queue fit the processor's caches, which a
 * whole population's do not, and the heap holds one batch at a time. Written out as it goes, the
 * benchmark population of 10,000 apps took 8.3–10.1 s in 10 batches on 2 threads against
 * 9.6–11.6 s in 2, and 418–429 MB against 535–590 MB; on one thread 10.0–12.1 s against
 * 10.6–12.5 s whole, 286–298 MB against 345–372 MB. 100,000 apps took 120.5 s in 100 batches
 * against 137.4 s in 20 of 5,000 apps, 982 against 994 MB (BENCHMARKS.md).
 */
export const BATCH_APPS = 1_000;

/**
 * A run that writes no files plays smaller batches, of about `MEMORY_BATCH_APPS` apps. Held in
 * memory (inBatches.ts, parallel.ts), the benchmark population of 10,000 apps took 7.9–11.8 s in
 * 40 batches against 9.2–14.1 s in 11, faster in 10 of 12 alternated pairs (means 10.0 and
 * 11.4 s), 30,000 apps 26.8 and 30.3 s in 120 batches against 35.6 and 37.1 s in 30, and on 2
 * threads 9.9–11.4 s against 10.3–11.5 s (3 pairs), for the same or less peak RSS. Counted for
 * its summary alone (`imsim run --summary`), 5.2–5.5 s in 40 batches against 6.7–7.1 s in 11
 * (4 pairs), 235–252 MB against 246–258 MB. Written out as it goes, 40 batches gained nothing in
 * three pairs (10.2–11.5 s against 10.2–10.3 s, more RSS) and 8.1–11.2 s against 9.1–12.2 s in
 * three more; and its merge reads a section's file of every batch at once, each through a read
 * buffer of 1 MB (400 MB for 400 batches at 100,000 apps), so that run keeps `BATCH_APPS`
 * (BENCHMARKS.md).
 */
export const MEMORY_BATCH_APPS = 250;

/** The most apps a population is played whole with (see `BATCH_APPS`). */
export const BATCHED_ABOVE = 2_000;

/** How many batches `imsim run` plays the scenario in: one per `batchApps` apps (`BATCH_APPS` written out as it goes, `MEMORY_BATCH_APPS` otherwise) above `BATCHED_ABOVE` apps, else 1. */
export function batchesFor(scenario: { accounts: Parameters<typeof appCount>[0] }, batchApps = BATCH_APPS): number {
  const apps = appCount(scenario.accounts);
  return apps > BATCHED_ABOVE ? Math.ceil(apps / batchApps) : 1;
}

/**
 * The batches of a run on `threads` threads: as many as one thread plays (`batchesFor`), and at
 * least one per thread; no more than the accounts. The threads take them as they come
 * (shard.ts's `claimed`), so their number need not divide among the threads.
 */
export function batchesOnThreads(scenario: Parameters<typeof batchesFor>[0], threads: number, batchApps = BATCH_APPS): number {
  return Math.min(Math.max(batchesFor(scenario, batchApps), threads), scenario.accounts.length);
}

/** Throws unless `value` (`caller`'s `name`) is a whole number of at least 1. */
export function checkCount(caller: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${caller}: ${name} must be a whole number of at least 1, not ${value}`);
}
