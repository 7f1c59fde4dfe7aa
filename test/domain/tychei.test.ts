import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Tychei } from '../../src/domain/tychei.ts';
import { names } from './generatorNames.ts';

describe('Tychei', () => {
  it.each(names)('gives seedrandom’s numbers for the name %j', (name) => {
    const ours = new Tychei(name);
    const theirs = seedrandom.tychei(name);
    const draws = 2000;
    expect(Array.from({ length: draws }, () => ours.double())).toEqual(Array.from({ length: draws }, () => theirs()));
  });

  it('gives other numbers for another name', () => {
    expect(new Tychei('a').double()).not.toBe(new Tychei('b').double());
  });
});
