import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { type KeyColumns, KeyMerge, StepMerge, stepsOf } from '../../src/sim/mergedSteps.ts';

/** The steps of a `StepMerge` of `lengths` by `compare`. */
const stepMergeSteps = (lengths: number[], compare: ReturnType<typeof orderOf>) => [...stepsOf(new StepMerge(lengths, compare))];

/** Shards of keys, each strictly increasing (a shard's records never tie); a key in several shards stands for a record they make alike. */
function shards(seed: string, count: number): number[][] {
  const random = seedrandom(seed);
  const alike = Array.from({ length: 5 }, () => Math.floor(random() * 1000) + 0.5);
  return Array.from({ length: count }, () => [...new Set([...alike, ...Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * 1000))])].sort((a, b) => a - b));
}

/** The steps, worked out the slow way: the least next key (the lowest shard on a tie), then every other shard's equal key as alike. */
function reference(lists: number[][]): number[] {
  const next = lists.map(() => 0);
  const steps: number[] = [];
  for (;;) {
    let first = -1;
    lists.forEach((list, shard) => {
      if (next[shard] < list.length && (first < 0 || list[next[shard]] < lists[first][next[first]])) first = shard;
    });
    if (first < 0) return steps;
    const key = lists[first][next[first]++];
    steps.push(first);
    lists.forEach((list, shard) => {
      if (shard !== first && next[shard] < list.length && list[next[shard]] === key) {
        steps.push(-1 - shard);
        next[shard] += 1;
      }
    });
  }
}

const orderOf = (lists: number[][]) => (a: number, indexA: number, b: number, indexB: number) => Math.sign(lists[a][indexA] - lists[b][indexB]);

describe('merge steps', () => {
  it.each(['a', 'b', 'c'])('take the shards’ records in order, the alike ones once (seed %s)', (seed) => {
    const lists = shards(seed, 7);
    const expected = reference(lists);
    expect(stepMergeSteps(lists.map((list) => list.length), orderOf(lists))).toEqual(expected);
  });

  it.each([1, 2, 3, 5, 8, 20])('take the records of %i shards in order, some of them empty', (count) => {
    const lists = shards(`count ${count}`, count).map((list, shard) => (shard % 4 === 3 ? [] : list));
    expect(stepMergeSteps(lists.map((list) => list.length), orderOf(lists))).toEqual(reference(lists));
  });

  it('are the same a few at a time, with room for one step of each shard', () => {
    const lists = shards('small', 6);
    const merge = new StepMerge(lists.map((list) => list.length), orderOf(lists), 1);
    const steps: number[] = [];
    for (let some = merge.next(); some.length > 0; some = merge.next()) {
      expect(some.length).toBeLessThanOrEqual(6);
      steps.push(...some);
    }
    expect(steps).toEqual(reference(lists));
  });
});

/** Each key as three numbers compared in turn (hundreds, tens, the rest), which order as the key does. */
const columnsOf = (lists: number[][]): KeyColumns[] =>
  lists.map((list) => ({
    major: list.map((key) => Math.floor(key / 100)),
    middle: list.map((key) => Math.floor(key / 10) % 10),
    minor: list.map((key) => key % 10),
  }));

describe('merge steps by keys of three numbers', () => {
  it.each([1, 2, 3, 5, 8, 20])('are the steps of %i shards merged by their order, some of them empty, as a StepMerge by that order takes them', (count) => {
    const lists = shards(`keys ${count}`, count).map((list, shard) => (shard % 4 === 3 ? [] : list));
    const steps = [...stepsOf(new KeyMerge(columnsOf(lists)))];
    expect(steps).toEqual(reference(lists));
    expect(steps).toEqual(stepMergeSteps(lists.map((list) => list.length), orderOf(lists)));
  });

  it('are none without shards, as a StepMerge’s', () => {
    expect([...stepsOf(new KeyMerge([]))]).toEqual([]);
    expect(stepMergeSteps([], orderOf([]))).toEqual([]);
  });

  it('take a record alike in every shard once, even when its key ties only on the first two numbers elsewhere', () => {
    const lists = [
      [101, 205.5, 300],
      [205, 205.5, 206],
      [205.5, 299],
    ];
    expect([...stepsOf(new KeyMerge(columnsOf(lists)))]).toEqual(reference(lists));
    expect(reference(lists)).toEqual([0, 1, 0, -2, -3, 1, 2, 0]);
  });

  it('are the same a few at a time, with room for one step of each shard', () => {
    const lists = shards('keys small', 6);
    const merge = new KeyMerge(columnsOf(lists), 1);
    const steps: number[] = [];
    for (let some = merge.next(); some.length > 0; some = merge.next()) {
      expect(some.length).toBeLessThanOrEqual(6);
      steps.push(...some);
    }
    expect(steps).toEqual(reference(lists));
  });
});
