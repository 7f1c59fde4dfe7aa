/** The worker thread of a sweep's pool (pool.ts): one job in, its result out. */
import { type RunResult, runSweepJob, type SweepJob } from './sweepJob.ts';

export default function runInWorker(job: SweepJob): RunResult {
  return runSweepJob(job);
}
