/**
 * Curves → daily usage values (docs/scenario-format.md, "Curves"). Pure: no I/O, no
 * clock, no Math.random. Every random form draws from its own seeded stream (randomStream.ts)
 * named `${seed}/${appId}/${key}/${path}`, where `path` is the nesting path of the curve inside
 * the usage entry: `root` for the curve itself, `root/noise.base` for the base of a noise,
 * `root/weekly.base/noise.base` and so on. So the same scenario gives the same numbers on every
 * machine, two noise layers never share draws, and adding an app changes no other app.
 *
 * Nested curves are computed unrounded; the final values are rounded once: to a whole number
 * (Math.round) when `whole`, else to 3 decimals; negative values and NaN become 0 and values
 * above Number.MAX_SAFE_INTEGER (a runaway growth) are capped there.
 */
import type { Curve, UsageKey } from '../scenario/types.ts';
import { formatDay, localDay, parseLocalTime, type Zone } from './calendar.ts';
import { clamp } from './clamp.ts';
import { randomStream, streamName } from './randomStream.ts';

export interface CurveContext {
  /** Day number (days since 1970-01-01, local) of index 0. */
  startDay: number;
  /** Number of simulated days, the length of the result. */
  days: number;
  /** The policy's zone, to read the dates in `steps` and `points`. */
  zone: Zone;
  /** The scenario seed. */
  seed: number;
  appId: string;
  key: UsageKey;
  /** Whole numbers (DAU, groups, rooms) rather than 3-decimal values (Mbps). */
  whole: boolean;
}

type RandomWalk = Extract<Curve, { randomWalk: unknown }>['randomWalk'];
type Dated = { day: number; value: number };

/**
 * A curve's values of the days `from` to `to` (indices, 0 = `context.startDay`), written into
 * `out` from its start. Ranges are asked for in turn from day 0, each where the last one ended: a
 * random form draws as it goes. A run keeps one per app and key and reads it a month at a time, so
 * no app holds its whole period's values, and a day's value is written where it is read, never
 * handed from layer to layer as a number of its own.
 */
export type DayFill = (out: Float64Array, from: number, to: number) => void;

/** A day's value from its index alone (linear, steps, points, growth, series, values). */
type ValueOn = (index: number) => number;

/** The curve's final values (rounded, never NaN, never negative), range by range in turn. */
export function curveFill(curve: Curve, context: CurveContext): DayFill {
  const raw = rawFill(curve, context, 'root');
  return (out, from, to) => {
    raw(out, from, to);
    for (let index = 0; index < to - from; index += 1) out[index] = finish(out[index], context.whole);
  };
}

/** One value per simulated day, index 0 = `context.startDay`; never NaN, never negative. */
export function dailySeries(curve: Curve, context: CurveContext): Float64Array {
  const values = new Float64Array(dayCount(context));
  curveFill(curve, context)(values, 0, values.length);
  return values;
}

/** 0 = Sunday … 6 = Saturday, from a day number (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

function finish(value: number, whole: boolean): number {
  const bounded = Number.isNaN(value) ? 0 : Math.min(value, Number.MAX_SAFE_INTEGER);
  const rounded = whole ? Math.round(bounded) : Math.round(bounded * 1000) / 1000;
  return Math.max(rounded, 0); // +0 for negatives and for -0 (Math.max ranks +0 above -0)
}

function dayCount(context: CurveContext): number {
  return Math.max(0, Math.floor(context.days));
}

function rawFill(curve: Curve, context: CurveContext, path: string): DayFill {
  if ('constant' in curve) return (out, from, to) => out.fill(curve.constant, 0, to - from);
  if ('linear' in curve) return each(linear(dayCount(context), curve.linear.from, curve.linear.to));
  if ('steps' in curve) return each(steps(context, curve.steps));
  if ('points' in curve) return each(points(context, curve.points));
  if ('growth' in curve) return each((i) => curve.growth.start * (1 + curve.growth.monthlyRate) ** (i / 30));
  if ('randomWalk' in curve) return randomWalk(curve.randomWalk, streamFor(context, path));
  if ('weekly' in curve) return weekly(curve.weekly, context, path);
  if ('noise' in curve) return noise(curve.noise, context, path);
  if ('series' in curve) return each((i) => seriesValue(curve.series, i));
  return each((i) => curve.values[formatDay(context.startDay + i)] ?? 0);
}

/** A curve whose value on a day depends on the day alone. */
function each(valueOn: ValueOn): DayFill {
  return (out, from, to) => {
    for (let index = from; index < to; index += 1) out[index - from] = valueOn(index);
  };
}

