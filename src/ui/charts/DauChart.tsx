/**
 * Daily active users per app, with the 100,000 DAU the pro package includes as a dashed line
 * and each month's peak (what the month's bill is based on) marked with a dot.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { appPalette, B_DASH, colors, formatAxis, formatCount } from './format.ts';
import { daySeconds } from './time.ts';
import { type ChartOptions, tzDate, UPlotChart } from './UPlotChart.tsx';

export interface DauSeries {
  app: string;
  label: string;
  values: number[];
}

export interface DauPeak {
  app: string;
  /** Index into `days`. */
  day: number;
  value: number;
}

export interface DauChartProps {
  /** `YYYY-MM-DD`, one per value. */
  days: string[];
  series: DauSeries[];
  /** Compare's run B, the same apps in the same order: drawn dashed in each app's colour. */
  bSeries?: DauSeries[];
  /** DAU included in the policy's first paid edition (100,000 under the 2019 policy). */
  included: number;
  peaks: DauPeak[];
  /** Index into `days` of the timeline's instant. */
  cursorDay?: number;
  height?: number;
}

const peakRadius = 4;

/** Whatever uPlot made of a series' stroke, as a canvas colour. */
function strokeOf(chart: uPlot, index: number): string {
  const stroke = chart.series[index].stroke;
  const value = typeof stroke === 'function' ? stroke(chart, index) : stroke;
  return typeof value === 'string' ? value : colors.included;
}

export function DauChart({ days, series, bSeries, included, peaks, cursorDay, height }: DauChartProps): JSX.Element {
  const seriesKey = [...series, ...(bSeries ?? [])].map((line) => `${line.app}\u0000${line.label}`).join('\u0001');
  // Rebuilt when the apps or their labels change; new values go through setData.
  const options = useMemo((): ChartOptions => {
    const appLines: uPlot.Series[] = series.map((line, index) => ({
      label: line.label,
      stroke: appPalette[index % appPalette.length],
      width: 1.5,
      value: (_chart, value) => formatCount(value),
    }));
    // Each B line in the colour of its app's A line, matched by app, not by position.
    const colourOf = (app: string, index: number) => {
      const at = series.findIndex((line) => line.app === app);
      return appPalette[(at < 0 ? index : at) % appPalette.length];
    };
    const bLines: uPlot.Series[] = (bSeries ?? []).map((line, index) => ({
      label: `B ${line.label}`,
      stroke: colourOf(line.app, index),
      width: 1.5,
      dash: B_DASH,
      points: { show: false },
      value: (_chart, value) => formatCount(value),
    }));
    return {
      tzDate,
      scales: { x: { time: true }, y: { range: (_chart, _min, max) => [0, Math.max(max, included) * 1.05] } },
      series: [
        { label: 'Day', value: '{YYYY}-{MM}-{DD}' },
        ...appLines,
        ...bLines,
        {
          label: 'Included',
          stroke: colors.included,
          width: 1,
          dash: [6, 4],
          points: { show: false },
          value: (_chart, value) => formatCount(value),
        },
      ],
      axes: [{}, { label: 'DAU', size: 56, values: (_chart, splits) => formatAxis(splits) }],
      legend: { live: true },
    };
  }, [seriesKey, included]);

  const xs = useMemo(() => days.map((day) => daySeconds(day)), [days]);
  const data = useMemo(
    (): uPlot.AlignedData => [xs, ...series.map((line) => line.values), ...(bSeries ?? []).map((line) => line.values), xs.map(() => included)],
    [xs, series, bSeries, included],
  );

  const overlay = useMemo(() => {
    const indexOfApp = new Map(series.map((line, index) => [line.app, index + 1]));
    return (chart: uPlot) => {
      const { ctx } = chart;
      ctx.save();
      ctx.setLineDash([]);
      for (const peak of peaks) {
        const index = indexOfApp.get(peak.app);
        const x = xs[peak.day];
        // A chart built for fewer lines may draw once more before it is rebuilt (the run's DAU arrived, or the selection grew).
        if (index === undefined || x === undefined || !chart.series[index]?.show) continue;
        ctx.beginPath();
        ctx.arc(chart.valToPos(x, 'x', true), chart.valToPos(peak.value, 'y', true), peakRadius * devicePixelRatio, 0, 2 * Math.PI);
        ctx.fillStyle = strokeOf(chart, index);
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.fill();
        ctx.stroke();
      }
      ctx.restore();
    };
  }, [peaks, series, xs]);

  return (
    <UPlotChart
      options={options}
      data={data}
      height={height}
      cursorX={cursorDay === undefined ? undefined : xs[cursorDay]}
      overlay={overlay}
      label={`Daily active users per app, with the ${included.toLocaleString('en-US')} included and each month's peak`}
    />
  );
}
