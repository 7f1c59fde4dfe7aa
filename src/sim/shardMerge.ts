/**
 * The shards' records put back in the order of the whole run (jobKeys.ts): each section merged
 * by its records' keys (a record every shard made alike, such as a change of policy, kept
 * once), accounts and apps by rank, and orders numbered anew in the merged order, with the
 * refunds and balance entries that name them.
 */
import type { Records } from '../report/types.ts';
import { compareRecords } from './jobKeys.ts';
import { type RecordSection as Section, recordSections as sections } from '../report/types.ts';
import type { ShardResult } from './shardRun.ts';

interface Merged<T> {
  records: T[];
  /** The shard each record came from. */
  shards: number[];
}

function mergeSection<S extends Section>(results: ShardResult[], section: S): Merged<Records[S][number]> {
  const lists = results.map((result) => result.records[section] as Records[S][number][]);
  const next = lists.map(() => 0);
  const merged: Merged<Records[S][number]> = { records: [], shards: [] };
  const compare = (a: number, b: number) => {
    const [keysA, keysB] = [results[a].sections[section], results[b].sections[section]];
    if (!keysA || !keysB) throw new Error(`shard records of ${section} without keys`);
    return compareRecords(results[a].table, keysA, next[a], results[b].table, keysB, next[b]);
  };
  for (;;) {
    let first = -1;
    for (let shard = 0; shard < lists.length; shard += 1) {
      if (next[shard] >= lists[shard].length) continue;
      const order = first < 0 ? -1 : compare(shard, first);
      if (order === 0) next[shard] += 1;
      else if (order < 0) first = shard;
    }
    if (first < 0) return merged;
    merged.records.push(lists[first][next[first]]);
    merged.shards.push(first);
    next[first] += 1;
  }
}

function byRank<T>(results: ShardResult[], list: (result: ShardResult) => T[], ranks: (result: ShardResult) => number[]): T[] {
  const ranked = results.flatMap((result) => list(result).map((item, index) => ({ item, rank: ranks(result)[index] })));
  return ranked.sort((a, b) => a.rank - b.rank).map(({ item }) => item);
}

const ORDER_ID = /\bO\d+\b/g;

/** Orders numbered in the merged order; refunds, balance entries and upgrade events (which name the credited orders) renamed alike. */
function renumberOrders(records: Records, merged: { [S in Section]: Merged<Records[S][number]> }): void {
  const renamed = new Map<string, string>();
  const key = (shard: number, id: string) => `${shard}/${id}`;
  merged.orders.records.forEach((order, index) => {
    renamed.set(key(merged.orders.shards[index], order.id), `O${index + 1}`);
  });
  const rename = (shard: number, id: string) => renamed.get(key(shard, id)) ?? id;
  records.orders = merged.orders.records.map((order, index) => ({ ...order, id: rename(merged.orders.shards[index], order.id) }));
  records.refunds = merged.refunds.records.map((refund, index) => ({ ...refund, order: rename(merged.refunds.shards[index], refund.order) }));
  records.balances = merged.balances.records.map((entry, index) =>
    entry.cause.startsWith('order ') || entry.cause.startsWith('refund of ')
      ? { ...entry, cause: entry.cause.replace(ORDER_ID, (id) => rename(merged.balances.shards[index], id)) }
      : entry,
  );
  // "pro → flagship: credit 666.00 for O1, O2": only the list after " for " holds order ids; an edition may be called O2.
  const renameCredited = (detail: string, shard: number) => {
    const list = detail.lastIndexOf(' for ') + ' for '.length;
    return detail.slice(0, list) + detail.slice(list).replace(ORDER_ID, (id) => rename(shard, id));
  };
  records.events = merged.events.records.map((event, index) =>
    event.kind === 'upgraded' && event.detail !== undefined ? { ...event, detail: renameCredited(event.detail, merged.events.shards[index]) } : event,
  );
}

export function mergeShardRecords(results: ShardResult[]): Records {
  const [first] = results;
  const merged = Object.fromEntries(sections.map((section) => [section, mergeSection(results, section)])) as { [S in Section]: Merged<Records[S][number]> };
  const records: Records = {
    ...first.records,
    accounts: byRank(results, (result) => result.records.accounts, (result) => result.accountRanks),
    apps: byRank(results, (result) => result.records.apps, (result) => result.appRanks),
  };
  for (const section of sections) (records[section] as unknown[]) = merged[section].records;
  renumberOrders(records, merged);
  return records;
}
