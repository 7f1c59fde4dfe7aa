import { describe, expect, it } from 'vitest';
import { growHeapByHalf, growHeapForRun, HEAP_GROWING_PERCENT, LARGE_RUN_APPS } from '../../src/cli/heapGrowth.ts';

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

describe('growHeapForRun', () => {
  /** The flags set for a run of `apps` apps, dealt to accounts of up to 7 apps each. */
  const flagsFor = (apps: number, execArgv: string[] = []) => {
    const accounts = Array.from({ length: Math.ceil(apps / 7) }, (_, index) => ({ apps: Array.from({ length: Math.min(7, apps - 7 * index) }) }));
    const set: string[] = [];
    growHeapForRun({ accounts }, execArgv, (flags) => set.push(flags));
    return set;
  };

  it('lets the heap of a run of a large population grow by a quarter only', () => {
    expect(LARGE_RUN_APPS).toBe(30_000);
    expect(flagsFor(30_000)).toEqual(['--heap-growing-percent=25']);
    expect(flagsFor(98_024)).toEqual(['--heap-growing-percent=25']);
  });

  it('leaves a smaller run growing by half, and a growth given to node alone', () => {
    expect(flagsFor(29_999)).toEqual([]);
    expect(flagsFor(100_000, ['--heap-growing-percent=200'])).toEqual([]);
  });
});
