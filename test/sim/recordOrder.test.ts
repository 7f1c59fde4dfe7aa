/**
 * The jobs records hang under, ranked once across shards (sim/recordOrder.ts): the ranks order
 * them as their keys do (jobKeys.ts `compareNodes`), which is what lets two records compare by
 * numbers. The reports merged with them are checked byte for byte in shard.test.ts and
 * batchedRun.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { compareNodes } from '../../src/sim/jobKeys.ts';
import { jobRanks } from '../../src/sim/recordOrder.ts';
import { runShard } from '../../src/sim/shardRun.ts';

const shards = (file: string, count: number) => Array.from({ length: count }, (_, index) => runShard(loadScenario(file), { index, count }));

/** Each shard's rows that records hang under, in row order. */
const rowsWithRecords = (shard: ReturnType<typeof runShard>) => [...new Set(Object.values(shard.sections).flatMap((keys) => [...(keys?.node ?? [])]))].sort((a, b) => a - b);

describe('the jobs records hang under, ranked across shards', () => {
  const played = shards('scenarios/population-grace.yaml', 3);
  const ranks = jobRanks(played);
  const rows = played.map(rowsWithRecords);

  it('rank every row a record hangs under, and no other', () => {
    played.forEach((shard, index) => {
      const ranked = [...ranks[index].keys()].filter((row) => ranks[index][row] >= 0);
      expect(ranked).toEqual(rows[index]);
      expect(ranked.length).toBeLessThan(shard.table.at.length);
    });
  });

  it('rise with the row within a shard, since a job is numbered while it runs, before the jobs it schedules', () => {
    for (const [index, list] of rows.entries()) {
      const inRowOrder = list.map((row) => ranks[index][row]);
      expect(inRowOrder).toEqual([...inRowOrder].sort((a, b) => a - b));
      expect(new Set(inRowOrder).size).toBe(inRowOrder.length);
    }
  });

  it('order the jobs of two shards as their keys do, equal for a job both ran', () => {
    let equal = 0;
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ]) {
      for (const rowA of rows[a].filter((_, position) => position % 7 === 0)) {
        for (const rowB of rows[b].filter((_, position) => position % 11 === 0)) {
          const byKeys = compareNodes(played[a].table, rowA, played[b].table, rowB);
          expect(Math.sign(ranks[a][rowA] - ranks[b][rowB]), `shard ${a} row ${rowA}, shard ${b} row ${rowB}`).toBe(byKeys);
          if (byKeys === 0) equal += 1;
        }
      }
    }
    expect(equal).toBeGreaterThan(0);
  });
});
