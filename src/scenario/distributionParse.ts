/**
 * Numbers that may vary between apps (scenario-format "Distributions"): a plain number, a word
 * the field allows (`same`, `debt`) or one distribution form, checked for its own sense
 * (uniform [A, B] with A ≤ B, weights that add up to more than 0, …) and against the range of
 * the field it stands in: every value it can draw must be one the field accepts.
 */
import { describeValue } from '../input/issues.ts';
import { isRecord } from '../input/plainData.ts';
import { suggest } from '../input/suggest.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { type ChoiceValue, type Distribution, distributionForms, range, type Varying } from '../population/distribution.ts';
import type { ParseContext } from './parseContext.ts';
import { distributionSchemas } from './populationSchema.ts';

/** What a field accepts: "a whole number of months from 1 to 36 (P3)". */
export interface FieldRange {
  what: string;
  min?: number;
  max?: number;
  whole?: boolean;
  /** Words the field takes besides numbers, also as choice values. */
  words?: readonly string[];
}

export const distributionHint = '{ uniform: [A, B] }, { normal: { mean, sd } }, { logNormal: { median, sigma } }, { exponential: { mean } } or { choice: { V: W, … } }';

export function parseVarying(ctx: ParseContext, raw: unknown, path: PathSegment[], field: FieldRange): Varying<ChoiceValue> | undefined {
  if (typeof raw === 'number') return plainValue(ctx, raw, path, field);
  if (typeof raw === 'string' && field.words?.includes(raw)) return raw;
  if (!isRecord(raw)) {
    ctx.issue(path, `expected ${field.what}: a number or a distribution such as { uniform: [A, B] }, found ${describeValue(raw)}`);
    return undefined;
  }
  const forms = distributionForms.filter((form) => form in raw);
  if (forms.length !== 1) {
    const key = forms[1] ?? Object.keys(raw)[0];
    const message =
      forms.length > 1
        ? `expected one distribution form, found both ${forms[0]} and ${forms[1]}`
        : key === undefined
          ? `expected a distribution: ${distributionHint}, found an empty mapping`
          : `expected a distribution form; ${suggest(key, distributionForms)}`;
    ctx.issue(key === undefined ? path : [...path, key], message, { key: key !== undefined });
    return undefined;
  }
  const distribution = parseForm(ctx, raw, path, field);
  return distribution && withinField(ctx, distribution, path, field) ? distribution : undefined;
}

function plainValue(ctx: ParseContext, value: number, path: PathSegment[], field: FieldRange, options: { key?: boolean } = {}): number | undefined {
  const inside = Number.isFinite(value) && (!field.whole || Number.isInteger(value)) && value >= (field.min ?? -Infinity) && value <= (field.max ?? Infinity);
  if (inside) return value;
  ctx.issue(path, `expected ${field.what}, found ${value}`, options);
  return undefined;
}

/** `[A, B]`: two numbers, A ≤ B. */
export function pairOf(ctx: ParseContext, items: unknown[], path: PathSegment[], what: string): [unknown, unknown] | undefined {
  if (items.length === 2) return [items[0], items[1]];
  ctx.issue(path, `expected [A, B]: two ${what}, found ${items.length} item${items.length === 1 ? '' : 's'}`);
  return undefined;
}

