/**
 * The shards' records put back in the order of the whole run (jobKeys.ts): each section merged
 * by its records' keys (a record every shard made alike, such as a change of policy, kept
 * once), accounts and apps by rank, and orders numbered anew in the merged order, with the
 * refunds and balance entries that name them.
 */
import type { Records } from '../report/types.ts';
import { type KeyColumns, KeyMerge } from './mergedSteps.ts';
import { recordKeys } from './recordOrder.ts';
import { type RecordSection as Section, recordSections as sections } from '../report/types.ts';
import type { ShardResult } from './shardRun.ts';
import { orderNumber, renamedBy, renameOrders, sectionsNamingOrders } from './orderIds.ts';

interface Merged<T> {
  records: T[];
  /** The shard each record came from (room for every shard's records; as many filled as `records` has). */
  shards: Int32Array;
}

function mergeSection<S extends Section>(results: ShardResult[], section: S, keys: KeyColumns[]): Merged<Records[S][number]> {
  const lists = results.map((result) => result.records[section] as Records[S][number][]);
  const next = new Int32Array(lists.length);
  const merged: Merged<Records[S][number]> = { records: [], shards: new Int32Array(lists.reduce((sum, list) => sum + list.length, 0)) };
  const merge = new KeyMerge(keys);
  for (let steps = merge.next(); steps.length > 0; steps = merge.next()) {
    for (const step of steps) {
      if (step < 0) {
        next[-1 - step] += 1;
        continue;
      }
      merged.shards[merged.records.length] = step;
      merged.records.push(lists[step][next[step]++]);
    }
  }
  return merged;
}

/** Items of every shard in the order of their ranks in the whole run (accounts, apps). */
export function byRank<T>(lists: readonly (readonly T[])[], ranks: readonly (readonly number[])[]): T[] {
  const ranked = lists.flatMap((list, shard) => list.map((item, index) => ({ item, rank: ranks[shard][index] })));
  return ranked.sort((a, b) => a.rank - b.rank).map(({ item }) => item);
}

/** The merged sections: all, or those a run keeps (keepingSink.ts), the orders always among them. */
type MergedSections = Partial<{ [S in Section]: Merged<Records[S][number]> }> & { orders: Merged<Records['orders'][number]> };

/** Orders numbered in the merged order; refunds, balance entries and upgrade events (which name the credited orders) renamed alike, those merged. */
function renumberOrders(merged: MergedSections, shards: number): void {
  // Each shard's orders are O1, O2, … in its own order: `numbers[shard][n - 1]` is its On's number in the merged order.
  const numbers = Array.from({ length: shards }, () => [] as number[]);
  merged.orders.records.forEach((order, index) => {
    numbers[merged.orders.shards[index]][orderNumber(order.id) - 1] = index + 1;
  });
  const renames = numbers.map(renamedBy);
  for (const section of sectionsNamingOrders) {
    const named = merged[section];
    if (!named) continue;
    const { records: list, shards: from } = named;
    list.forEach((record, index) => {
      renameOrders(section, record, renames[from[index]]);
    });
  }
}

/**
 * The shards' records as the whole run's: the sections `only` (by default all; the orders among
 * them), the others empty. The merge takes them over: the records that
 * name orders are renamed in place, so the same results are never merged twice.
 */
export function mergeShardRecords(results: ShardResult[], only: readonly Section[] = sections): Records {
  if (!only.includes('orders')) throw new RangeError('mergeShardRecords: the orders are merged with any section, to number them');
  const [first] = results;
  const keysOf = recordKeys(results.map(({ table, sections: keys }) => ({ table, sections: Object.fromEntries(only.map((section) => [section, keys[section]])) })));
  const merged = Object.fromEntries(only.map((section) => [section, mergeSection(results, section, keysOf(section))])) as MergedSections;
  const records: Records = {
    ...first.records,
    accounts: byRank(results.map((result) => result.records.accounts), results.map((result) => result.accountRanks)),
    apps: byRank(results.map((result) => result.records.apps), results.map((result) => result.appRanks)),
  };
  for (const section of sections) (records[section] as unknown[]) = merged[section]?.records ?? [];
  renumberOrders(merged, results.length);
  return records;
}
