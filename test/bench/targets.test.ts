import { describe, expect, it } from 'vitest';
import { type TargetFigures, targetChecks, targetLines } from '../../bench/targets.ts';

/** The figures of the bench at f1fad87 (2026-12-07, 14:35 UTC). */
const afternoon: TargetFigures = {
  appDaysPerSec: 931_069,
  parallelSpeedup: 1.2307569352708059,
  floorRatio: 9.904932457274459,
  naiveSpeedup: 115.65807836218836,
  rss10kMB: 413,
  wall100kS: 138.71206479100002,
  rss100kMB: 974,
  scaling: 1.4654127740631617,
};

describe('the performance targets read off a bench', () => {
  it('marks each target met or not from its figure', () => {
    expect(targetChecks(afternoon).map(({ figure, met }) => [figure, met])).toEqual([
      ['appDaysPerSec', false],
      ['parallelSpeedup', false],
      ['floorRatio', false],
      ['naiveSpeedup', true],
      ['rss10kMB', true],
      ['wall100kS', false],
      ['rss100kMB', true],
      ['scaling', false],
    ]);
  });

  it('counts a figure at the bound as meeting an at-least or at-most target, not an under target', () => {
    const atBounds = { ...afternoon, appDaysPerSec: 1_000_000, parallelSpeedup: 1.7, floorRatio: 4, naiveSpeedup: 50, scaling: 1.3, rss10kMB: 600, wall100kS: 120, rss100kMB: 2_000 };
    expect(targetChecks(atBounds).map(({ met }) => met)).toEqual([true, true, true, true, false, false, false, true]);
  });

  it('marks a target whose figure was not measured as neither met nor unmet', () => {
    const without100k = { ...afternoon, wall100kS: null, rss100kMB: null, scaling: null };
    const checks = targetChecks(without100k);
    expect(checks.filter(({ met }) => met === null).map(({ figure }) => figure)).toEqual(['wall100kS', 'rss100kMB', 'scaling']);
    expect(checks.find(({ figure }) => figure === 'wall100kS')?.value).toBeNull();
  });

  it('writes one line per target with its verdict and figure', () => {
    const lines = targetLines(targetChecks({ ...afternoon, scaling: null }));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('≥ 1,000,000 app-days/s at 10,000 apps on one thread: not met (931,069)');
    expect(lines[4]).toBe('10,000 apps under 600 MB peak RSS: met (413)');
    expect(lines[5]).toBe('100,000 apps under 120 s, JSON to a file: not met (138.71)');
    expect(lines[7]).toBe('scaling ≤ 1.3 (100,000 apps over 10,000): not measured');
  });
});
