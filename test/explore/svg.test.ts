/** The pages' inline SVG charts (explore/svg.ts). */
import { describe, expect, it } from 'vitest';
import { histogram, linePlot } from '../../src/explore/svg.ts';

describe('the charts', () => {
  it('draw the spread of 150,000 per-app deltas (a large population) without overflowing the stack', () => {
    const values = Array.from({ length: 150_000 }, (_, index) => index % 1000);
    const svg = histogram('deltas', values, String);
    const counts = [...svg.matchAll(/: (\d+)<\/title>/g)].map((match) => Number(match[1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(150_000);
  });

  it('break a line where a value is missing, drawing no NaN', () => {
    const svg = linePlot({ label: 'x', xs: [1, 2, 3, 4], xTicks: [], lines: [{ name: 'a', color: '#000', ys: [1, Number.NaN, 3, 4] }], format: String });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).not.toContain('NaN');
  });
});
