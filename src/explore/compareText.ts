/**
 * A comparison as text for a person at a terminal: who was compared, every KPI for all accounts
 * side by side, the KPIs that differ per cohort and per tag, and the apps whose stories part.
 */
import { renderTable } from '../report/table.ts';
import type { Comparison } from './comparison.ts';
import { overridesText } from '../report/overridesText.ts';
import { groupsOf, kpiTableRows, stepText } from './compareRows.ts';

const APPS_SHOWN = 20;

export function renderCompareText(comparison: Comparison): string {
  const columns = [{ header: 'kpi' }, { header: 'A', align: 'right' as const }, { header: 'B', align: 'right' as const }, { header: 'B − A', align: 'right' as const }, { header: 'change', align: 'right' as const }];
  const table = (rows: ReturnType<typeof kpiTableRows>) => renderTable(columns, rows.map((row) => [row.kpi, row.a, row.b, row.delta, row.change]));
  const groups = groupsOf(comparison).flatMap((group) => {
    const rows = kpiTableRows(comparison, group, true);
    const title = `  ${group.kind === 'byCohort' ? 'cohort' : 'tag'} ${group.name}`;
    return rows.length === 0 ? [`${title}: no KPI differs`] : [title, ...table(rows).map((line) => `  ${line}`)];
  });
  const sections = [header(comparison), ['KPIS (all accounts)', ...table(kpiTableRows(comparison))], ...(groups.length > 0 ? [['KPIS THAT DIFFER, BY COHORT AND TAG', ...groups]] : []), apps(comparison)];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function header(comparison: Comparison): string[] {
  const { scenario, a, b } = comparison;
  const apps = comparison.a.kpis.apps.total;
  return [
    `imsim compare: ${scenario.name}`,
    `  scenario  ${scenario.file}  (seed ${scenario.seed}: the same customers make the same draws under A and B)`,
    `  A         ${a.policy}  ${overridesText(a)}`,
    `  B         ${b.policy}  ${overridesText(b)}`,
    `  apps      ${apps}: ${comparison.betterOff} better off under B, ${comparison.worseOff} worse off (net revenue), ${comparison.apps.length} whose story parts`,
  ];
}

function apps(comparison: Comparison): string[] {
  const shown = comparison.apps.slice(0, APPS_SHOWN);
  if (shown.length === 0) return ['APPS WHOSE STORY PARTS', '  none: every app goes through the same transitions under A and B'];
  const more = comparison.apps.length - shown.length;
  return [
    `APPS WHOSE STORY PARTS (${comparison.apps.length}; the first difference under each policy)`,
    ...renderTable([{ header: 'app' }, { header: 'A' }, { header: 'B' }], shown.map((entry) => [entry.app, stepText(entry.a), stepText(entry.b)])),
    ...(more > 0 ? [`  … and ${more} more (--format json lists them all)`] : []),
  ];
}
