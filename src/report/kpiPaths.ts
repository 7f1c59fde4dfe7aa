/**
 * A KPI set as rows of `dotted.path → value` in a fixed order (revenue, revenue by item, revenue
 * by edition (only the editions that had orders), apps,
 * app-days, denied days, notifications, denials): the keys of `runs.csv`, of the `kpi`
 * expectation and of the KPI tables. `byTag` and `byCohort` are the same rows per group.
 */
import type { KpiSet, Kpis } from './types.ts';

export type KpiValue = string | number;

const sections = ['revenue', 'revenueByItem', 'revenueByEdition', 'apps', 'appDays', 'userDaysDenied', 'roomDaysDenied', 'notifications', 'denials'] as const satisfies readonly (keyof KpiSet)[];

/** The rows of a set (of `kpis` itself, its figures for all accounts: `byTag` and `byCohort` are left out). */
export function kpiRows(set: KpiSet): [path: string, value: KpiValue][] {
  const rows: [string, KpiValue][] = [];
  for (const section of sections) {
    const value = set[section];
    if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) rows.push([`${section}.${key}`, inner as KpiValue]);
    else rows.push([section, value]);
  }
  return rows;
}

export type KpiKind = 'money' | 'count' | 'days';

/** Amounts (revenue), counts, or days in a state (two decimals). */
export function kpiKind(path: string): KpiKind {
  if (path.startsWith('revenue')) return 'money';
  return path.startsWith('appDays.') ? 'days' : 'count';
}

/** A KPI's value as a table shows it: days with two decimals, the others as the report writes them. */
export function kpiCell(path: string, value: KpiValue): string {
  return kpiKind(path) === 'days' ? Number(value).toFixed(2) : String(value);
}

/** Whether a table shows a KPI's row: notification and denial rows only when a cell is not 0. */
export function kpiRowShown(path: string, cells: readonly string[]): boolean {
  return !/^(notifications|denials)\./.test(path) || cells.some((cell) => cell !== '0');
}

/** The KPI at `path` of a set, if there is one. */
export function kpiAt(set: KpiSet, path: string): KpiValue | undefined {
  return kpiRows(set).find(([key]) => key === path)?.[1];
}

/** Every dotted path a KPI set has, for messages and checks. */
export function kpiPaths(set: KpiSet): string[] {
  return kpiRows(set).map(([path]) => path);
}

export interface KpiGroup {
  /** `all`, `cohort/<name>` or `tag/<name>`. */
  group: string;
  set: KpiSet;
}

/** All accounts, then each cohort, then each tag. */
export function kpiGroups(kpis: Kpis): KpiGroup[] {
  const { byTag, byCohort, ...all } = kpis;
  return [
    { group: 'all', set: all },
    ...Object.entries(byCohort).map(([name, set]) => ({ group: `cohort/${name}`, set })),
    ...Object.entries(byTag).map(([name, set]) => ({ group: `tag/${name}`, set })),
  ];
}
