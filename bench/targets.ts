/**
 * The performance issue's targets, each read off one bench's figures (index.ts's summary), so
 * that every run of `npm run bench` says which it met in that hour: `met` is null when the figure
 * was not measured (a size left out with `--sizes`, or one that failed).
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
  scaling: number | null;
}

export interface TargetCheck {
  target: string;
  /** The figure it is read from. */
  figure: keyof TargetFigures;
  value: number | null;
  met: boolean | null;
}

const TARGETS: { target: string; figure: keyof TargetFigures; met: (value: number) => boolean }[] = [
  { target: '≥ 1,000,000 app-days/s at 10,000 apps on one thread', figure: 'appDaysPerSec', met: (value) => value >= 1_000_000 },
  { target: '≥ 1.7× that on a thread per core', figure: 'parallelSpeedup', met: (value) => value >= 1.7 },
  { target: '≤ 4× the floor at 10,000 apps', figure: 'floorRatio', met: (value) => value <= 4 },
  { target: '≥ 50× the naive design at 1,000 apps', figure: 'naiveSpeedup', met: (value) => value >= 50 },
  { target: '10,000 apps under 600 MB peak RSS', figure: 'rss10kMB', met: (value) => value < 600 },
  { target: '100,000 apps under 120 s, JSON to a file', figure: 'wall100kS', met: (value) => value < 120 },
  { target: '100,000 apps under 2 GB peak RSS', figure: 'rss100kMB', met: (value) => value < 2_000 },
  { target: 'scaling ≤ 1.3 (100,000 apps over 10,000)', figure: 'scaling', met: (value) => value <= 1.3 },
];

export function targetChecks(figures: TargetFigures): TargetCheck[] {
  return TARGETS.map(({ target, figure, met }) => {
    const value = figures[figure];
    return { target, figure, value, met: value === null ? null : met(value) };
  });
}

/** One line per target, for the bench's text output. */
export function targetLines(checks: readonly TargetCheck[]): string[] {
  const word = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'not met');
  const shown = (value: number | null) => (value === null ? '' : ` (${Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2)})`);
  return checks.map((check) => `${check.target}: ${word(check.met)}${shown(check.value)}`);
}
