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
import type { BatchProgress } from './batchPlay.ts';
import { checkSpoolable, type SpooledReport, spooledRun } from './spooledRun.ts';
import { batchesOnThreads } from './batchCount.ts';
import { playedOnThreads } from './batchThreads.ts';

/**
 * Runs `scenarioOf(source, options)` with its records written into `dir` (an empty folder of its
 * own) on `threads` threads, in `batchesOnThreads(scenario, threads)` batches (batchThreads.ts).
 * `scenario`, when the caller has it already, saves parsing it once more. `progress` hears how
 * many batches all threads have played.
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
  return mergedBatches(await playedOnThreads({ scenario, count, dir }, parts, progress));
}
