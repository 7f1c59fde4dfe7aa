/**
 * Charts as inline SVG for the self-contained pages: a line plot (with optional bands), paired
 * bars, a histogram, a heat map and state bands. Static markup, no script; every label escaped.
 * Each shape carries a <title>, which a browser shows on hover.
 */
import { escapeHtml } from './html.ts';

export const colors = { a: '#2563eb', b: '#ea7a0c' };

const W = 880;
const H = 280;
const M = { left: 78, right: 16, top: 12, bottom: 34 };

function niceTicks(low: number, high: number, count = 5): number[] {
  if (low === high) return [low];
  const step = 10 ** Math.floor(Math.log10((high - low) / count));
  const unit = [1, 2, 5, 10].map((k) => k * step).find((candidate) => (high - low) / candidate <= count) ?? 10 * step;
  const ticks: number[] = [];
  for (let value = Math.ceil(low / unit) * unit; value <= high + unit * 1e-9; value += unit) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** The least and greatest of many values (spreading them into Math.min overflows the stack past ~100,000). */
function extent(values: readonly number[]): [number, number] {
  let [low, high] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

function svg(label: string, body: string, height = H): string {
  return `<svg viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

export interface Plot {
  label: string;
  xs: number[];
  xTicks: { x: number; label: string }[];
  lines: { name: string; color: string; ys: number[] }[];
  bands?: { color: string; low: number[]; high: number[] }[];
  format: (value: number) => string;
}

/** The runs of consecutive indices where `known` holds: a line breaks where a value is missing (a failed cell). */
function stretches(known: boolean[]): number[][] {
  const runs: number[][] = [];
  known.forEach((isKnown, index) => {
    if (!isKnown) return;
    if (index > 0 && known[index - 1]) runs[runs.length - 1].push(index);
    else runs.push([index]);
  });
  return runs;
}

/** Lines over `xs` (a missing value, NaN, breaks its line and band), on a y axis from 0. */
export function linePlot(plot: Plot): string {
  const all = [...plot.lines.flatMap((line) => line.ys), ...(plot.bands ?? []).flatMap((band) => [...band.low, ...band.high])].filter(Number.isFinite);
  const [low, high] = extent([0, ...all]);
  const [x0, x1] = extent(plot.xs);
  const x = (value: number) => M.left + (x1 === x0 ? (W - M.left - M.right) / 2 : ((value - x0) / (x1 - x0)) * (W - M.left - M.right));
  const y = (value: number) => H - M.bottom - (high === low ? 0 : ((value - low) / (high - low)) * (H - M.top - M.bottom));
  const yTicks = niceTicks(low, high).map((tick) => `<line x1="${M.left}" x2="${W - M.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e6eaf0"/><text x="${M.left - 6}" y="${y(tick) + 4}" text-anchor="end">${escapeHtml(plot.format(tick))}</text>`);
  const xTicks = plot.xTicks.map((tick) => `<text x="${x(tick.x)}" y="${H - M.bottom + 16}" text-anchor="middle">${escapeHtml(tick.label)}</text>`);
  const bands = (plot.bands ?? []).flatMap((band) =>
    stretches(plot.xs.map((_, index) => Number.isFinite(band.low[index]) && Number.isFinite(band.high[index]))).map((indices) => {
      const upper = indices.map((index) => `${x(plot.xs[index])},${y(band.high[index])}`);
      const lower = indices.map((index) => `${x(plot.xs[index])},${y(band.low[index])}`).reverse();
      return `<polygon points="${[...upper, ...lower].join(' ')}" fill="${band.color}" fill-opacity="0.15" stroke="none"/>`;
    }),
  );
  const lines = plot.lines.map((line) => {
    const known = plot.xs.map((_, index) => Number.isFinite(line.ys[index]));
    const polylines = stretches(known).map((indices) => `<polyline points="${indices.map((index) => `${x(plot.xs[index])},${y(line.ys[index])}`).join(' ')}" fill="none" stroke="${line.color}" stroke-width="2"><title>${escapeHtml(line.name)}</title></polyline>`);
    const dots = plot.xs.length <= 40 ? plot.xs.flatMap((value, index) => (known[index] ? [`<circle cx="${x(value)}" cy="${y(line.ys[index])}" r="3" fill="${line.color}"><title>${escapeHtml(`${line.name}: ${plot.format(line.ys[index])}`)}</title></circle>`] : [])).join('') : '';
    return `${polylines.join('')}${dots}`;
  });
  return svg(plot.label, [...yTicks, ...xTicks, ...bands, ...lines].join(''));
}

export interface BarPair {
  label: string;
  a: number;
  b: number;
  aText: string;
  bText: string;
}

/** Two bars a row (A and B), each row scaled to its own larger value. */
export function pairedBars(label: string, rows: BarPair[]): string {
  const rowHeight = 30;
  const height = rows.length * rowHeight + 8;
  const left = 300;
  const span = W - left - 120;
  const body = rows.map((row, index) => {
    const top = 4 + index * rowHeight;
    const scale = Math.max(Math.abs(row.a), Math.abs(row.b)) || 1;
    const bar = (value: number, text: string, color: string, offset: number, name: string) =>
      `<rect x="${left}" y="${top + offset}" width="${Math.max(1, (Math.abs(value) / scale) * span)}" height="11" fill="${color}"><title>${escapeHtml(`${row.label}, ${name}: ${text}`)}</title></rect><text x="${left + Math.max(1, (Math.abs(value) / scale) * span) + 6}" y="${top + offset + 10}">${escapeHtml(text)}</text>`;
    return `<text x="${left - 8}" y="${top + 15}" text-anchor="end">${escapeHtml(row.label)}</text>${bar(row.a, row.aText, colors.a, 1, 'A')}${bar(row.b, row.bText, colors.b, 14, 'B')}`;
  });
  return svg(label, body.join(''), height);
}

/** How many values fall in each of `bins` equal ranges. */
export function histogram(label: string, values: number[], format: (value: number) => string, bins = 20): string {
  if (values.length === 0) return `<p class="muted">No value to show.</p>`;
  const [low, high] = extent(values);
  const width = high === low ? 1 : (high - low) / bins;
  const counts = new Array<number>(high === low ? 1 : bins).fill(0);
  for (const value of values) counts[Math.min(counts.length - 1, Math.floor((value - low) / width))] += 1;
  const most = extent(counts)[1];
  const barWidth = (W - M.left - M.right) / counts.length;
  const y = (count: number) => H - M.bottom - (count / most) * (H - M.top - M.bottom);
  const bars = counts.map((count, index) => {
    const from = low + index * width;
    const x = M.left + index * barWidth;
    return `<rect x="${x + 1}" y="${y(count)}" width="${barWidth - 2}" height="${H - M.bottom - y(count)}" fill="${colors.b}"><title>${escapeHtml(`${format(from)} … ${format(from + width)}: ${count}`)}</title></rect>${count > 0 ? `<text x="${x + barWidth / 2}" y="${y(count) - 3}" text-anchor="middle">${count}</text>` : ''}`;
  });
  const ticks = [0, Math.floor(counts.length / 2), counts.length].map((index) => `<text x="${M.left + index * barWidth}" y="${H - M.bottom + 16}" text-anchor="middle">${escapeHtml(format(low + index * width))}</text>`);
  return svg(label, [...bars, ...ticks].join(''));
}

/** A grid of cells coloured by value (darker is higher), each with its value. */
/** A table of values shaded from low to high; `columnTitle` (what the columns are) above them. */
export function heatMap(label: string, rows: string[], columns: string[], values: (number | undefined)[][], format: (value: number) => string, columnTitle = ''): string {
  const known = values.flat().filter((value): value is number => value !== undefined);
  const [low, high] = extent(known);
  const [left, top] = [180, 44];
  const [cellW, cellH] = [Math.min(140, (W - left - 10) / Math.max(1, columns.length)), 34];
  const height = top + rows.length * cellH + 8;
  const title = `<text x="${left + (columns.length * cellW) / 2}" y="14" text-anchor="middle" font-weight="600">${escapeHtml(columnTitle)}</text>`;
  const heads = columns.map((column, index) => `<text x="${left + (index + 0.5) * cellW}" y="${top - 8}" text-anchor="middle">${escapeHtml(column)}</text>`);
  const cells = rows.flatMap((row, r) => [
    `<text x="${left - 8}" y="${top + r * cellH + cellH / 2 + 4}" text-anchor="end">${escapeHtml(row)}</text>`,
    ...columns.map((_, c) => {
      const value = values[r][c];
      const share = value === undefined || high === low ? 0.5 : (value - low) / (high - low);
      const fill = value === undefined ? '#f1f3f6' : `rgb(${Math.round(235 - share * 190)},${Math.round(242 - share * 150)},${Math.round(255 - share * 40)})`;
      const text = value === undefined ? 'failed' : format(value);
      return `<rect x="${left + c * cellW}" y="${top + r * cellH}" width="${cellW - 2}" height="${cellH - 2}" fill="${fill}"><title>${escapeHtml(`${row}, ${columns[c]}: ${text}`)}</title></rect><text x="${left + (c + 0.5) * cellW}" y="${top + r * cellH + cellH / 2 + 4}" text-anchor="middle" style="fill:${share > 0.6 ? '#fff' : '#1d2733'}">${escapeHtml(text)}</text>`;
    }),
  ]);
  return svg(label, [title, ...heads, ...cells].join(''), height);
}

export const stateColors: Record<string, string> = { trial: '#9aa5b4', active: '#22a06b', expiredGrace: '#e5a50a', suspended: '#d1453b', reclaimed: '#2d3440' };

export interface BandRow {
  label: string;
  segments: { start: number; end: number; state: string }[];
}

/** One band a row: the app's state over the period, from `from` to `to` (ms). */
export function stateBands(label: string, rows: BandRow[], from: number, to: number): string {
  const rowHeight = 16;
  const left = 200;
  const height = rows.length * rowHeight + 8;
  const x = (at: number) => left + ((at - from) / (to - from)) * (W - left - 10);
  const body = rows.map((row, index) => {
    const top = 4 + index * rowHeight;
    const segments = row.segments.map((segment) => `<rect x="${x(segment.start)}" y="${top}" width="${Math.max(0.5, x(segment.end) - x(segment.start))}" height="${rowHeight - 4}" fill="${stateColors[segment.state] ?? '#ccc'}"><title>${escapeHtml(`${row.label}: ${segment.state}`)}</title></rect>`);
    return `<text x="${left - 8}" y="${top + 10}" text-anchor="end">${escapeHtml(row.label)}</text>${segments.join('')}`;
  });
  return svg(label, body.join(''), height);
}

export function legend(entries: [name: string, color: string][]): string {
  return `<p class="legend">${entries.map(([name, color]) => `<span><span class="swatch" style="background:${color}"></span>${escapeHtml(name)}</span>`).join('')}</p>`;
}
