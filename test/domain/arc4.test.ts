import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Arc4 } from '../../src/domain/arc4.ts';
import { names } from './generatorNames.ts';

describe('Arc4', () => {
  it.each(names)('gives seedrandom’s numbers for the name %j', (name) => {
    const ours = new Arc4(name);
    const theirs = seedrandom(name);
    const draws = 2000;
    expect(Array.from({ length: draws }, () => ours.double())).toEqual(Array.from({ length: draws }, () => theirs()));
  });

  it('gives other numbers for another name', () => {
    expect(new Arc4('a').double()).not.toBe(new Arc4('b').double());
  });
});
