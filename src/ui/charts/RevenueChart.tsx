/**
 * Cumulative revenue, day by day: prepaid (orders), postpaid (bills) and refunds, each a running
 * total in CNY. Amounts change on the day of an order, a bill or a refund, so the lines are steps.
 * With a compare run, its three totals are drawn dashed over them.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import { B_DASH, colors, formatAxis, formatMoney } from './format.ts';
import { daySeconds } from './time.ts';
import { type ChartOptions, tzDate, UPlotChart } from './UPlotChart.tsx';

export interface RevenueChartProps {
  /** `YYYY-MM-DD`, one per value. */
  days: string[];
  /** Cumulative, CNY. */
  prepaid: number[];
  postpaid: number[];
  refunds: number[];
  /** Compare's run B, the same days: drawn dashed. */
  b?: { prepaid: number[]; postpaid: number[]; refunds: number[] };
  /** Index into `days` of the timeline's instant. */
  cursorDay?: number;
  height?: number;
}

function revenueOptions(withB: boolean): ChartOptions {
  const steps = uPlot.paths.stepped?.({ align: 1 });
  const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
    label,
    stroke,
    width: 1.5,
    paths: steps,
    points: { show: false },
    value: (_chart, value) => formatMoney(value),
    ...(dash ? { dash } : {}),
  });
  return {
    tzDate,
    scales: { x: { time: true } },
    series: [
      { label: 'Day', value: '{YYYY}-{MM}-{DD}' },
      line('Prepaid', colors.prepaid),
      line('Postpaid', colors.postpaid),
      line('Refunds', colors.refunds, [4, 3]),
      ...(withB ? [line('B prepaid', colors.prepaid, B_DASH), line('B postpaid', colors.postpaid, B_DASH), line('B refunds', colors.refunds, [1, 3])] : []),
    ],
    axes: [{}, { label: 'CNY', size: 60, values: (_chart, splits) => formatAxis(splits) }],
    legend: { live: true },
  };
}

export function RevenueChart({ days, prepaid, postpaid, refunds, b, cursorDay, height }: RevenueChartProps): JSX.Element {
  const withB = b !== undefined;
  const options = useMemo(() => revenueOptions(withB), [withB]);
  const xs = useMemo(() => days.map((day) => daySeconds(day)), [days]);
  const data = useMemo(
    (): uPlot.AlignedData => [xs, prepaid, postpaid, refunds, ...(b ? [b.prepaid, b.postpaid, b.refunds] : [])],
    [xs, prepaid, postpaid, refunds, b],
  );
  return (
    <UPlotChart
      options={options}
      data={data}
      height={height}
      cursorX={cursorDay === undefined ? undefined : xs[cursorDay]}
      label={`Cumulative revenue in CNY: prepaid, postpaid and refunds${withB ? ", and B's dashed" : ""}`}
    />
  );
}
