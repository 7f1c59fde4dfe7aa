/**
 * The performance issue's targets, each read off one bench's figures (index.ts's summary), so
 * that every run of `npm run bench` says which it met in that hour: `met` is null when the figure
 * was not measured (a size left out with `--sizes`, or one that failed). "Under" is read as
 * strictly below, "at least" and "at most" as reaching the bound. The bench's peaks are in MiB
 * (`maxRSS / 1024`), which its output calls MB; a memory target in MB or GB is read in decimal
 * units, the stricter reading (600 MB is 572 MiB).
 */

/** The figures the targets are read from (null when not measured). */
export interface TargetFigures {
  appDaysPerSec: number | null;
  parallelSpeedup: number | null;
  floorRatio: number | null;
  naiveSpeedup: number | null;
  rss10kMB: number | null;
  wall100kS: number | null;
  rss100kMB: number | null;
  wall100kAllCoresS: number | null;
  rss100kAllCoresMB: number | null;
  scaling: number | null;
}

export interface TargetCheck {
  target: string;
  /** The figure it is read from. */
  figure: keyof TargetFigures;
  value: number | null;
  met: boolean | null;
}

/** Decimal megabytes in a peak the bench gives in MiB. */
const megabytes = (mebibytes: number) => (mebibytes * 1024 * 1024) / 1e6;

type Unit = 'app-days/s' | '×' | 'MB' | 's' | '';

const TARGETS: { target: string; figure: keyof TargetFigures; unit: Unit; met: (value: number) => boolean }[] = [
  { target: '≥ 1,000,000 app-days/s at 10,000 apps on one thread', figure: 'appDaysPerSec', unit: 'app-days/s', met: (value) => value >= 1_000_000 },
  { target: '≥ 1.7× one thread on a thread per core (written out as it goes)', figure: 'parallelSpeedup', unit: '×', met: (value) => value >= 1.7 },
  { target: '≤ 4× the floor at 10,000 apps', figure: 'floorRatio', unit: '×', met: (value) => value <= 4 },
  { target: '≥ 50× the naive design at 1,000 apps', figure: 'naiveSpeedup', unit: '×', met: (value) => value >= 50 },
  { target: '10,000 apps under 600 MB peak RSS (in memory)', figure: 'rss10kMB', unit: 'MB', met: (value) => megabytes(value) < 600 },
  { target: '100,000 apps under 120 s on one thread, JSON to a file', figure: 'wall100kS', unit: 's', met: (value) => value < 120 },
  { target: '100,000 apps under 2 GB peak RSS on one thread', figure: 'rss100kMB', unit: 'MB', met: (value) => megabytes(value) < 2_000 },
  { target: '100,000 apps under 120 s on a thread per core, JSON to a file', figure: 'wall100kAllCoresS', unit: 's', met: (value) => value < 120 },
  { target: '100,000 apps under 2 GB peak RSS on a thread per core', figure: 'rss100kAllCoresMB', unit: 'MB', met: (value) => megabytes(value) < 2_000 },
  { target: 'scaling ≤ 1.3 (per app-day, 100,000 apps over 10,000)', figure: 'scaling', unit: '', met: (value) => value <= 1.3 },
];

export function targetChecks(figures: TargetFigures): TargetCheck[] {
  return TARGETS.map(({ target, figure, met }) => {
    const value = figures[figure];
    return { target, figure, value, met: value === null ? null : met(value) };
  });
}

/** One line per target, for the bench's text output: its verdict and its figure in its unit. */
export function targetLines(checks: readonly TargetCheck[]): string[] {
  const word = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'not met');
  return checks.map((check) => {
    const unit = TARGETS.find((target) => target.figure === check.figure)?.unit ?? '';
    return `${check.target}: ${word(check.met)}${check.value === null ? '' : ` (${shown(check.value, unit)})`}`;
  });
}

function shown(value: number, unit: Unit): string {
  if (unit === 'app-days/s' || unit === 'MB') return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  if (unit === 's') return `${value.toFixed(1)} s`;
  return `${value.toFixed(2)}${unit}`;
}
