/**
 * A run in memory over worker threads (`imsim run --workers K`): the scenario's accounts shared
 * among shards (shard.ts), each thread (this one among them) taking the next shard no thread has
 * taken yet, and their records merged back in the order of the whole run (shardMerge.ts). The
 * report is byte for byte the one `simulate` gives.
 */
import type { Report } from '../report/types.ts';
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergeShardRecords } from './shardMerge.ts';
import { type PlayedShard, playShards, type ShardResult } from './shardRun.ts';
import { claimed, sharedClaims } from './shard.ts';
import { stopping } from './threadStop.ts';
import { batchesOnThreads, checkCount, MEMORY_BATCH_APPS } from './batchCount.ts';
import { policyZone, reportOf } from './simulate.ts';
import { simulateInBatches } from './inBatches.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { besideModule, messagesThread, stoppingOthersOnFailure } from './threadPool.ts';

/**
 * What a shard's thread is given: the scenario as this thread parsed it, carried whole (plain
 * data, structured-cloned), so that the thread neither reads a file nor parses it again, and the
 * counter of the shards, of `count`, that the threads have taken.
 */
export interface ShardTask {
  scenario: Scenario;
  claims: Int32Array;
  count: number;
}

/**
 * Simulates `scenario` (by default `scenarioOf(source, options)`) over `threads` threads (no
 * more than it has accounts): its accounts shared among `batches` shards (by default as many as
 * a run in memory on one thread plays, `batchesOnThreads` with `MEMORY_BATCH_APPS`), each thread
 * playing one shard after another, so that it holds no more than a batch's apps at once. On one
 * thread it is `simulateInBatches` (inBatches.ts). On 2 threads, 10 batches took 7.3–8.4 s
 * against 7.9–8.8 s for 2, and 40 batches 9.9–11.4 s against 10.3–11.5 s for 12; a thread that
 * sends each shard as soon as it is played, and takes the next shard no thread has taken, left
 * the other waiting 0–0.6 s at the end instead of 1.6–2.2 s (BENCHMARKS.md).
 */
export async function simulateOnThreads(
  source: ScenarioSource,
  options: SourceOptions,
  threads: number,
  scenario: Scenario = scenarioOf(source, options),
  batches = batchesOnThreads(scenario, threads, MEMORY_BATCH_APPS),
): Promise<Report> {
  for (const [name, value] of Object.entries({ threads, batches })) checkCount('simulateOnThreads', name, value);
  const threadCount = Math.min(threads, scenario.accounts.length);
  if (threadCount <= 1) return simulateInBatches(scenario, scenario.policy, {}, batches);
  const count = Math.max(threadCount, Math.min(batches, scenario.accounts.length));
  const claims = sharedClaims();
  const results: ShardResult[] = [];
  const keep = (shard: PlayedShard) => {
    results[shard.index] = shard;
  };
  const { ending, stopAll } = stopping(claims);
  const others = Array.from({ length: threadCount - 1 }, (_, thread) => {
    const task: ShardTask = { scenario, claims, count };
    return stoppingOthersOnFailure(stopAll, () => messagesThread(besideModule(import.meta.url, 'shardWorker'), task, `thread ${thread + 1}'s shards`, keep, ending));
  });
  for (const other of others) other.catch(() => {});
  // After each of its shards, this thread takes in those the others have sent meanwhile.
  await stoppingOthersOnFailure(stopAll, () =>
    playShards(scenario, claimed(claims, count), count, (shard) => {
      keep(shard);
      return nextTurn();
    }),
  );
  await Promise.all(others);
  return reportOf(scenario, mergeShardRecords(results), policyZone(scenario.policy));
}
