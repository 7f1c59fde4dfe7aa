/**
 * `imsim worker`: runs the jobs of every sweep listed on a Redis (queue/runner.ts), K at a time
 * on threads of this machine (explore/pool.ts), on any machine that reaches the Redis. A job
 * carries everything it needs: the worker reads no file, and refuses a job made by another
 * imsim version or changed on the way (queue/jobs.ts). A worker that dies mid-job leaves its job
 * stalled, and BullMQ hands it to another worker once its lock runs out.
 */
import { Redis } from 'ioredis';
import { UnrecoverableError, Worker } from 'bullmq';
import { runner } from '../pool.ts';
import type { RunResult } from '../sweepJob.ts';
import type { QueueSideOptions } from './address.ts';
import { type QueuedJob, refusal, SWEEP_QUEUES_KEY } from './jobs.ts';
import { outageReporter } from './runner.ts';

/** How often the list of sweeps is read. */
const WATCH_MS = 1000;
/** A job's lock: a worker that stops renewing it (killed) gives its job up after this long. */
export const LOCK_MS = 10_000;

export interface QueueWorkerOptions extends QueueSideOptions {
  concurrency: number;
}

export interface QueueWorker {
  close(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { connection } = options.address;
  const pool = runner(options.concurrency);
  const outage = outageReporter(options.address.shown, options.log);
  const watcher = new Redis(connection);
  watcher.on('error', outage.lost);
  watcher.on('ready', outage.back);
  const workers = new Map<string, Worker<QueuedJob, RunResult>>();
  const process = async (job: { data: QueuedJob; queueName: string }) => {
    const why = refusal(job.data, options.version);
    if (why) {
      options.log(`refused a job of ${job.queueName}: ${why}`);
      throw new UnrecoverableError(why);
    }
    return pool.run(job.data.job);
  };
  let closing = false;
  /**
   * Ends a reading that waits on Redis: a disconnected client leaves a command queued while Redis
   * was away unsettled for ever (ioredis 5), so close() cannot wait for the command itself.
   */
  let endReading = () => {};
  const ended = new Promise<never>((_, reject) => {
    endReading = () => reject(new Error('the worker is stopping'));
  });
  ended.catch(() => {});
  const watch = async () => {
    let names: string[];
    try {
      names = await Promise.race([watcher.smembers(SWEEP_QUEUES_KEY), ended]);
    } catch {
      return;
    }
    if (closing) return;
    for (const name of names) {
      if (workers.has(name)) continue;
      const worker = new Worker<QueuedJob, RunResult>(name, process, { connection, concurrency: options.concurrency, lockDuration: LOCK_MS, stalledInterval: LOCK_MS / 2 });
      worker.on('error', outage.lost);
      workers.set(name, worker);
      options.log(`working on ${name}`);
    }
    for (const [name, worker] of workers) {
      if (names.includes(name)) continue;
      workers.delete(name);
      await worker.close();
    }
  };
  /** The reading of the list in progress or last done: close() ends it and waits for it, so that none starts a worker or arms the timer after. */
  let reading = watch();
  await reading;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const again = () => {
    reading = watch().finally(() => {
      if (!closing) timer = setTimeout(again, WATCH_MS);
    });
  };
  timer = setTimeout(again, WATCH_MS);
  return {
    close: async () => {
      closing = true;
      clearTimeout(timer);
      endReading();
      watcher.disconnect();
      // A reading that ends now starts no worker; one closing the worker of a finished sweep is waited for, beside the others.
      await Promise.allSettled([reading, ...[...workers.values()].map((worker) => worker.close())]);
      await pool.close();
    },
  };
}
