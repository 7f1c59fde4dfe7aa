/**
 * Number formats and colours of the charts. Colours are CSS variables (`var(--chart-1, #…)`),
 * resolved against the chart's element when the chart is built, since a canvas cannot use them.
 */
import { formatCny } from '../model/money.ts';

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const axisFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Legend value of an amount in CNY: `¥12,345.60`; no value, `—`. */
export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatCny(value);
}

/** Legend value of a count (DAU): `120,000`. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : countFormat.format(value);
}

/** Axis ticks: `120K`, `1.2M`. */
export function formatAxis(values: readonly number[]): string[] {
  return values.map((value) => axisFormat.format(value));
}

/** One colour per app, in order; the page may redefine `--chart-1` … `--chart-8`. */
export const appPalette = [
  'var(--chart-1, #1c7ed6)',
  'var(--chart-2, #e8590c)',
  'var(--chart-3, #2f9e44)',
  'var(--chart-4, #ae3ec9)',
  'var(--chart-5, #0c8599)',
  'var(--chart-6, #c2255c)',
  'var(--chart-7, #5c940d)',
  'var(--chart-8, #5f3dc4)',
] as const;

/** How compare's run B is drawn over run A: the same colour, dashed. */
export const B_DASH = [6, 3];

export const colors = {
  included: 'var(--chart-included, #868e96)',
  cursor: 'var(--chart-cursor, #343a40)',
  axis: 'var(--chart-axis, #495057)',
  grid: 'var(--chart-grid, #e9ecef)',
  cash: 'var(--chart-cash, #1c7ed6)',
  income: 'var(--chart-income, #2f9e44)',
  gift: 'var(--chart-gift, #ae3ec9)',
  debt: 'var(--chart-debt, #e03131)',
  prepaid: 'var(--chart-prepaid, #1c7ed6)',
  postpaid: 'var(--chart-postpaid, #2f9e44)',
  refunds: 'var(--chart-refunds, #e03131)',
} as const;

const variable = /^var\(\s*(--[\w-]+)\s*(?:,\s*([^)]+))?\)$/;

/** `var(--chart-1, #1c7ed6)` → the variable's value on `element`, else the fallback. */
export function resolveColor(value: string, lookup: (name: string) => string): string {
  const match = variable.exec(value.trim());
  if (!match) return value;
  return lookup(match[1]).trim() || (match[2] ?? '').trim();
}
