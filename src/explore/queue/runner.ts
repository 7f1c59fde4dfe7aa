/**
 * A sweep's runs on a BullMQ queue (explore/sweepCore.ts's Runner): each (cell, run) is a job
 * with an id of its own, so a coordinator restarted with the same arguments finds the jobs it
 * added, and the results of those already done, instead of starting over. A run is settled
 * from its job's state in Redis when the queue's events say it finished, and, in case an event
 * was missed while Redis was away, when Redis comes back and every few seconds. The queue is listed
 * in Redis while the sweep runs, for workers to find (queue/worker.ts), and removed when the
 * coordinator closes it after the sweep.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { Runner } from '../sweepCore.ts';
import type { RunResult, SweepJob } from '../sweepJob.ts';
import type { QueueSideOptions } from './address.ts';
import { jobHash, jobId, type QueuedJob, SWEEP_QUEUES_KEY } from './jobs.ts';

/** A job that throws (not one whose scenario is refused: that is a result) is tried this many times. */
export const JOB_ATTEMPTS = 3;

export interface QueueRunnerOptions extends QueueSideOptions {
  name: string;
}

export interface QueueRunner extends Runner {
  /** Runs in progress on workers now, and runs that failed (a job is tried JOB_ATTEMPTS times). */
  counts(): Promise<{ running: number; failed: number }>;
  /** Removes the sweep's queue and its jobs: call once every result is written. */
  finish(): Promise<void>;
}

/** Reports a lost connection once per outage, with the redacted address. */
export function outageReporter(shown: string, log: (line: string) => void): { lost: (error: Error) => void; back: () => void } {
  let down = false;
  return {
    lost: (error) => {
      if (down) return;
      down = true;
      log(`waiting for Redis at ${shown} (${error.message}); retrying`);
    },
    back: () => {
      if (!down) return;
      down = false;
      log(`Redis at ${shown} is back; going on`);
    },
  };
}

/** A run whose job is no longer in Redis. */
const JOB_GONE = 'its job is no longer on the queue (removed, or lost when Redis restarted without its data); run the same command again';

/** Every so often the state of each run still awaited is read from Redis: an event missed while Redis was away cannot leave a run waiting for ever. */
const RECONCILE_MS = 10_000;

export async function queueRunner(options: QueueRunnerOptions): Promise<QueueRunner> {
  const { connection } = options.address;
  const queue = new Queue<QueuedJob, RunResult>(options.name, { connection });
  const events = new QueueEvents(options.name, { connection });
  const outage = outageReporter(options.address.shown, options.log);
  const awaited = new Map<string, { job: SweepJob; resolve: (result: RunResult) => void }>();
  const failure = (job: SweepJob, error: string): RunResult => ({ cell: job.cell, run: job.run, seed: job.seed, error });
  const outcome = (job: SweepJob, state: 'completed' | 'failed', found: Job<QueuedJob, RunResult>): RunResult => {
    if (state === 'failed') return failure(job, `failed on the queue after ${JOB_ATTEMPTS} attempts: ${found.failedReason}`);
    return found.returnvalue ?? failure(job, 'completed on the queue without a result (by a worker that is not imsim\'s?)');
  };
  /**
   * Settles a run from its job's state in Redis, if the job is done (completed, or failed for
   * good) or gone (removed, or lost with a Redis that keeps no data). The state is read before
   * the job: it is final once reached, whereas a job read first could still be active, without
   * its result, when the state read after says completed.
   */
  const settle = async (id: string) => {
    const waiting = awaited.get(id);
    const state = waiting ? await queue.getJobState(id) : undefined;
    if (!waiting || (state !== 'completed' && state !== 'failed' && state !== 'unknown')) return;
    const found = state === 'unknown' ? undefined : await Job.fromId<QueuedJob, RunResult>(queue, id);
    if (!awaited.has(id)) return;
    awaited.delete(id);
    waiting.resolve(found && state !== 'unknown' ? outcome(waiting.job, state, found) : failure(waiting.job, JOB_GONE));
  };
  const reconcile = () => Promise.all([...awaited.keys()].map((id) => settle(id).catch(() => {})));
  queue.on('error', outage.lost);
  events.on('error', outage.lost);
  events.on('completed', ({ jobId: id }) => void settle(id).catch(() => {}));
  events.on('failed', ({ jobId: id }) => void settle(id).catch(() => {}));
  const registry = new Redis(connection);
  registry.on('error', outage.lost);
  registry.on('ready', () => {
    outage.back();
    void reconcile();
  });
  await registry.sadd(SWEEP_QUEUES_KEY, options.name);
  await events.waitUntilReady();
  const reconciling = setInterval(() => void reconcile(), RECONCILE_MS);
  return {
    run: async (job) => {
      const id = jobId(job);
      const result = new Promise<RunResult>((resolve) => awaited.set(id, { job, resolve }));
      await queue.add('run', { version: options.version, hash: jobHash(job), job }, { jobId: id, attempts: JOB_ATTEMPTS, backoff: { type: 'fixed', delay: 1000 } });
      // Done already (a coordinator started again finds the runs finished meanwhile), or done by now.
      await settle(id);
      return result;
    },
    counts: async () => {
      const { active, failed } = await queue.getJobCounts('active', 'failed');
      return { running: active ?? 0, failed: failed ?? 0 };
    },
    close: async () => {
      clearInterval(reconciling);
      await events.close();
      await queue.close();
      registry.disconnect();
    },
    finish: async () => {
      await registry.srem(SWEEP_QUEUES_KEY, options.name);
      await queue.obliterate({ force: true });
    },
  };
}
