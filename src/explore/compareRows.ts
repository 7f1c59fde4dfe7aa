/**
 * The rows a person reads in a comparison, shared by its text, Markdown and HTML forms: each
 * KPI with A, B, B − A and the relative change, and each app that parts with both sides' first
 * different transition.
 */
import { type KpiValue, kpiCell, kpiRowShown, kpiRows } from '../report/kpiPaths.ts';
import type { KpiShaped } from '../report/kpiZip.ts';
import { localInstant } from '../report/table.ts';
import type { KpiSet } from '../report/types.ts';
import type { Comparison, Step } from './comparison.ts';

export interface KpiRow {
  kpi: string;
  a: string;
  b: string;
  delta: string;
  change: string;
  changed: boolean;
}

const rowsOf = <V>(shaped: KpiShaped<V>) => kpiRows(shaped as unknown as KpiSet) as unknown as [string, V][];

function signed(value: KpiValue): string {
  const text = String(value);
  return text.startsWith('-') || /^0(\.0+)?$/.test(text) ? text : `+${text}`;
}

function percent(relative: number | null): string {
  if (relative === null) return '–';
  const text = (relative * 100).toFixed(1);
  return `${relative > 0 ? '+' : ''}${text}%`;
}

/** The KPI rows of a group (`undefined`: all accounts), every KPI or only those that differ. */
export function kpiTableRows(comparison: Comparison, group?: { kind: 'byTag' | 'byCohort'; name: string }, onlyChanged = false): KpiRow[] {
  const pick = <T extends KpiSet | KpiShaped<unknown>>(whole: T & { byTag: Record<string, T>; byCohort: Record<string, T> }): T =>
    group ? whole[group.kind][group.name] : whole;
  const [a, b] = [new Map(kpiRows(pick(comparison.a.kpis))), new Map(kpiRows(pick(comparison.b.kpis)))];
  const relative = new Map(rowsOf(pick(comparison.relative)));
  const show = (path: string, value: KpiValue | undefined) => (value === undefined ? '' : kpiCell(path, value));
  return rowsOf(pick(comparison.delta))
    .map(([kpi, delta]): KpiRow => {
      const changed = !/^[+-]?0(\.0+)?$/.test(String(delta));
      return { kpi, a: show(kpi, a.get(kpi)), b: show(kpi, b.get(kpi)), delta: changed ? signed(kpiCell(kpi, delta)) : '0', change: changed ? percent(relative.get(kpi) ?? null) : '', changed };
    })
    .filter((row) => (onlyChanged ? row.changed : kpiRowShown(row.kpi, [row.a, row.b])));
}

/** A step as `2020-07-18 00:00 suspended (graceOver)`, or what shows there is none. */
export function stepText(step: Step | null): string {
  return step ? `${localInstant(step.at)} ${step.to} (${step.cause})` : 'nothing more';
}

/** The groups of a comparison: each cohort, then each tag. */
export function groupsOf(comparison: Comparison): { kind: 'byTag' | 'byCohort'; name: string }[] {
  return [
    ...Object.keys(comparison.a.kpis.byCohort).map((name) => ({ kind: 'byCohort' as const, name })),
    ...Object.keys(comparison.a.kpis.byTag).map((name) => ({ kind: 'byTag' as const, name })),
  ];
}
