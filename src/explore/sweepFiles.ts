/** The files of a finished sweep (unsharded, or merged from its shards): the same bytes either way. */

import type { SweepRuns } from './sweepCore.ts';
import { renderSweepHtml } from './sweepHtml.ts';
import { cellsCsv, runsCsv, sweepResult } from './sweepResult.ts';

/** The files of a sweep by name: `runs.csv`, `cells.csv`, `sweep.json` and `sweep.html`, charting `kpis` (default: defaultSweepKpis, sweepHtml.ts). */
export function sweepFiles(runs: SweepRuns, kpis?: readonly string[]): Record<string, string> {
  const result = sweepResult(runs);
  return {
    'runs.csv': runsCsv(runs),
    'cells.csv': cellsCsv(result),
    'sweep.json': `${JSON.stringify(result, null, 2)}\n`,
    'sweep.html': renderSweepHtml(result, kpis),
  };
}
