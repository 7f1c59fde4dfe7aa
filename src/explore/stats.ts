/**
 * The statistics of a KPI over the runs of a cell: mean, sd (sample, n − 1; 0 for one run), and
 * the nearest-rank p5, p50 and p95, min and max, computed in decimals. Amounts (revenue) and
 * app-days are written with two decimals; counts have whole percentiles and a two-decimal mean
 * and sd.
 */
import { type Money, money, ZERO } from '../domain/money.ts';
import { type KpiValue, kpiKind } from '../report/kpiPaths.ts';

export interface KpiStats {
  mean: string;
  sd: string;
  p5: string;
  p50: string;
  p95: string;
  min: string;
  max: string;
}

export const statNames = ['mean', 'sd', 'p5', 'p50', 'p95', 'min', 'max'] as const;

/** The value at the nearest rank ⌈p/100 × n⌉ of the sorted values. */
function percentile(sorted: Money[], p: number): Money {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

export function statsOf(path: string, values: readonly KpiValue[]): KpiStats {
  const numbers = values.map((value) => money(value));
  const sorted = [...numbers].sort((a, b) => a.comparedTo(b));
  const n = numbers.length;
  const mean = numbers.reduce((sum, value) => sum.plus(value), ZERO).div(n);
  const variance = n < 2 ? ZERO : numbers.reduce((sum, value) => sum.plus(value.minus(mean).pow(2)), ZERO).div(n - 1);
  const whole = kpiKind(path) === 'count';
  const point = (value: Money) => (whole ? value.toFixed(0) : value.toFixed(2));
  return {
    mean: mean.toFixed(2),
    sd: variance.sqrt().toFixed(2),
    p5: point(percentile(sorted, 5)),
    p50: point(percentile(sorted, 50)),
    p95: point(percentile(sorted, 95)),
    min: point(sorted[0]),
    max: point(sorted[n - 1]),
  };
}
