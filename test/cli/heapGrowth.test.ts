import { describe, expect, it } from 'vitest';
import { growHeapByHalf, HEAP_GROWING_PERCENT } from '../../src/cli/heapGrowth.ts';

function flagsSet(execArgv: string[]): string[] {
  const set: string[] = [];
  growHeapByHalf(execArgv, (flags) => set.push(flags));
  return set;
}

describe('growHeapByHalf', () => {
  it('lets the heap grow by half between full collections', () => {
    expect(HEAP_GROWING_PERCENT).toBe(50);
    expect(flagsSet(['--import', 'tsx'])).toEqual(['--heap-growing-percent=50']);
  });

  it('leaves a growth given to node alone', () => {
    expect(flagsSet(['--heap-growing-percent=200'])).toEqual([]);
    expect(flagsSet(['--heap-growing-percent', '200'])).toEqual([]);
  });
});
