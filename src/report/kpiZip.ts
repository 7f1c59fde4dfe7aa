/**
 * Two KPI sets read side by side: a function of each KPI's pair of values, in the shape of a KPI
 * set (compare's `delta` and `relative`, a sweep's statistics). Groups (`byTag`, `byCohort`) that
 * only one side has count as zero on the other, and so do editions (`revenueByEdition`).
 */
import { kpiRows, type KpiValue } from './kpiPaths.ts';
import { emptyKpiSet } from './kpis.ts';
import type { KpiSet, Kpis } from './types.ts';

export type KpiShaped<V> = { [S in keyof KpiSet]: KpiSet[S] extends object ? { [K in keyof KpiSet[S]]: V } : V };
export type KpisShaped<V> = KpiShaped<V> & { byTag: Record<string, KpiShaped<V>>; byCohort: Record<string, KpiShaped<V>> };

/** The set with a `revenueByEdition` entry of 0.00 for each edition only `other` has. */
function withEditionsOf(set: KpiSet, other: KpiSet): KpiSet {
  const missing = Object.keys(other.revenueByEdition).filter((edition) => !Object.hasOwn(set.revenueByEdition, edition));
  if (missing.length === 0) return set;
  const editions = { ...set.revenueByEdition, ...Object.fromEntries(missing.map((edition) => [edition, '0.00'])) };
  return { ...set, revenueByEdition: Object.fromEntries(Object.keys(editions).sort().map((edition) => [edition, editions[edition]])) };
}

function zipKpiSets<V>(a: KpiSet, b: KpiSet, pair: (x: KpiValue, y: KpiValue, path: string) => V): KpiShaped<V> {
  const left = kpiRows(withEditionsOf(a, b));
  const right = new Map(kpiRows(withEditionsOf(b, a)));
  const shaped: Record<string, unknown> = {};
  for (const [path, x] of left) {
    const value = pair(x, right.get(path) ?? x, path);
    const [section, key] = path.split('.');
    if (key === undefined) shaped[section] = value;
    else shaped[section] = { ...(shaped[section] as object), [key]: value };
  }
  return shaped as KpiShaped<V>;
}

export function zipKpis<V>(a: Kpis, b: Kpis, pair: (x: KpiValue, y: KpiValue, path: string) => V): KpisShaped<V> {
  const groups = (left: Record<string, KpiSet>, right: Record<string, KpiSet>) =>
    Object.fromEntries([...new Set([...Object.keys(left), ...Object.keys(right)])].map((key) => [key, zipKpiSets(left[key] ?? emptyKpiSet(), right[key] ?? emptyKpiSet(), pair)]));
  return { ...zipKpiSets(a, b, pair), byTag: groups(a.byTag, b.byTag), byCohort: groups(a.byCohort, b.byCohort) };
}
