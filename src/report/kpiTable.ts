/**
 * The KPIs as a table a person reads: a row per KPI, a column for all accounts and one per
 * cohort (or per tag when there are no cohorts but more than one tag), app-days with two
 * decimals. Notification and denial rows that are zero everywhere are left out.
 */
import { type KpiGroup, kpiCell, kpiGroups, kpiRowShown, kpiRows } from './kpiPaths.ts';
import type { Kpis } from './types.ts';

export interface KpiTable {
  headers: string[];
  rows: string[][];
}

export function kpiTable(kpis: Kpis): KpiTable {
  const groups = kpiGroups(kpis);
  const cohorts = groups.filter((entry) => entry.group.startsWith('cohort/'));
  const tags = groups.filter((entry) => entry.group.startsWith('tag/'));
  const columns: KpiGroup[] = [groups[0], ...(cohorts.length > 0 ? cohorts : tags.length > 1 ? tags : [])];
  const values = columns.map((column) => kpiRows(column.set));
  const rows = values[0]
    .map(([path], index) => [path, ...values.map((rowsOf) => kpiCell(path, rowsOf[index][1]))])
    .filter(([path, ...cells]) => kpiRowShown(path, cells));
  return { headers: ['kpi', ...columns.map((column) => column.group.replace(/^(cohort|tag)\//, ''))], rows };
}
