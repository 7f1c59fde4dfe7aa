/**
 * A sweep's jobs on a queue: each carries the whole run (explore/sweepJob.ts: the scenario's
 * text, every file it names and the policy, inlined), the imsim version that made it and a hash
 * of the run, so a worker of another version refuses it instead of computing other numbers.
 */
import { createHash } from 'node:crypto';
import type { SweepJob } from '../sweepJob.ts';

/** The Redis set where a coordinator lists the queue of its sweep while it runs; workers watch it. */
export const SWEEP_QUEUES_KEY = 'imsim:sweep-queues';

export interface QueuedJob {
  version: string;
  hash: string;
  job: SweepJob;
}

export function jobHash(job: SweepJob): string {
  return createHash('sha256').update(JSON.stringify(job)).digest('hex');
}

/** One queue per sweep (its inputs' hash), so two sweeps on one Redis never mix; the same sweep run again finds its own. */
export function sweepQueueName(inputHash: string): string {
  return `imsim-sweep-${inputHash}`;
}

/** A job's id in its queue: the same cell and run always get the same id, so a restarted coordinator resumes. */
export function jobId(job: Pick<SweepJob, 'cell' | 'run'>): string {
  return `cell-${job.cell}-run-${job.run}`;
}

/** Why a worker refuses a job, or undefined when it may run it. */
export function refusal(data: QueuedJob, version: string): string | undefined {
  if (data.version !== version) return `the job was made by imsim ${data.version} and this worker runs imsim ${version}: start workers of the coordinator's version`;
  if (data.hash !== jobHash(data.job)) return 'the job does not match its hash: it was changed on the way';
  return undefined;
}
