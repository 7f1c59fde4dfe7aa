/**
 * A run for its figures alone on several threads (`imsim run --summary --workers K`), apart from
 * figuresRun.ts so that what runs in a browser (a sweep's runs) does not load the threads.
 */
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { reportOfBatches } from './batchedRun.ts';
import type { BatchProgress } from './batchPlay.ts';
import { batchesOnThreads, checkCount, MEMORY_BATCH_APPS } from './batchCount.ts';
import { playedOnThreads } from './batchThreads.ts';
import { batchedFiguresRun } from './figuresRun.ts';

/**
 * `batchedFiguresRun` on `threads` threads (`imsim run --summary --workers K`): the batches, as
 * many as a run in memory plays (`batchesOnThreads` with `MEMORY_BATCH_APPS`), shared among the
 * threads as they come (batchThreads.ts), and only their accounts, apps and figures' totals sent
 * back. The same report; nothing is written. `progress` hears how many batches all threads have
 * played.
 */
export async function figuresRunOnThreads(scenario: Scenario, threads: number, progress: BatchProgress = () => {}): Promise<Report> {
  checkCount('figuresRunOnThreads', 'threads', threads);
  const count = batchesOnThreads(scenario, threads, MEMORY_BATCH_APPS);
  const parts = Math.min(threads, count);
  if (parts <= 1) return batchedFiguresRun(scenario, count, scenario.policy, progress);
  return reportOfBatches(await playedOnThreads({ scenario, count }, parts, progress));
}
