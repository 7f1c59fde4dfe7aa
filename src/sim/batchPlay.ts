/**
 * Batches of a run played one after another on one thread (batchedRun.ts): each batch a shard of
 * the run (shard.ts), its records spooled into a folder of its own with the length of each
 * record's text, and every batch's records counted into the thread's one `Figures`, handed back
 * as plain totals. What it gives can leave a worker thread (batchWorker.ts) as it is.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type FigureTotals, Figures } from '../report/kpis.ts';
import { RecordSpool } from '../report/recordSpool.ts';
import type { RecordSection } from '../report/types.ts';
import type { Policy } from '../policy/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import { RunRanks, type ShardOptions } from './shard.ts';
import { runShard, type ShardResult } from './shardRun.ts';
import { accountRecords, periodRecord } from './simulate.ts';

/** A batch once played: its shard's keys, accounts and apps, and where its records are. */
export interface PlayedBatch extends ShardResult {
  index: number;
  folder: string;
  /** The UTF-8 length of each record's text in its section's file. */
  lengths: Record<RecordSection, Int32Array>;
}

/** The batches a thread played, and their figures. */
export interface PlayedBatches {
  batches: PlayedBatch[];
  totals: FigureTotals;
}

function playBatch(scenario: Scenario, policy: Policy, dir: string, figures: Figures, shard: ShardOptions): PlayedBatch {
  const folder = join(dir, `batch-${shard.index}`);
  mkdirSync(folder);
  const spool = new RecordSpool(folder, figures, true);
  try {
    const result = runShard(scenario, shard, policy, spool);
    spool.flush();
    return { ...result, index: shard.index, folder, lengths: spool.recordLengths() };
  } finally {
    spool.close();
  }
}

/** Plays the batches `indexes` of `count` (account i in batch i mod count), each into a folder of its own inside `dir`. */
export function playBatches(scenario: Scenario, policy: Policy, dir: string, indexes: readonly number[], count: number): PlayedBatches {
  const figures = new Figures(accountRecords(scenario, scenario.accounts), periodRecord(scenario, policy));
  const ranks = new RunRanks(scenario);
  const batches = indexes.map((index) => playBatch(scenario, policy, dir, figures, { index, count, ranks }));
  return { batches, totals: figures.totals(batches.flatMap((batch) => batch.records.apps)) };
}