function parseForm(ctx: ParseContext, raw: Record<string, unknown>, path: PathSegment[], field: FieldRange): Distribution | undefined {
  if ('uniform' in raw) {
    const data = ctx.check(distributionSchemas.uniform, raw, path);
    const pair = data && pairOf(ctx, data.uniform, [...path, 'uniform'], 'numbers');
    if (!pair) return undefined;
    const bad = pair.findIndex((end) => typeof end !== 'number' || !Number.isFinite(end));
    if (bad >= 0) return refuse(ctx, [...path, 'uniform', bad], `expected a number, found ${describeValue(pair[bad])}`);
    const [low, high] = pair as [number, number];
    if (low > high) return refuse(ctx, [...path, 'uniform'], `expected [A, B] with A ≤ B, found [${low}, ${high}]`);
    if (field.whole && Math.ceil(low) > Math.floor(high)) {
      return refuse(ctx, [...path, 'uniform'], `expected ${field.what}: a range with a whole number in it, found [${low}, ${high}]`);
    }
    return { uniform: [low, high] };
  }
  if ('normal' in raw) {
    const data = ctx.check(distributionSchemas.normal, raw, path);
    return data && orderedBounds(ctx, data.normal, [...path, 'normal']) ? data : undefined;
  }
  if ('logNormal' in raw) {
    const data = ctx.check(distributionSchemas.logNormal, raw, path);
    return data && orderedBounds(ctx, data.logNormal, [...path, 'logNormal']) ? data : undefined;
  }
  if ('exponential' in raw) return ctx.check(distributionSchemas.exponential, raw, path);
  const data = ctx.check(distributionSchemas.choice, raw, path);
  return data && parseChoice(ctx, data.choice, [...path, 'choice'], field);
}

function refuse(ctx: ParseContext, path: PathSegment[], message: string): undefined {
  ctx.issue(path, message);
  return undefined;
}

function orderedBounds(ctx: ParseContext, bounds: { min?: number; max?: number }, path: PathSegment[]): boolean {
  if (bounds.min === undefined || bounds.max === undefined || bounds.min <= bounds.max) return true;
  ctx.issue([...path, 'max'], `expected at least min (${bounds.min}), found ${bounds.max}`);
  return false;
}

/** Values are numbers (or the field's words), in the mapping's order; the weights add up to more than 0. */
function parseChoice(ctx: ParseContext, weights: Record<string, number>, path: PathSegment[], field: FieldRange): Distribution | undefined {
  const choice: { value: ChoiceValue; weight: number }[] = [];
  let ok = true;
  for (const [key, weight] of Object.entries(weights)) {
    const number = key.trim() === '' ? Number.NaN : Number(key);
    if (field.words?.includes(key)) choice.push({ value: key, weight });
    else if (Number.isFinite(number) && plainValue(ctx, number, [...path, key], field, { key: true }) !== undefined) choice.push({ value: number, weight });
    else {
      if (!Number.isFinite(number)) ctx.issue([...path, key], `expected ${field.what} as a choice value, found "${key}"`, { key: true });
      ok = false;
    }
  }
  if (choice.length > 0 && choice.every((option) => option.weight === 0)) {
    ctx.issue(path, 'expected weights that add up to more than 0, found only zeros');
    return undefined;
  }
  if (choice.length === 0 && ok) ctx.issue(path, 'expected at least one value with its weight, found none');
  return ok && choice.length > 0 ? { choice } : undefined;
}

/** Every value the distribution can draw lies within the field's range; both ends are named when both are out. */
function withinField(ctx: ParseContext, distribution: Distribution, path: PathSegment[], field: FieldRange): boolean {
  if ('choice' in distribution) return true;
  const form = Object.keys(distribution)[0];
  const { low, high } = range(distribution, field.whole);
  const reach: string[] = [];
  if (field.min !== undefined && low < field.min) reach.push(low === -Infinity ? 'has no lower bound' : `can draw ${low}`);
  if (field.max !== undefined && high > field.max) reach.push(high === Infinity ? 'has no upper bound' : `can draw ${high}`);
  if (reach.length === 0) return true;
  const bounded = form === 'normal' || form === 'logNormal' ? ` (give it ${[field.min === undefined ? '' : `a min ≥ ${field.min}`, field.max === undefined ? '' : `a max ≤ ${field.max}`].filter(Boolean).join(' and ')})` : '';
  ctx.issue(path, `expected ${field.what}; this ${form} distribution ${reach.join(' and ')}${bounded}`);
  return false;
}
