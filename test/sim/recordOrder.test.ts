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

/** Every `step`-th item, for pairs of rows few enough to compare each. */
const every = (rows: number[], step: number) => rows.filter((_, position) => position % step === 0);

describe.each([
  ['scenarios/population-grace.yaml', 3, 7],
  ['scenarios/policy-change.yaml', 2, 1],
])('the jobs records hang under in %s, ranked across %i shards', (file, count, step) => {
  const played = shards(file, count);
  const ranks = jobRanks(played);
  const rows = played.map(rowsWithRecords);

  it('rank every row a record hangs under, and no other', () => {
    for (const [index, shardRanks] of ranks.entries()) {
      expect([...shardRanks.keys()].filter((row) => shardRanks[row] >= 0)).toEqual(rows[index]);
    }
  });

  it('are in the run’s order by row within a shard, since a job is numbered while it runs, before the jobs it schedules', () => {
    played.forEach((shard, index) => {
      for (let next = 1; next < rows[index].length; next += 1) {
        const [earlier, later] = [rows[index][next - 1], rows[index][next]];
        expect(compareNodes(shard.table, earlier, shard.table, later), `shard ${index} rows ${earlier}, ${later}`).toBe(-1);
        expect(ranks[index][earlier]).toBeLessThan(ranks[index][later]);
      }
    });
  });

  it('order the jobs of two shards as their keys do, equal for a job both ran', () => {
    let equal = 0;
    for (let a = 0; a < count; a += 1) {
      for (let b = a + 1; b < count; b += 1) {
        for (const rowA of every(rows[a], step)) {
          for (const rowB of every(rows[b], step + 4)) {
            const byKeys = compareNodes(played[a].table, rowA, played[b].table, rowB);
            expect(Math.sign(ranks[a][rowA] - ranks[b][rowB]), `shard ${a} row ${rowA}, shard ${b} row ${rowB}`).toBe(byKeys);
            if (byKeys === 0) equal += 1;
          }
        }
      }
    }
    expect(equal).toBeGreaterThan(0);
  });
});
