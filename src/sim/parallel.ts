/**
 * A run over worker threads (`imsim run --workers K`): the scenario's accounts dealt to K shards
 * (shard.ts); shard 0 is simulated in this thread while the others run on threads of their own,
 * and their records are merged back in the order of the whole run (shardMerge.ts). The report
 * is byte for byte the one `simulate` gives. This thread is busy with its shard meanwhile.
 */
import type { Report } from '../report/types.ts';
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergeShardRecords } from './shardMerge.ts';
import { runShard, type ShardResult } from './shardRun.ts';
import { policyZone, reportOf, simulate } from './simulate.ts';
import { besideModule, oneMessageThread, stoppingOthersOnFailure } from './threadPool.ts';

/**
 * What a shard's thread is given: the scenario as this thread parsed it, carried whole (plain
 * data, structured-cloned), so that the thread neither reads a file nor parses it again.
 */
export interface ShardTask {
  scenario: Scenario;
  index: number;
  count: number;
}

/**
 * Simulates `scenarioOf(source, options)` over `threads` threads (no more than it has accounts);
 * `scenario`, when the caller has it already, saves parsing it once more.
 */
export async function simulateOnThreads(
  source: ScenarioSource,
  options: SourceOptions,
  threads: number,
  scenario: Scenario = scenarioOf(source, options),
): Promise<Report> {
  const count = Math.min(threads, scenario.accounts.length);
  if (count <= 1) return simulate(scenario);
  const stop = new AbortController();
  const others = Array.from({ length: count - 1 }, (_, index) => {
    const task: ShardTask = { scenario, index: index + 1, count };
    return oneMessageThread<ShardResult>(besideModule(import.meta.url, 'shardWorker'), task, `shard ${task.index}`, stop.signal);
  });
  for (const other of others) other.catch(() => {});
  const first = stoppingOthersOnFailure(stop, () => runShard(scenario, { index: 0, count }));
  const results = [first, ...(await Promise.all(others))];
  return reportOf(scenario, mergeShardRecords(results), policyZone(scenario.policy));
}
