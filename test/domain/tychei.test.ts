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

  it.each(names)('gives the same numbers for the name %j read in parts, from a copy of its start', (name) => {
    const start = new Tychei().read(name.slice(0, name.length >> 1));
    const read = start.copy().read(name.slice(name.length >> 1)).settled();
    start.read('something else');
    const whole = new Tychei(name);
    expect(Array.from({ length: 50 }, () => read.double())).toEqual(Array.from({ length: 50 }, () => whole.double()));
  });

  it('gives other numbers for another name', () => {
    expect(new Tychei('a').double()).not.toBe(new Tychei('b').double());
  });
});
