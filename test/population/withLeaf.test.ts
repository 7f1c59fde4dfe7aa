import { describe, expect, it } from 'vitest';
import { withLeaf } from '../../src/population/cohort.ts';

describe('withLeaf', () => {
  const template = { noise: { base: { growth: { start: 0, monthlyRate: 0.02 } }, sigma: 0.1 }, points: [{ at: '2020-01-01', value: 0 }] };

  it('puts the value at the path in a copy and leaves the template as it was', () => {
    const before = structuredClone(template);
    const filled = withLeaf(template, ['noise', 'base', 'growth', 'start'], 250);
    expect(filled.noise.base.growth).toEqual({ start: 250, monthlyRate: 0.02 });
    expect(template).toEqual(before);
  });

  it('copies each mapping on the path and shares everything beside it', () => {
    const filled = withLeaf(template, ['noise', 'base', 'growth', 'start'], 250);
    expect(filled).not.toBe(template);
    expect(filled.noise).not.toBe(template.noise);
    expect(filled.noise.base.growth).not.toBe(template.noise.base.growth);
    expect(filled.points).toBe(template.points);
  });

  it('copies a list on the path as a list', () => {
    const filled = withLeaf(template, ['points', 0, 'value'], 7);
    expect(Array.isArray(filled.points)).toBe(true);
    expect(filled.points).toEqual([{ at: '2020-01-01', value: 7 }]);
    expect(template.points[0].value).toBe(0);
    expect(filled.noise).toBe(template.noise);
  });

  it('gives the value itself for an empty path', () => {
    expect(withLeaf(template, [], 3)).toBe(3);
  });
});
