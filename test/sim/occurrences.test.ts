import { describe, expect, it } from 'vitest';
import { Occurrences } from '../../src/sim/occurrences.ts';

describe('Occurrences', () => {
  it('counts each trigger per owner, and the triggers of a cycle per cycle', () => {
    const occurrences = new Occurrences();
    expect(occurrences.count('app-1', 'expiries')).toBe(1);
    expect(occurrences.count('app-1', 'expiries')).toBe(2);
    expect(occurrences.count('app-2', 'expiries')).toBe(1);
    expect(occurrences.of('app-1', 'expiries')).toBe(2);
    expect(occurrences.of('app-3', 'purchases')).toBe(0);
    expect(occurrences.countInCycle('app-1', 'expiryWarnings', 2)).toBe(1);
    expect(occurrences.countInCycle('app-1', 'expiryWarnings', 2)).toBe(2);
    expect(occurrences.countInCycle('app-1', 'expiryWarnings', 3)).toBe(1);
    expect(occurrences.countInCycle('app-1', 'refusals', 2)).toBe(1);
  });

  it('saves its counts as flat keys, the owner first, and reads them back', () => {
    const occurrences = new Occurrences();
    occurrences.count('acct/1', 'arrearsWarnings');
    occurrences.count('a/b', 'purchases');
    occurrences.countInCycle('a/b', 'expiryWarnings', 12);
    occurrences.countInCycle('a/b', 'refusals', 1);
    occurrences.countInCycle('a/b', 'refusals', 1);
    const keys = occurrences.toKeys();
    expect(keys).toEqual({ 'acct/1/arrearsWarnings': 1, 'a/b/purchases': 1, 'a/b/expiryWarnings/12': 1, 'a/b/refusals/1': 2 });
    const read = Occurrences.fromKeys(keys);
    expect(read.toKeys()).toEqual(keys);
    expect(read.countInCycle('a/b', 'refusals', 1)).toBe(3);
    expect(read.count('acct/1', 'arrearsWarnings')).toBe(2);
  });

  it('refuses a saved key it does not know', () => {
    expect(() => Occurrences.fromKeys({ 'app-1/renewals': 1 })).toThrow('unknown customer trigger: app-1/renewals');
    expect(() => Occurrences.fromKeys({ 'app-1/refusals/0': 1 })).toThrow('app-1/refusals/0');
  });
});
