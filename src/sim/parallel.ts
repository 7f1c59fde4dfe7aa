/**
 * A run in memory over worker threads (`imsim run --workers K`): the scenario's accounts dealt to
 * shards (shard.ts), played one after another on each thread (this one among them), and their
 * records merged back in the order of the whole run (shardMerge.ts). The report is byte for
 * byte the one `simulate` gives.
 */
import type { Report } from '../report/types.ts';
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergeShardRecords } from './shardMerge.ts';
import { runShards, type ShardResult } from './shardRun.ts';
import { dealt } from './shard.ts';
import { batchesOnThreads } from './spooledOnThreads.ts';
import { policyZone, reportOf, simulate } from './simulate.ts';
import { besideModule, oneMessageThread, stoppingOthersOnFailure } from './threadPool.ts';

/**
 * What a shard's thread is given: the scenario as this thread parsed it, carried whole (plain
 * data, structured-cloned), so that the thread neither reads a file nor parses it again, and the
 * shards it plays one after another, of `count`.
 */
export interface ShardTask {
  scenario: Scenario;
  indexes: number[];
  count: number;
}

/**
 * Simulates `scenario` (by default `scenarioOf(source, options)`) over `threads` threads (no
 * more than it has accounts): its accounts dealt to `batches` shards (by default as many as a run
 * written out as it goes plays, `batchesOnThreads`), shard i played on thread i mod threads, one
 * after another, so that each thread holds no more than a batch's apps at once. On one thread it
 * is `simulate` itself, played whole: batches of 1,000 apps played one after another were no
 * faster there (the merge took what they gained) and held more (576 against 541 MB at 10,000
 * apps); on 2 threads, 10 batches took 7.3–8.4 s against 7.9–8.8 s for 2 (BENCHMARKS.md).
 */
export async function simulateOnThreads(
  source: ScenarioSource,
  options: SourceOptions,
  threads: number,
  scenario: Scenario = scenarioOf(source, options),
  batches = batchesOnThreads(scenario, threads),
): Promise<Report> {
  for (const [name, value] of Object.entries({ threads, batches })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`simulateOnThreads: ${name} must be a whole number of at least 1, not ${value}`);
  }
  const threadCount = Math.min(threads, scenario.accounts.length);
  if (threadCount <= 1) return simulate(scenario);
  const count = Math.max(threadCount, Math.min(batches, scenario.accounts.length));
  const shares = Array.from({ length: threadCount }, (_, thread) => dealt(count, threadCount, thread));
  const stop = new AbortController();
  const others = Array.from({ length: threadCount - 1 }, (_, index) => {
    const task: ShardTask = { scenario, indexes: shares[index + 1], count };
    return oneMessageThread<ShardResult[]>(besideModule(import.meta.url, 'shardWorker'), task, `shards ${task.indexes.join(', ')}`, stop.signal);
  });
  for (const other of others) other.catch(() => {});
  const first = stoppingOthersOnFailure(stop, () => runShards(scenario, shares[0], count));
  const played = [first, ...(await Promise.all(others))];
  const results: ShardResult[] = [];
  shares.forEach((indexes, thread) => {
    indexes.forEach((index, turn) => {
      results[index] = played[thread][turn];
    });
  });
  return reportOf(scenario, mergeShardRecords(results), policyZone(scenario.policy));
}
