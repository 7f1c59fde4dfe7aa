/**
 * An account's balance over time, in its three parts (A1: cash, income, gift), and its debt
 * (A2). Each value holds until the next change, so the lines are steps.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { colors, formatAxis, formatMoney } from './format.ts';
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
  /** ms of the timeline's instant. */
  cursorAt?: number;
  /** ms where the last step ends (the end of the period); without it, the last change. */
  endAt?: number;
  height?: number;
}

const parts = ['cash', 'income', 'gift', 'debt'] as const;
const labels = { cash: 'Cash', income: 'Income', gift: 'Gift', debt: 'Debt' } as const;

function balanceOptions(): ChartOptions {
  const steps = uPlot.paths.stepped?.({ align: 1 });
  return {
    tzDate,
    scales: { x: { time: true } },
    series: [
      { label: 'At', value: '{YYYY}-{MM}-{DD} {HH}:{mm}' },
      ...parts.map(
        (part): uPlot.Series => ({
          label: labels[part],
          stroke: colors[part],
          width: part === 'debt' ? 2 : 1.5,
          paths: steps,
          points: { show: false },
          value: (_chart, value) => formatMoney(value),
        }),
      ),
    ],
    axes: [{}, { label: 'CNY', size: 60, values: (_chart, splits) => formatAxis(splits) }],
    legend: { live: true },
  };
}

export function BalanceChart({ points, cursorAt, endAt, height }: BalanceChartProps): JSX.Element {
  const options = useMemo(balanceOptions, []);
  const data = useMemo((): uPlot.AlignedData => {
    const last = points[points.length - 1];
    const shown = last && endAt !== undefined && endAt > last.at ? [...points, { ...last, at: endAt }] : points;
    return [shown.map((point) => point.at / 1000), ...parts.map((part) => shown.map((point) => point[part]))];
  }, [points, endAt]);
  return (
    <UPlotChart
      options={options}
      data={data}
      height={height}
      cursorX={cursorAt === undefined ? undefined : cursorAt / 1000}
      label="Balance over time: cash, income, gift and debt, in CNY"
    />
  );
}
