/**
 * Where a sweep's jobs run: in this thread, or on a pool of worker threads (piscina) over the
 * machine's cores. Results do not depend on which: every job is a pure function of its input.
 */
import { availableParallelism } from 'node:os';
import { besideModule, threadPool } from '../sim/threadPool.ts';
import type { Runner } from './sweepCore.ts';
import { type RunResult, runSweepJob, type SweepJob } from './sweepJob.ts';

export type { Runner } from './sweepCore.ts';

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A Runner for a sweep's jobs: one at a time in this thread when `workers` is 1 or less, else on a
 * pool of that many worker threads. Close it when done.
 */
export function runner(workers: number): Runner {
  if (workers <= 1) {
    // One job at a time, letting the event loop turn between them (a progress bar redraws).
    let queue = Promise.resolve();
    const run = (job: SweepJob) => {
      const result = queue.then(() => new Promise<RunResult>((resolve) => setImmediate(() => resolve(runSweepJob(job)))));
      queue = result.then(() => undefined);
      return result;
    };
    return { run, close: async () => {} };
  }
  const pool = threadPool<SweepJob, RunResult>(besideModule(import.meta.url, 'sweepWorker'), workers);
  return { run: (job) => pool.run(job), close: () => pool.destroy() };
}