/** `from` on the first day, `to` on the last, evenly in between (`from` alone for one day). */
function linear(n: number, from: number, to: number): ValueOn {
  return (i) => (n <= 1 ? from : from + ((to - from) * i) / (n - 1));
}

function seriesValue(series: number[], index: number): number {
  return series.length === 0 ? 0 : series[Math.min(index, series.length - 1)];
}

/** The local day number of a date (or date-time) in the zone; throws on text that is no date. */
function dayOf(text: string, zone: Zone): number {
  const instant = parseLocalTime(text, zone);
  if (instant === undefined) throw new RangeError(`curve date "${text}" is not a valid YYYY-MM-DD date`);
  return localDay(instant, zone);
}

/** Sorted by day; entries on the same day keep their order, so the later one wins. */
function dated(entries: { date: string; value: number }[], zone: Zone): Dated[] {
  return entries.map((e) => ({ day: dayOf(e.date, zone), value: e.value })).sort((a, b) => a.day - b.day);
}

/** Index of the last entry on or before `day`, -1 when `day` is before all of them. */
function lastOnOrBefore(sorted: Dated[], day: number): number {
  let found = -1;
  for (let k = 0; k < sorted.length && sorted[k].day <= day; k++) found = k;
  return found;
}

function steps(context: CurveContext, list: { from: string; value: number }[]): ValueOn {
  const sorted = dated(list.map((s) => ({ date: s.from, value: s.value })), context.zone);
  return (i) => {
    const k = lastOnOrBefore(sorted, context.startDay + i);
    return k < 0 ? 0 : sorted[k].value;
  };
}

function points(context: CurveContext, list: { at: string; value: number }[]): ValueOn {
  const sorted = dated(list.map((p) => ({ date: p.at, value: p.value })), context.zone);
  return (i) => interpolate(sorted, context.startDay + i);
}

/** Piecewise linear through the points, flat before the first and after the last; 0 without points. */
function interpolate(sorted: Dated[], day: number): number {
  if (sorted.length === 0) return 0;
  const k = lastOnOrBefore(sorted, day);
  if (k < 0) return sorted[0].value;
  if (k === sorted.length - 1) return sorted[k].value;
  const a = sorted[k];
  const b = sorted[k + 1]; // b.day > day >= a.day, so the span is positive
  return a.value + ((b.value - a.value) * (day - a.day)) / (b.day - a.day);
}

function streamFor(context: CurveContext, path: string) {
  return randomStream(streamName(context.seed, context.appId, context.key, path));
}

/**
 * value_0 = clamp(start); value_{d+1} = clamp(value_d × exp(drift + volatility × z_d)), with
 * z_d the d-th standard normal draw of the stream and clamp to [min, max] where given, applied
 * at each step (the walk goes on from the clamped value). `drift` and `volatility` are per day
 * on the log scale. A walk that starts at 0 stays at 0 (unless `min` lifts it).
 */
function randomWalk(spec: RandomWalk, stream: { normal(): number }): DayFill {
  let value = clamp(spec.start, spec.min, spec.max);
  return (out, from, to) => {
    // Walked in a local, kept once per range: V8 boxes a double at each write to a closure's variable.
    let walked = value;
    for (let index = from; index < to; index += 1) {
      if (index > 0) walked = clamp(walked * Math.exp(spec.drift + spec.volatility * stream.normal()), spec.min, spec.max);
      out[index - from] = walked;
    }
    value = walked;
  };
}

function weekly(spec: { base: Curve; weekendFactor: number }, context: CurveContext, path: string): DayFill {
  const base = rawFill(spec.base, context, `${path}/weekly.base`);
  return (out, from, to) => {
    base(out, from, to);
    for (let index = from; index < to; index += 1) if (isWeekend(context.startDay + index)) out[index - from] *= spec.weekendFactor;
  };
}

/** base_d × (1 + sigma × z_d), z_d the d-th standard normal draw of this layer's stream; at least 0. */
function noise(spec: { base: Curve; sigma: number }, context: CurveContext, path: string): DayFill {
  const base = rawFill(spec.base, context, `${path}/noise.base`);
  const stream = streamFor(context, path);
  return (out, from, to) => {
    base(out, from, to);
    for (let index = 0; index < to - from; index += 1) out[index] = Math.max(0, out[index] * (1 + spec.sigma * stream.normal()));
  };
}
