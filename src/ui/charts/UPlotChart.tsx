/**
 * A uPlot chart as a Preact component: built in an effect on its own div, destroyed on unmount,
 * fed new data with `setData`, resized with its container. A vertical line marks `cursorX`
 * (the timeline's instant) and `overlay` may draw more (peak markers); changing either only
 * redraws the canvas.
 */
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { colors, resolveColor } from './format.ts';
import { chartZone } from './time.ts';
import './charts.css';

/** uPlot's options without the size, which follows the container; colours may be `var(--…)`. */
export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

export interface UPlotChartProps {
  options: ChartOptions;
  data: uPlot.AlignedData;
  /** Height of the plot in CSS pixels (the legend comes under it). */
  height?: number;
  /** An x value (seconds) to mark with a vertical line. */
  cursorX?: number;
  /** Drawn on the canvas after the series, in canvas pixels. */
  overlay?: (chart: uPlot) => void;
  /** What the chart shows, for assistive technology. */
  label: string;
}

/** x values are seconds; dates show in Asia/Shanghai whatever the browser's zone. */
export const tzDate = (seconds: number) => uPlot.tzDate(new Date(seconds * 1e3), chartZone);

function withColors(options: ChartOptions, element: HTMLElement): ChartOptions {
  const style = getComputedStyle(element);
  const resolve = <T,>(value: T): T =>
    (typeof value === 'string' ? resolveColor(value, (name) => style.getPropertyValue(name)) : value) as T;
  return {
    ...options,
    series: options.series.map((series) => ({ ...series, stroke: resolve(series.stroke), fill: resolve(series.fill) })),
    axes: options.axes?.map((axis) => ({
      ...axis,
      stroke: resolve(axis.stroke ?? colors.axis),
      grid: { ...axis.grid, stroke: resolve(axis.grid?.stroke ?? colors.grid) },
      ticks: { ...axis.ticks, stroke: resolve(axis.ticks?.stroke ?? colors.grid) },
    })),
  };
}

function drawCursor(chart: uPlot, x: number | undefined, color: string) {
  if (x === undefined || !Number.isFinite(x)) return;
  const left = chart.valToPos(x, 'x', true);
  const { top, height, left: plotLeft, width } = chart.bbox;
  if (left < plotLeft || left > plotLeft + width) return;
  const { ctx } = chart;
  ctx.save();
  ctx.setLineDash([]);
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5 * uPlot.pxRatio;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, top + height);
  ctx.stroke();
  ctx.restore();
}

export function UPlotChart({ options, data, height = 220, cursorX, overlay, label }: UPlotChartProps): JSX.Element {
  const host = useRef<HTMLElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef({ data, cursorX, overlay });
  latest.current = { data, cursorX, overlay };

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const cursorColor = resolveColor(colors.cursor, (name) => getComputedStyle(element).getPropertyValue(name));
    const marks: uPlot.Plugin = {
      hooks: {
        draw: (self: uPlot) => {
          latest.current.overlay?.(self);
          drawCursor(self, latest.current.cursorX, cursorColor);
        },
      },
    };
    const built = new uPlot(
      {
        ...withColors(options, element),
        width: Math.max(element.clientWidth, 200),
        height,
        plugins: [...(options.plugins ?? []), marks],
      },
      latest.current.data,
      element,
    );
    chart.current = built;
    const resizes = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== built.width) built.setSize({ width, height });
    });
    resizes.observe(element);
    return () => {
      resizes.disconnect();
      built.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    const built = chart.current;
    if (built && built.data !== data) built.setData(data);
  }, [data]);

  useEffect(() => {
    chart.current?.redraw(false, false);
  }, [cursorX, overlay]);

  return <figure ref={host} class="imsim-chart" aria-label={label} />;
}
