/**
 * The order of shards' records in the whole run (jobKeys.ts), worked out once for all sections:
 * the jobs records hang under are ranked across the shards first (`jobRanks`), so that a record's
 * key is three numbers (its job's rank, its subject and its index, `recordKeys`). The jobs'
 * parents are walked when two jobs are compared (about log2(shards) times per job), not at every
 * comparison of two records. At 100,000 apps in 20 batches, the records of all sections hang
 * under 5.4 million jobs and are compared about 55 million times.
 */
import { compareNodes, type KeyTable, type SectionKeys } from './jobKeys.ts';
import { type KeyColumns, StepMerge } from './mergedSteps.ts';

/** A shard's keys: its job table and each section's record keys. */
export type ShardKeys = { table: KeyTable; sections: Partial<Record<string, SectionKeys>> };

/**
 * For each shard, each row of its table's rank in the whole run's order of the jobs records hang
 * under, the same for the same job in two shards (one they all run alike, such as a month's
 * close); −1 for a row no record hangs under (an ancestor only).
 *
 * A shard's rows that records hang under are numbered in the order their jobs ran: a job's row
 * is numbered at its first record (`Rows.of`), while it runs, before the jobs it schedules run.
 * So each shard's list of them, by row, is in order already, and ranking them is merging the
 * lists.
 */
export function jobRanks(shards: readonly ShardKeys[]): Int32Array[] {
  const rows = shards.map(rowsWithRecords);
  const ranks = shards.map((shard) => new Int32Array(shard.table.at.length).fill(-1));
  const next = shards.map(() => 0);
  const merge = new StepMerge(
    rows.map((list) => list.length),
    (a, indexA, b, indexB) => compareNodes(shards[a].table, rows[a][indexA], shards[b].table, rows[b][indexB]),
  );
  let rank = -1;
  for (let steps = merge.next(); steps.length > 0; steps = merge.next()) {
    for (const step of steps) {
      const shard = step < 0 ? -1 - step : step;
      if (step >= 0) rank += 1;
      ranks[shard][rows[shard][next[shard]++]] = rank;
    }
  }
  return ranks;
}

/** The rows of the shard's table that records of any section hang under, in row order. */
function rowsWithRecords(shard: ShardKeys): Int32Array {
  const marked = new Uint8Array(shard.table.at.length);
  let count = 0;
  for (const keys of Object.values(shard.sections)) {
    for (const row of keys?.node ?? []) {
      count += 1 - marked[row];
      marked[row] = 1;
    }
  }
  const rows = new Int32Array(count);
  let next = 0;
  for (let row = 0; row < marked.length; row += 1) if (marked[row] === 1) rows[next++] = row;
  return rows;
}

/** The keys of a shard without records in a section. */
const noKeys: SectionKeys = { node: new Int32Array(0), subject: new Float64Array(0), index: new Float64Array(0) };

/**
 * The keys of the shards' records of a section, for each section (`KeyMerge`): their jobs' ranks
 * (`jobRanks`), then their subjects and indexes. A record every shard makes alike has the same
 * key in each.
 */
export function recordKeys(shards: readonly ShardKeys[]): (section: string) => KeyColumns[] {
  const ranks = jobRanks(shards);
  return (section) =>
    shards.map((shard, index) => {
      const keys = shard.sections[section] ?? noKeys;
      return { major: keys.node.map((row) => ranks[index][row]), middle: keys.subject, minor: keys.index };
    });
}
