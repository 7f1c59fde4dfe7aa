/**
 * An account's balance over time, in its three parts (A1: cash, income, gift), and its debt
 * (A2). Each value holds until the next change, so the lines are steps. With a compare run, its
 * balance of the same account is drawn dashed over it.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { B_DASH, colors, formatAxis, formatMoney } from './format.ts';
import { type ChartOptions, tzDate, UPlotChart } from './UPlotChart.tsx';

export interface BalancePoint {
  /** ms since the epoch. */
  at: number;
  cash: number;
  income: number;
  gift: number;
  debt: number;
}

export interface BalanceChartProps {
  /** In time order. */
  points: BalancePoint[];
  /** Compare's run B, the same account, in time order: drawn dashed. */
  bPoints?: BalancePoint[];
  /** ms of the timeline's instant. */
  cursorAt?: number;
  /** ms where the last step ends (the end of the period); without it, the last change. */
  endAt?: number;
  height?: number;
}

const parts = ['cash', 'income', 'gift', 'debt'] as const;
const labels = { cash: 'Cash', income: 'Income', gift: 'Gift', debt: 'Debt' } as const;

function balanceOptions(withB: boolean): ChartOptions {
  const steps = uPlot.paths.stepped?.({ align: 1 });
  const line =
    (b: boolean) =>
    (part: (typeof parts)[number]): uPlot.Series => ({
      label: b ? `B ${labels[part].toLowerCase()}` : labels[part],
      stroke: colors[part],
      width: part === 'debt' ? 2 : 1.5,
      paths: steps,
      points: { show: false },
      value: (_chart, value) => formatMoney(value),
      ...(b ? { dash: B_DASH } : {}),
    });
  return {
    tzDate,
    scales: { x: { time: true } },
    series: [{ label: 'At', value: '{YYYY}-{MM}-{DD} {HH}:{mm}' }, ...parts.map(line(false)), ...(withB ? parts.map(line(true)) : [])],
    axes: [{}, { label: 'CNY', size: 60, values: (_chart, splits) => formatAxis(splits) }],
    legend: { live: true },
  };
}

/** The points to the end of the period: the last value holds until then. */
function toEnd(points: BalancePoint[], endAt: number | undefined): BalancePoint[] {
  const last = points[points.length - 1];
  return last && endAt !== undefined && endAt > last.at ? [...points, { ...last, at: endAt }] : points;
}

/** Each run's value at every instant either run changes (a step holds until the next one); null before a run's first point. */
function onSharedInstants(a: BalancePoint[], b: BalancePoint[]): { at: number[]; a: (BalancePoint | null)[]; b: (BalancePoint | null)[] } {
  const at = [...new Set([...a, ...b].map((point) => point.at))].sort((x, y) => x - y);
  const holding = (points: BalancePoint[]) => {
    let next = 0;
    let held: BalancePoint | null = null;
    return at.map((instant) => {
      while (next < points.length && points[next].at <= instant) held = points[next++];
      return held;
    });
  };
  return { at, a: holding(a), b: holding(b) };
}

export function BalanceChart({ points, bPoints, cursorAt, endAt, height }: BalanceChartProps): JSX.Element {
  const withB = bPoints !== undefined;
  const options = useMemo(() => balanceOptions(withB), [withB]);
  const data = useMemo((): uPlot.AlignedData => {
    const shown = toEnd(points, endAt);
    if (!bPoints) return [shown.map((point) => point.at / 1000), ...parts.map((part) => shown.map((point) => point[part]))];
    const shared = onSharedInstants(shown, toEnd(bPoints, endAt));
    const column = (run: (BalancePoint | null)[], part: (typeof parts)[number]) => run.map((point) => (point ? point[part] : null));
    return [shared.at.map((at) => at / 1000), ...parts.map((part) => column(shared.a, part)), ...parts.map((part) => column(shared.b, part))];
  }, [points, bPoints, endAt]);
  return (
    <UPlotChart
      options={options}
      data={data}
      height={height}
      cursorX={cursorAt === undefined ? undefined : cursorAt / 1000}
      label={`Balance over time: cash, income, gift and debt, in CNY${withB ? ", and B's dashed" : ""}`}
    />
  );
}
