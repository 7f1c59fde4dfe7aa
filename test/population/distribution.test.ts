import { describe, expect, it } from 'vitest';
import type { RandomStream } from '../../src/domain/randomStream.ts';
import { type Distribution, draw, range, roundHalfUp } from '../../src/population/distribution.ts';
import { decisionStream } from '../../src/population/random.ts';

/** A stream that gives the uniforms (and normals) listed, in order. */
function fixed(uniforms: number[], normals: number[] = []): () => RandomStream {
  return () => ({ uniform: () => uniforms.shift() ?? 0, normal: () => normals.shift() ?? 0 });
}

const many = (distribution: Distribution, whole = false, count = 4000) =>
  Array.from({ length: count }, (_, n) => Number(draw(distribution, () => decisionStream(`test/${n}`), whole)));

describe('drawing a value', () => {
  it('gives a plain number as it is, without opening a stream', () => {
    expect(draw(7, () => { throw new Error('no stream for a plain value'); })).toBe(7);
  });

  it('draws uniform [A, B] as A + u × (B − A)', () => {
    expect(draw({ uniform: [10, 20] }, fixed([0.25]))).toBe(12.5);
  });

  it('draws every whole number of uniform [1, 3] equally often for a whole-number field', () => {
    const counts = [1, 2, 3].map((value) => many({ uniform: [1, 3] }, true).filter((drawn) => drawn === value).length);
    for (const count of counts) expect(count).toBeGreaterThan(1150);
    expect(counts.reduce((a, b) => a + b)).toBe(4000);
  });

  it('keeps a whole-number uniform with fractional ends to the whole numbers inside', () => {
    expect(new Set(many({ uniform: [0.5, 3.5] }, true))).toEqual(new Set([1, 2, 3]));
  });

  it('clamps a normal draw to its min and max', () => {
    expect(draw({ normal: { mean: 10, sd: 5, min: 8, max: 11 } }, fixed([], [-3]))).toBe(8);
    expect(draw({ normal: { mean: 10, sd: 5, min: 8, max: 11 } }, fixed([], [3]))).toBe(11);
  });

  it('rounds a drawn value of a whole-number field half up, within fractional bounds', () => {
    expect(draw({ normal: { mean: 2.5, sd: 1 } }, fixed([], [0]), true)).toBe(3);
    expect(draw({ normal: { mean: 2.4, sd: 1, max: 2.9 } }, fixed([], [0.4]), true)).toBe(2);
    expect(roundHalfUp(-0.5)).toBe(0);
  });

  it('draws a log-normal around its median: exp(ln median + sigma × z)', () => {
    expect(draw({ logNormal: { median: 100, sigma: 1 } }, fixed([], [0]))).toBeCloseTo(100, 9);
    expect(draw({ logNormal: { median: 100, sigma: 1 } }, fixed([], [1]))).toBeCloseTo(100 * Math.E, 9);
  });

  it('draws an exponential as −mean × ln(1 − u), with the mean it is given', () => {
    expect(draw({ exponential: { mean: 10 } }, fixed([1 - Math.exp(-1)]))).toBeCloseTo(10, 9);
    const values = many({ exponential: { mean: 10 } });
    expect(values.reduce((a, b) => a + b) / values.length).toBeGreaterThan(9.3);
    expect(values.reduce((a, b) => a + b) / values.length).toBeLessThan(10.7);
  });

  it('chooses each value of a choice with probability weight / total, in the order written', () => {
    const choice: Distribution = { choice: [{ value: 1, weight: 1 }, { value: 'same', weight: 0 }, { value: 12, weight: 3 }] };
    expect(draw(choice, fixed([0.2]))).toBe(1);
    expect(draw(choice, fixed([0.3]))).toBe(12);
    expect(many(choice).filter((value) => value === 12).length).toBeGreaterThan(2850);
  });
});

describe('the range of a distribution', () => {
  it('is the ends of a uniform, the whole numbers inside for a whole field', () => {
    expect(range({ uniform: [0.5, 3.5] })).toEqual({ low: 0.5, high: 3.5 });
    expect(range({ uniform: [0.5, 3.5] }, true)).toEqual({ low: 1, high: 3 });
  });

  it('is unbounded where a normal has no min or max, and from 0 for a log-normal and an exponential', () => {
    expect(range({ normal: { mean: 1, sd: 1 } })).toEqual({ low: -Infinity, high: Infinity });
    expect(range({ logNormal: { median: 1, sigma: 1, max: 9 } })).toEqual({ low: 0, high: 9 });
    expect(range({ exponential: { mean: 3 } })).toEqual({ low: 0, high: Infinity });
  });

  it('is the smallest and largest value a choice can give, leaving out those of weight 0', () => {
    expect(range({ choice: [{ value: 1, weight: 1 }, { value: 48, weight: 0 }, { value: 12, weight: 2 }] })).toEqual({ low: 1, high: 12 });
  });
});
