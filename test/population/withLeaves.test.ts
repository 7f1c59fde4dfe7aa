import { describe, expect, it } from 'vitest';
import { withLeaves } from '../../src/population/cohort.ts';

describe('withLeaves', () => {
  const template = { noise: { base: { growth: { start: 0, monthlyRate: 0.02 } }, sigma: 0.1 }, points: [{ at: '2020-01-01', value: 0 }] };
  const start = ['noise', 'base', 'growth', 'start'];

  it('puts the value at the path in a copy and leaves the template as it was', () => {
    const before = structuredClone(template);
    const filled = withLeaves(template, [{ path: start, value: 250 }]);
    expect(filled.noise.base.growth).toEqual({ start: 250, monthlyRate: 0.02 });
    expect(template).toEqual(before);
  });

  it('copies each mapping on the path and shares everything beside it', () => {
    const filled = withLeaves(template, [{ path: start, value: 250 }]);
    expect(filled).not.toBe(template);
    expect(filled.noise).not.toBe(template.noise);
    expect(filled.noise.base.growth).not.toBe(template.noise.base.growth);
    expect(filled.points).toBe(template.points);
  });

  it('copies a list on the path as a list', () => {
    const filled = withLeaves(template, [{ path: ['points', 0, 'value'], value: 7 }]);
    expect(Array.isArray(filled.points)).toBe(true);
    expect(filled.points).toEqual([{ at: '2020-01-01', value: 7 }]);
    expect(template.points[0].value).toBe(0);
    expect(filled.noise).toBe(template.noise);
  });

  it('keeps every leaf when several share a mapping or a list', () => {
    const series = { series: [0, 0, 0, 0] };
    const filled = withLeaves(series, [0, 1, 2, 3].map((index) => ({ path: ['series', index], value: index + 10 })));
    expect(filled).toEqual({ series: [10, 11, 12, 13] });
    expect(series.series).toEqual([0, 0, 0, 0]);
    const both = withLeaves(template, [
      { path: start, value: 250 },
      { path: ['noise', 'base', 'growth', 'monthlyRate'], value: 0.05 },
    ]);
    expect(both.noise.base.growth).toEqual({ start: 250, monthlyRate: 0.05 });
  });

  it('gives the curve itself without leaves, and leaves out a leaf with an empty path', () => {
    expect(withLeaves(template, [])).toBe(template);
    expect(withLeaves(template, [{ path: [], value: 3 }])).toBe(template);
  });
});
