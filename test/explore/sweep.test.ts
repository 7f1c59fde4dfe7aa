/**
 * sweep(): the grid × seeds, its statistics and files; the same bytes whatever the number of
 * workers, and from shards merged; every run equal to a plain run of its cell and seed.
 */
import { describe, expect, it } from 'vitest';
import { cellsOf, checkGrid, parseVary } from '../../src/explore/grid.ts';
import { mergeShards, shardFile, sweepInputHash } from '../../src/explore/shard.ts';
import { readScenarioSource, scenarioOf } from '../../src/scenario/source.ts';
import { runSweepJob } from '../../src/explore/sweepJob.ts';
import { batchesFor, MEMORY_BATCH_APPS } from '../../src/sim/batchCount.ts';
import { largePopulationText } from '../sim/largePopulation.ts';
import { statsOf } from '../../src/explore/stats.ts';
import { sweep } from '../../src/explore/sweep.ts';
import { sweepFiles } from '../../src/explore/sweepFiles.ts';
import { sweepResult } from '../../src/explore/sweepResult.ts';
import { InputError } from '../../src/inputError.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { kpiRows } from '../../src/report/kpiPaths.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

const FILE = 'test/explore/small-population.yaml';

describe('the grid', () => {
  it('reads --vary values as YAML, split at top-level commas', () => {
    expect(parseVary('lifecycle.grace.days=3,7, 14')).toEqual({ path: 'lifecycle.grace.days', values: [3, 7, 14] });
    expect(parseVary('balance.payOrder=[cash, gift, income],[gift, income, cash]').values).toEqual([
      ['cash', 'gift', 'income'],
      ['gift', 'income', 'cash'],
    ]);
  });

  it('makes the cartesian product in row-major order, the last knob fastest', () => {
    const cells = cellsOf([parseVary('a.b=1,2'), parseVary('c=x,y,z')]);
    expect(cells.map((cell) => cell.knobs)).toEqual([
      { 'a.b': 1, c: 'x' }, { 'a.b': 1, c: 'y' }, { 'a.b': 1, c: 'z' },
      { 'a.b': 2, c: 'x' }, { 'a.b': 2, c: 'y' }, { 'a.b': 2, c: 'z' },
    ]);
  });

  it('refuses an unknown path, a bad value, an empty list and more than 10,000 cells, each clearly', () => {
    const policy = loadPolicy('tencent-im-2019');
    const refused = (texts: string[]) => {
      try {
        checkGrid(texts.map(parseVary), policy);
      } catch (error) {
        if (error instanceof InputError) return error.issues.map((issue) => `${issue.path}  ${issue.message}`);
      }
      return [];
    };
    expect(refused(['lifecycle.grase.days=1,2'])[0]).toContain('did you mean "grace"?');
    expect(refused(['lifecycle.grace.days=7,-1'])).toEqual(['lifecycle.grace.days  expected a number ≥ 0, found -1 (value -1)']);
    expect(() => parseVary('lifecycle.grace.days=')).toThrow(/expected at least one value/);
    const big = ['lifecycle.grace.days=1,2,3,4,5,6,7,8,9,10', 'lifecycle.retention.days=1,2,3,4,5,6,7,8,9,10', 'arrears.suspendAfterDays=1,2,3,4,5,6,7,8,9,10', 'refund.noReason.windowDays=1,2,3,4,5,6,7,8,9,10,11'];
    expect(refused(big).at(-1)).toBe('  expected at most 10000 cells, found 10 × 10 × 10 × 11 = 11000');
  });
});

describe('the statistics of a cell', () => {
  it('gives mean, sample sd and nearest-rank percentiles, amounts to the cent and counts whole', () => {
    expect(statsOf('revenue.netCollected', ['10.00', '20.00', '30.00', '40.00'])).toEqual({ mean: '25.00', sd: '12.91', p5: '10.00', p50: '20.00', p95: '40.00', min: '10.00', max: '40.00' });
    expect(statsOf('apps.reclaimed', [3])).toEqual({ mean: '3.00', sd: '0.00', p5: '3', p50: '3', p95: '3', min: '3', max: '3' });
  });
});

