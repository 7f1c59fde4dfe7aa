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
  wall100kAllCoresS: 77.23771774999996,
  rss100kAllCoresMB: 1320,
  scaling: 1.4654127740631617,
};

/** Each figure just on the side of its bound that meets the target (peaks in MiB: 572 MiB is 599.8 MB, 1,907 MiB 1,999.6 MB). */
const justMet: TargetFigures = {
  appDaysPerSec: 1_000_000,
  parallelSpeedup: 1.7,
  floorRatio: 4,
  naiveSpeedup: 50,
  rss10kMB: 572,
  wall100kS: 119.9,
  rss100kMB: 1907,
  wall100kAllCoresS: 119.9,
  rss100kAllCoresMB: 1907,
  scaling: 1.3,
};

/** Each figure just across its bound (573 MiB is 600.8 MB, 1,908 MiB 2,000.7 MB). */
const justMissed: TargetFigures = {
  appDaysPerSec: 999_999,
  parallelSpeedup: 1.69,
  floorRatio: 4.01,
  naiveSpeedup: 49.9,
  rss10kMB: 573,
  wall100kS: 120,
  rss100kMB: 1908,
  wall100kAllCoresS: 120,
  rss100kAllCoresMB: 1908,
  scaling: 1.31,
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
      ['wall100kAllCoresS', true],
      ['rss100kAllCoresMB', true],
      ['scaling', false],
    ]);
  });

  it('puts every bound where the target says, reading memory in decimal megabytes', () => {
    expect(targetChecks(justMet).every(({ met }) => met === true)).toBe(true);
    expect(targetChecks(justMissed).map(({ met }) => met)).toEqual(Array(10).fill(false));
  });

  it('marks a target whose figure was not measured as neither met nor unmet', () => {
    const without100k = { ...afternoon, wall100kS: null, rss100kMB: null, wall100kAllCoresS: null, rss100kAllCoresMB: null, scaling: null };
    const checks = targetChecks(without100k);
    expect(checks.filter(({ met }) => met === null).map(({ figure }) => figure)).toEqual(['wall100kS', 'rss100kMB', 'wall100kAllCoresS', 'rss100kAllCoresMB', 'scaling']);
    expect(checks.find(({ figure }) => figure === 'wall100kS')?.value).toBeNull();
  });

  it('writes one line per target with its verdict and its figure in its unit', () => {
    const lines = targetLines(targetChecks({ ...afternoon, scaling: null }));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('≥ 1,000,000 app-days/s at 10,000 apps on one thread: not met (931,069 app-days/s)');
    expect(lines[1]).toBe('≥ 1.7× one thread on a thread per core (written out as it goes): not met (1.23×)');
    expect(lines[4]).toBe('10,000 apps under 600 MB peak RSS (in memory): met (413 MB)');
    expect(lines[5]).toBe('100,000 apps under 120 s on one thread, JSON to a file: not met (138.7 s)');
    expect(lines[9]).toBe('scaling ≤ 1.3 (per app-day, 100,000 apps over 10,000): not measured');
  });
});
