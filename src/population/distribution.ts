/**
 * Distributions: wherever a number may vary between apps, one of these may stand in its place.
 * Drawing is pure: a distribution and a decision stream (random.ts) in, a value out.
 *
 * - `uniform [A, B]`: uniform on [A, B]; for a whole-number field, every whole number in it
 *   equally likely.
 * - `normal`: mean + sd × z, clamped to [min, max] where given.
 * - `logNormal`: exp(ln median + sigma × z), clamped.
 * - `exponential`: −mean × ln(1 − u).
 * - `choice`: the value Vi with probability Wi / ΣW (values in the order of the parsed mapping:
 *   whole-number keys first, ascending, as JavaScript orders them, then the others as written).
 *
 * A whole-number field rounds a drawn value half up (and a clamp to fractional bounds keeps it
 * inside them). A plain number is drawn as itself and opens no stream.
 */
import { clamp } from '../domain/clamp.ts';
import type { RandomStream } from '../domain/randomStream.ts';

export type ChoiceValue = number | string;

export type Distribution =
  | { uniform: [number, number] }
  | { normal: { mean: number; sd: number; min?: number; max?: number } }
  | { logNormal: { median: number; sigma: number; min?: number; max?: number } }
  | { exponential: { mean: number } }
  | { choice: { value: ChoiceValue; weight: number }[] };

/** A plain value or a distribution of values. */
export type Varying<T extends ChoiceValue = number> = T | Distribution;

export const distributionForms = ['uniform', 'normal', 'logNormal', 'exponential', 'choice'] as const;

export function isDistribution(value: unknown): value is Distribution {
  return typeof value === 'object' && value !== null;
}

/** Half up, as the scenario format asks of whole-number fields. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/** The whole numbers within [min, max], as a clamp of a rounded draw must respect them. */
function clampWhole(value: number, min: number | undefined, max: number | undefined): number {
  return clamp(roundHalfUp(value), min === undefined ? undefined : Math.ceil(min), max === undefined ? undefined : Math.floor(max));
}

function continuous(distribution: Exclude<Distribution, { choice: unknown }>, stream: RandomStream): number {
  if ('uniform' in distribution) {
    const [low, high] = distribution.uniform;
    return low + stream.uniform() * (high - low);
  }
  if ('normal' in distribution) return distribution.normal.mean + distribution.normal.sd * stream.normal();
  if ('logNormal' in distribution) return Math.exp(Math.log(distribution.logNormal.median) + distribution.logNormal.sigma * stream.normal());
  return -distribution.exponential.mean * Math.log(1 - stream.uniform());
}

function bounds(distribution: Distribution): { min?: number; max?: number } {
  if ('normal' in distribution) return distribution.normal;
  if ('logNormal' in distribution) return distribution.logNormal;
  return {};
}

function choose(options: readonly { value: ChoiceValue; weight: number }[], stream: RandomStream): ChoiceValue {
  const total = options.reduce((sum, option) => sum + option.weight, 0);
  let point = stream.uniform() * total;
  for (const option of options) {
    if (point < option.weight) return option.value;
    point -= option.weight;
  }
  return options.filter((option) => option.weight > 0).at(-1)?.value ?? options[0].value;
}

/** Every whole number in [A, B] equally likely (the loader makes sure there is one). */
function uniformWhole([low, high]: [number, number], stream: RandomStream): number {
  const first = Math.ceil(low);
  const count = Math.floor(high) - first + 1;
  return first + Math.min(count - 1, Math.floor(stream.uniform() * count));
}

/** One value of `varying`; `stream` is opened only when there is something to draw. */
export function draw<T extends ChoiceValue>(varying: Varying<T>, stream: () => RandomStream, whole = false): T | number {
  if (!isDistribution(varying)) return varying;
  if ('choice' in varying) return choose(varying.choice, stream()) as T;
  if (whole && 'uniform' in varying) return uniformWhole(varying.uniform, stream());
  const { min, max } = bounds(varying);
  const value = continuous(varying, stream());
  return whole ? clampWhole(value, min, max) : clamp(value, min, max);
}

/** The smallest and largest values a distribution can give (±Infinity where it is unbounded). */
export function range(varying: Varying, whole = false): { low: number; high: number } {
  if (!isDistribution(varying)) return { low: varying, high: varying };
  if ('choice' in varying) {
    const values = varying.choice.filter((option) => option.weight > 0).map((option) => Number(option.value));
    return { low: Math.min(...values), high: Math.max(...values) };
  }
  if ('uniform' in varying) {
    const [low, high] = varying.uniform;
    return whole ? { low: Math.ceil(low), high: Math.floor(high) } : { low, high };
  }
  if ('exponential' in varying) return { low: 0, high: Number.POSITIVE_INFINITY };
  const { min, max } = bounds(varying);
  const floor = 'logNormal' in varying ? 0 : Number.NEGATIVE_INFINITY;
  const low = Math.max(min ?? floor, floor);
  const high = max ?? Number.POSITIVE_INFINITY;
  return whole ? { low: Math.ceil(low), high: Math.floor(high) } : { low, high };
}
