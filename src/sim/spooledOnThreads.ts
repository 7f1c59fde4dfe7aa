/**
 * A run written out as it goes (spooledRun.ts) on several threads (`imsim run --workers K
 * --format json|csv --out DIR`): its batches of accounts (batchedRun.ts) dealt to K threads, this
 * one among them, each playing its share one batch after another into the batches' folders.
 * The batches are then merged as those of one thread are, for the same report, byte for byte.
 * Nothing but keys, accounts, apps and figures' totals crosses between threads: the records stay
 * in their files.
 */
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergedBatches } from './batchedRun.ts';
import { type PlayedBatch, playBatches } from './batchPlay.ts';
import { batchesFor, canSpool, type SpooledReport, spooledRun } from './spooledRun.ts';
import { besideModule, oneMessageThread } from './threadPool.ts';

/** What a thread is given: the scenario carried whole, so that it reads no file, and its batches. */
export interface BatchTask {
  source: ScenarioSource;
  options: Omit<SourceOptions, 'setSource'>;
  /** The folder the batches' folders go in. */
  dir: string;
  indexes: number[];
  count: number;
}

/**
 * Runs `scenarioOf(source, options)` with its records written into `dir` (an empty folder of its
 * own) on `threads` threads, in as many batches as one thread would play it in (`batchesFor`),
 * and at least one per thread; `scenario`, when the caller has it already, saves parsing it once more.
 */
export async function spooledRunOnThreads(
  source: ScenarioSource,
  options: SourceOptions,
  dir: string,
  threads: number,
  scenario: Scenario = scenarioOf(source, options),
): Promise<SpooledReport> {
  if (!canSpool(scenario)) throw new Error(`${scenario.file} has expectations, which need its records in memory`);
  const count = Math.min(Math.max(batchesFor(scenario), threads), scenario.accounts.length);
  const parts = Math.min(threads, count);
  if (parts <= 1) return spooledRun(scenario, dir, scenario.policy, count);
  const share = (part: number) => Array.from({ length: count }, (_, index) => index).filter((index) => index % parts === part);
  const { setSource: _, ...carried } = options;
  const others = Array.from({ length: parts - 1 }, (_, part) => {
    const task: BatchTask = { source, options: carried, dir, indexes: share(part + 1), count };
    return oneMessageThread<PlayedBatch[]>(besideModule(import.meta.url, 'batchWorker'), task, `batches ${task.indexes.join(', ')}`);
  });
  for (const other of others) other.catch(() => {});
  const mine = playBatches(scenario, scenario.policy, dir, share(0), count);
  return mergedBatches([...mine, ...(await Promise.all(others)).flat()]);
}
