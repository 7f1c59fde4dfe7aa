/**
 * A shard's run (shard.ts): its accounts simulated to the end of the period, and its records
 * with their keys, ready to leave its worker thread and be merged (shardMerge.ts).
 */
import type { Records } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { KeyTable, SectionKeys } from './jobKeys.ts';
import type { RecordSection } from '../report/types.ts';
import { RunRanks, type ShardOptions } from './shard.ts';
import { playToEnd, recordsOf, startRun } from './simulate.ts';
import type { Policy } from '../policy/schema.ts';
import type { RecordSink } from './recorder.ts';

export interface ShardResult {
  records: Records;
  /** The rank in the whole run of each of `records.accounts`, and of each of `records.apps`. */
  accountRanks: number[];
  appRanks: number[];
  table: KeyTable;
  sections: Partial<Record<RecordSection, SectionKeys>>;
}

/** `policy` replaces the scenario's own (as in `simulate`); with a `sink`, the records go there and `records` has empty lists (batchedRun.ts). */
export function runShard(scenario: Scenario, options: ShardOptions, policy: Policy = scenario.policy, sink?: RecordSink): ShardResult {
  const run = startRun(scenario, policy, { shard: options, sink });
  playToEnd(run);
  const { world } = run;
  const { table, sections } = (world.shard as NonNullable<typeof world.shard>).keys.export();
  return {
    records: recordsOf(run),
    accountRanks: [...world.accounts.values()].map((account) => account.rank),
    appRanks: [...world.apps.values()].map((app) => app.rank),
    table,
    sections,
  };
}

/** Plays the shards `indexes` of `count` one after another (parallel.ts): their records with their keys. */
export function runShards(scenario: Scenario, indexes: readonly number[], count: number): ShardResult[] {
  const ranks = new RunRanks(scenario);
  return indexes.map((index) => runShard(scenario, { index, count, ranks }));
}
