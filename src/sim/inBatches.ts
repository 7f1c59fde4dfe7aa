/**
 * A run in memory of a large population on one thread (`imsim run`, `compare`): its accounts
 * played in batches of about `MEMORY_BATCH_APPS` apps one after another, each a shard of the run
 * (shard.ts), and their records merged back in the order of the whole run (shardMerge.ts). The
 * report is byte for byte the one `simulate` gives; but a batch's apps, machines and queue fit
 * the processor's caches, which those of the whole population do not. Played alone, a batch goes
 * 25–35% faster per app-day than the whole run; holding the batches' records until the merge
 * (the collector's pauses grow with them) and the merge take most of that back. The benchmark
 * population of 10,000 apps was faster in batches in 15 of 22 pairs of single runs, by 9% on
 * average over eight alternated pairs, 7% over four run at once, and not at all over ten others;
 * in `npm run bench`, which measures both (five runs each, in one process), 1.21–1.37× as fast in
 * two benches, mostly in a process's later runs; for the same peak RSS (BENCHMARKS.md). Those
 * figures are for batches of 1,000 apps; batches of 250 were faster again (batchCount.ts).
 */
import type { Policy } from '../policy/schema.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { RunRanks } from './shard.ts';
import { mergeShardRecords } from './shardMerge.ts';
import { runShard } from './shardRun.ts';
import { policyZone, reportOf, type SimulateOptions, simulate } from './simulate.ts';
import { batchesFor, checkCount, MEMORY_BATCH_APPS } from './batchCount.ts';

/**
 * What `simulate(scenario, policy, options)` gives, played in `batches` batches of accounts
 * (account i in batch i mod batches; no more than the accounts): by default one per
 * `MEMORY_BATCH_APPS` apps above `BATCHED_ABOVE` apps (`batchesFor`), else the run played whole.
 */
export function simulateInBatches(scenario: Scenario, policy: Policy = scenario.policy, options: Pick<SimulateOptions, 'base'> = {}, batches = batchesFor(scenario, MEMORY_BATCH_APPS)): Report {
  checkCount('simulateInBatches', 'batches', batches);
  const count = Math.min(batches, scenario.accounts.length);
  if (count <= 1) return simulate(scenario, policy, options);
  const ranks = new RunRanks(scenario);
  const results = Array.from({ length: count }, (_, index) => runShard(scenario, { index, count, ranks }, policy, options));
  return reportOf(scenario, mergeShardRecords(results), policyZone(policy));
}
