/**
 * Usage curves (docs/scenario-format.md, "Curves"): exactly one form per curve, counts in whole numbers,
 * step and point dates that exist and increase, nested bases checked like any curve, and CSV
 * columns read into values by day (./csvCurve.ts).
 */
import { parseLocalTime } from '../domain/calendar.ts';
import { describeValue } from '../input/issues.ts';
import { isRecord } from '../input/plainData.ts';
import { suggest } from '../input/suggest.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { readCsvCurve } from './csvCurve.ts';
import type { ParseContext } from './parseContext.ts';
import { curveFormSchemas, curveForms } from './schema.ts';
import { type Curve, countKeys, type UsageKey } from './types.ts';

export function parseCurve(ctx: ParseContext, raw: unknown, path: PathSegment[], key: UsageKey): Curve | undefined {
  if (!isRecord(raw)) {
    ctx.issue(path, `expected a curve such as { constant: 100 }, found ${describeValue(raw)}`);
    return undefined;
  }
  const forms = curveForms.filter((form) => form in raw);
  if (forms.length === 0) {
    const keys = Object.keys(raw);
    const hint = keys.length > 0 ? suggest(keys[0], curveForms) : `expected one of ${curveForms.join(', ')}`;
    ctx.issue(keys.length > 0 ? [...path, keys[0]] : path, `expected a curve form; ${hint}`, { key: true });
    return undefined;
  }
  if (forms.length > 1) {
    ctx.issue([...path, forms[1]], `expected one curve form, found both ${forms[0]} and ${forms[1]}`, { key: true });
    return undefined;
  }
  switch (forms[0]) {
    case 'constant': {
      const data = ctx.check(curveFormSchemas.constant, raw, path);
      return data && wholeCounts(ctx, [data.constant], [[...path, 'constant']], key) ? data : undefined;
    }
    case 'series': {
      const data = ctx.check(curveFormSchemas.series, raw, path);
      return data && wholeCounts(ctx, data.series, data.series.map((_, index) => [...path, 'series', index]), key) ? data : undefined;
    }
    case 'steps': {
      const data = ctx.check(curveFormSchemas.steps, raw, path);
      if (!data) return undefined;
      const paths = data.steps.map((_, index) => [...path, 'steps', index]);
      const datesOk = increasingDates(ctx, data.steps.map((step) => step.from), paths.map((p) => [...p, 'from']));
      return wholeCounts(ctx, data.steps.map((step) => step.value), paths.map((p) => [...p, 'value']), key) && datesOk ? data : undefined;
    }
    case 'points': {
      const data = ctx.check(curveFormSchemas.points, raw, path);
      if (!data) return undefined;
      const paths = data.points.map((_, index) => [...path, 'points', index]);
      const datesOk = increasingDates(ctx, data.points.map((point) => point.at), paths.map((p) => [...p, 'at']));
      return wholeCounts(ctx, data.points.map((point) => point.value), paths.map((p) => [...p, 'value']), key) && datesOk ? data : undefined;
    }
    case 'linear':
      return ctx.check(curveFormSchemas.linear, raw, path);
    case 'growth':
      return ctx.check(curveFormSchemas.growth, raw, path);
    case 'randomWalk': {
      const data = ctx.check(curveFormSchemas.randomWalk, raw, path);
      const walk = data?.randomWalk;
      if (walk?.min !== undefined && walk.max !== undefined && walk.min > walk.max) {
        ctx.issue([...path, 'randomWalk', 'max'], `expected at least min (${walk.min}), found ${walk.max}`);
        return undefined;
      }
      return data;
    }
    case 'weekly': {
      const data = ctx.check(curveFormSchemas.weekly, raw, path);
      const base = data && parseCurve(ctx, data.weekly.base, [...path, 'weekly', 'base'], key);
      return data && base ? { weekly: { base, weekendFactor: data.weekly.weekendFactor } } : undefined;
    }
    case 'noise': {
      const data = ctx.check(curveFormSchemas.noise, raw, path);
      const base = data && parseCurve(ctx, data.noise.base, [...path, 'noise', 'base'], key);
      return data && base ? { noise: { base, sigma: data.noise.sigma } } : undefined;
    }
    case 'csv': {
      const data = ctx.check(curveFormSchemas.csv, raw, path);
      const values = data && readCsvCurve(ctx, data.csv, data.column, path, key);
      return data && values ? { csv: data.csv, column: data.column, values } : undefined;
    }
  }
}

/** Counts (dau, groups, avChatrooms) are whole numbers; Mbps may be decimal. */
function wholeCounts(ctx: ParseContext, values: number[], paths: PathSegment[][], key: UsageKey): boolean {
  if (!countKeys.has(key)) return true;
  let ok = true;
  values.forEach((value, index) => {
    if (!Number.isInteger(value)) {
      ctx.issue(paths[index], `expected a whole number ≥ 0 (${key} is a count), found ${value}`);
      ok = false;
    }
  });
  return ok;
}

/** Step and point dates exist and increase. */
function increasingDates(ctx: ParseContext, texts: string[], paths: PathSegment[][]): boolean {
  let ok = true;
  texts.forEach((text, index) => {
    if (parseLocalTime(text, ctx.zone) === undefined) {
      ctx.issue(paths[index], `expected an existing date, found "${text}" (no such day)`);
      ok = false;
    } else if (index > 0 && text <= texts[index - 1]) {
      ctx.issue(paths[index], `expected dates in increasing order, found "${text}" after "${texts[index - 1]}"`);
      ok = false;
    }
  });
  return ok;
}
