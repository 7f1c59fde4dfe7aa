/**
 * A shard's run (shard.ts): its accounts simulated to the end of the period, and its records
 * with their keys, ready to leave its worker thread and be merged (shardMerge.ts).
 */
import type { Records } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { KeyTable, SectionKeys } from './jobKeys.ts';
import type { RecordSection } from '../report/types.ts';
import { RunRanks, type ShardOptions } from './shard.ts';
import { playToEnd, recordsOf, type SimulateOptions, startRun } from './simulate.ts';
import type { Policy } from '../policy/schema.ts';

export interface ShardResult {
  records: Records;
  /** The rank in the whole run of each of `records.accounts`, and of each of `records.apps`. */
  accountRanks: number[];
  appRanks: number[];
  table: KeyTable;
  sections: Partial<Record<RecordSection, SectionKeys>>;
}

/**
 * `policy` replaces the scenario's own, and `base` is what the report's overrides count from (as
 * in `simulate`); with a `sink`, the records go there and `records` has empty lists (batchedRun.ts).
 */
export function runShard(scenario: Scenario, options: ShardOptions, policy: Policy = scenario.policy, { sink, base }: Pick<SimulateOptions, 'sink' | 'base'> = {}): ShardResult {
  const run = startRun(scenario, policy, { shard: options, sink, base });
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

/** A shard once played, with its index among the run's shards. */
export interface PlayedShard extends ShardResult {
  index: number;
}

/**
 * Plays the shards `indexes` of `count` one after another (a list, or those a thread claims:
 * shard.ts's `claimed`), handing each to `played` as soon as it is played, and waiting for
 * `played` before the next.
 */
export async function playShards(scenario: Scenario, indexes: Iterable<number>, count: number, played: (shard: PlayedShard) => void | Promise<void>): Promise<void> {
  const ranks = new RunRanks(scenario);
  for (const index of indexes) await played({ ...runShard(scenario, { index, count, ranks }), index });
}
