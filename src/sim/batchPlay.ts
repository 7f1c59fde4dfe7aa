/**
 * Batches of a run played one after another on one thread (batchedRun.ts): each batch a shard of
 * the run (shard.ts), its records spooled into a folder of its own with the length of each
 * record's text (or only counted, for a run for its figures alone; or those of some sections kept
 * in memory, keptRun.ts), and its figures (a `Figures` of its own) handed back as plain totals.
 * What it gives can leave a worker thread (batchWorker.ts) as it is.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type FigureTotals, Figures } from '../report/kpis.ts';
import { FigureSink } from '../report/figureSink.ts';
import { KeepingSink } from '../report/keepingSink.ts';
import { RecordSpool } from '../report/recordSpool.ts';
import type { RecordSection } from '../report/types.ts';
import type { Policy } from '../policy/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import { accountsOfShard, RunRanks, type ShardOptions } from './shard.ts';
import { type PlayedShard, runShard } from './shardRun.ts';
import { accountRecords, periodRecord } from './simulate.ts';

/** A batch whose records of some sections are kept (keptRun.ts): its shard's keys, accounts, apps and those records, and all its records' figures. */
export interface KeptBatch extends PlayedShard {
  totals: FigureTotals;
}

/** A batch once played: its shard's keys, accounts and apps, its records' figures, and where its records are. */
export interface PlayedBatch extends KeptBatch {
  folder: string;
  /** The UTF-8 length of each record's text in its section's file. */
  lengths: Record<RecordSection, Int32Array>;
}

/** A batch played for its figures alone: its accounts and apps with their ranks in the run, and its records' figures (no keys: nothing is merged). */
export type CountedBatch = Pick<PlayedBatch, 'index' | 'records' | 'accountRanks' | 'appRanks' | 'totals'>;

function playBatch(scenario: Scenario, policy: Policy, dir: string, figures: Figures, shard: ShardOptions): PlayedBatch {
  const folder = join(dir, `batch-${shard.index}`);
  mkdirSync(folder);
  const spool = new RecordSpool(folder, figures, true);
  try {
    const result = runShard(scenario, shard, policy, { sink: spool });
    spool.flush();
    return { ...result, index: shard.index, folder, lengths: spool.recordLengths(), totals: figures.totals(result.records.apps) };
  } finally {
    spool.close();
  }
}

/**
 * Plays the batches `indexes` of `count` (account i in batch i mod count; a list, or those a
 * thread claims: shard.ts's `claimed`), each into a folder of its own inside `dir`, calling
 * `played` after each.
 */
export function playBatches(scenario: Scenario, policy: Policy, dir: string, indexes: Iterable<number>, count: number, played: () => void = () => {}): PlayedBatch[] {
  return eachBatch(scenario, policy, indexes, count, played, (shard, figures) => playBatch(scenario, policy, dir, figures, shard));
}

/** As `playBatches`, each batch's records counted and let go (figuresRun.ts): nothing is written. */
export function countBatches(scenario: Scenario, policy: Policy, indexes: Iterable<number>, count: number, played: () => void = () => {}): CountedBatch[] {
  return eachBatch(scenario, policy, indexes, count, played, (shard, figures) => {
    const sink = new FigureSink(figures);
    const { records, accountRanks, appRanks } = runShard(scenario, shard, policy, { sink });
    sink.flush();
    return { index: shard.index, records, accountRanks, appRanks, totals: figures.totals(records.apps) };
  });
}

/** Every batch of `count`, each batch's records of `sections` kept with their keys and every record counted (keepingSink.ts); `base` as `simulate`'s. */
export function keepBatches(scenario: Scenario, policy: Policy, sections: readonly RecordSection[], count: number, base?: Policy): KeptBatch[] {
  const indexes = Array.from({ length: count }, (_, index) => index);
  return eachBatch(scenario, policy, indexes, count, () => {}, (shard, figures) => {
    const sink = new KeepingSink(figures, sections);
    const result = runShard(scenario, shard, policy, { sink, base });
    sink.flush();
    // Only the kept sections' keys: those of the others (most of the records) would be held until the merge for nothing.
    const keys = Object.fromEntries(sections.map((section) => [section, result.sections[section]]));
    return { ...result, records: { ...result.records, ...sink.keptLists() }, sections: keys, index: shard.index, totals: figures.totals(result.records.apps) };
  });
}

/**
 * `play` for each batch of `indexes`, with a `Figures` of its own over the batch's accounts, let
 * go with the batch: one for all, holding every app's changes of state until the end, made each
 * later batch slower (17–18 s against 14–15 s for 5,000 apps, the heap growing from 190 to 290
 * MB), and one over every account made each batch look its accounts up among all of them.
 */
function eachBatch<T>(scenario: Scenario, policy: Policy, indexes: Iterable<number>, count: number, played: () => void, play: (shard: ShardOptions, figures: Figures) => T): T[] {
  const [accounts, period] = [accountRecords(scenario, scenario.accounts), periodRecord(scenario, policy)];
  const ranks = new RunRanks(scenario);
  return Array.from(indexes, (index) => {
    const shard = { index, count, ranks };
    const batch = play(shard, new Figures(accountsOfShard(accounts, shard), period));
    played();
    return batch;
  });
}

/** Every batch of `count` in turn, and the `played` that tells `progress` of each (it hears 0 of `count` at once). */
export function inTurn(count: number, progress: BatchProgress): { indexes: number[]; played: () => void } {
  let done = 0;
  progress(done, count);
  return { indexes: Array.from({ length: count }, (_, index) => index), played: () => progress(++done, count) };
}

/** How far a run in batches has got, for a progress bar: `(done, total)` batches, first with 0 done, last with all. */
export type BatchProgress = (done: number, total: number) => void;
