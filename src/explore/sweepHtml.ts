/**
 * A sweep as one self-contained page (no script, no request): for each chosen KPI, its mean
 * against each knob with a p5–p95 band (one line per value of the other knobs), its change from
 * cell 0 on the same seeds likewise, a heat map of the means when two knobs vary, and the table
 * of cells.
 */

import { escapeHtml, htmlTable, page } from './html.ts';
import { kpiAgainstKnobSvg, kpiHeatMapSvg } from './sweepCharts.ts';
import type { SweepResult } from './sweepResult.ts';

/** The KPIs a sweep's page charts unless told otherwise. */
export const defaultSweepKpis = [
  'revenue.netCollected',
  'revenue.netBilled',
  'apps.savedInGrace',
  'apps.suspended',
  'apps.suspendedForArrears',
  'apps.reclaimed',
  'apps.lostAfterReclaim',
  'appDays.expiredGrace',
];

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

export function renderSweepHtml(result: SweepResult, kpis: readonly string[] = defaultSweepKpis): string {
  const runs = result.seeds.length;
  const baseline = result.grid.map((knob) => `${knob.path}=${shown(knob.values[0])}`).join(', ');
  const body = [
    `<h1>imsim sweep: ${escapeHtml(result.scenario)}</h1>`,
    `<dl class="facts"><dt>Grid</dt><dd>${result.grid.map((knob) => `${escapeHtml(knob.path)} = ${knob.values.map((value) => escapeHtml(shown(value))).join(', ')}`).join('<br>')}</dd>`,
    `<dt>Runs</dt><dd>${result.cells.length} cells × ${runs} Monte Carlo runs (seeds ${result.seeds[0]} … ${result.seeds.at(-1)}, the same in every cell)</dd>`,
    `<dt>Failures</dt><dd>${result.failures.length === 0 ? 'none' : `${result.failures.length} runs (listed at the end)`}</dd></dl>`,
    ...kpis.flatMap((kpi) => [
      `<h2>${escapeHtml(kpi)}</h2>`,
      ...result.grid.map((knob, index) => `<figure><figcaption>${escapeHtml(kpi)} against ${escapeHtml(knob.path)}: mean, and the band from p5 to p95 of the runs</figcaption>${kpiAgainstKnobSvg(result, kpi, index, (cell) => cell.kpis)}</figure>`),
      ...(result.cells.length < 2
        ? []
        : result.grid.map((knob, index) => `<figure><figcaption>Change of ${escapeHtml(kpi)} from cell 0 (${escapeHtml(baseline)}) on the same seeds, against ${escapeHtml(knob.path)}: mean, and the band from p5 to p95</figcaption>${kpiAgainstKnobSvg(result, kpi, index, (cell) => cell.changeFromCell0)}</figure>`)),
      ...(result.grid.length === 2 ? [`<figure><figcaption>Mean ${escapeHtml(kpi)} per cell</figcaption>${kpiHeatMapSvg(result, kpi)}</figure>`] : []),
    ]),
    '<h2>Cells</h2>',
    htmlTable(
      ['cell', ...result.grid.map((knob) => knob.path), 'runs', ...kpis.map((kpi) => `${kpi} (mean)`)],
      result.cells.map((cell) => [String(cell.cell), ...result.grid.map((knob) => shown(cell.knobs[knob.path])), String(cell.runs), ...kpis.map((kpi) => cell.kpis[kpi]?.mean ?? '–')]),
      { numeric: [0, ...kpis.map((_, index) => result.grid.length + 2 + index)] },
    ),
    ...(result.failures.length === 0 ? [] : ['<h2>Failures</h2>', htmlTable(['cell', 'seed', 'reason'], result.failures.map((failure) => [String(failure.cell), String(failure.seed), failure.reason]))]),
  ];
  return page(`imsim sweep: ${result.scenario}`, body.join('\n'));
}