describe('a sweep', () => {
  const source = readScenarioSource(FILE);
  const grid = [parseVary('lifecycle.grace.days=3,14'), parseVary('arrears.suspendAfterDays=3,7')];

  it('plays every cell × seed as a plain run of that cell and seed would', async () => {
    const result = await sweep(source, grid, { runs: 2 });
    expect(result.seeds).toEqual([5, 6]);
    expect(result.runs).toHaveLength(8);
    for (const run of result.runs) {
      const cell = result.cells[run.cell];
      const plain = simulate(loadScenario(FILE, { seed: run.seed, set: cell.knobs }));
      expect('kpis' in run && run.kpis).toEqual(kpiRows(plain.kpis));
    }
  });

  it('plays a run of a population of more than 2,000 apps in batches of accounts, for the KPIs of a plain run', () => {
    const large = { file: 'large.yaml', text: largePopulationText(), files: {} };
    const set = { 'lifecycle.grace.days': 14 };
    const scenario = scenarioOf(large, { seed: 9, set });
    expect(batchesFor(scenario, MEMORY_BATCH_APPS)).toBeGreaterThan(4);
    const run = runSweepJob({ source: large, cell: 0, run: 0, seed: 9, set });
    expect('kpis' in run && run.kpis).toEqual(kpiRows(simulate(scenario).kpis));
  }, 60_000);

  it('writes the same bytes with one worker and with two, and from two shards merged', async () => {
    const files = (runs: Awaited<ReturnType<typeof sweep>>) => sweepFiles(runs);
    const one = files(await sweep(source, grid, { runs: 3, workers: 1 }));
    const two = files(await sweep(source, grid, { runs: 3, workers: 2 }));
    expect(two).toEqual(one);
    const hash = sweepInputHash(source);
    const shards = await Promise.all([1, 2].map((index) => sweep(source, grid, { runs: 3, shard: { index, count: 2 } })));
    const merged = mergeShards(shards.map((shard, index) => [`shard-${index + 1}`, shardFile(shard, hash)]));
    expect(files(merged)).toEqual(one);
  });

  it('refuses to merge a missing shard, one twice, or one of another sweep', async () => {
    const hash = sweepInputHash(source);
    const shard = (index: number, runs = 2) => sweep(source, grid, { runs, shard: { index, count: 3 } }).then((result) => shardFile(result, hash));
    const [first, second, other] = await Promise.all([shard(1), shard(2), shard(3, 4)]);
    const refusal = (files: [string, string][]) => {
      try {
        mergeShards(files);
      } catch (error) {
        if (error instanceof InputError) return error.issues.map((issue) => `${issue.file}: ${issue.message}`);
      }
      return [];
    };
    expect(refusal([['a', first], ['b', second]])).toEqual(['merge: expected all 3 shards, missing shard-3-of-3.json']);
    expect(refusal([['a', first], ['b', first], ['c', second]])).toContain('b: expected each shard once, found shard 1 of 3 again (also a)');
    expect(refusal([['a', first], ['b', second], ['c', other]])).toEqual(['c: the seeds differ from those of a']);
  });

  it("gives each KPI's change from cell 0 on the same seed, and cell 0 no change", async () => {
    const runs = await sweep(source, grid, { runs: 3 });
    const net = (cell: number) => runs.runs.filter((run) => run.cell === cell).map((run) => Number('kpis' in run && new Map(run.kpis).get('revenue.netCollected')));
    const result = sweepResult(runs);
    const changes = net(3).map((value, run) => value - net(0)[run]);
    const mean = changes.reduce((sum, value) => sum + value, 0) / changes.length;
    expect(Number(result.cells[3].changeFromCell0['revenue.netCollected'].mean)).toBeCloseTo(mean, 2);
    expect(result.cells[3].changeFromCell0['revenue.netCollected'].min).toBe(Math.min(...changes).toFixed(2));
    expect(result.cells[0].changeFromCell0['apps.reclaimed']).toEqual({ mean: '0.00', sd: '0.00', p5: '0', p50: '0', p95: '0', min: '0', max: '0' });
  });

  it('reports a cell whose knobs make the input invalid, and finishes the others', async () => {
    const result = await sweep(source, [parseVary('lengths.maxMonths=36,2')], { runs: 1 });
    const json = JSON.parse(sweepFiles(result)['sweep.json']);
    expect(json.cells.map((cell: { runs: number }) => cell.runs)).toEqual([1, 0]);
    expect(json.failures).toHaveLength(1);
    expect(json.failures[0]).toMatchObject({ cell: 1, knobs: { 'lengths.maxMonths': 2 }, seed: 5 });
    expect(json.failures[0].reason).toContain('lengths.discounts.6');
  });
});
