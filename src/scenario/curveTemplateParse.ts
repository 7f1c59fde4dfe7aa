/**
 * A cohort's usage curves, any of whose numbers may be a distribution drawn once per app. Each
 * distribution is checked on its own, then the curve is checked as a plain curve twice, with
 * every distribution at the lowest and then at the highest value it can draw: a problem at a
 * distribution's place reads "this uniform distribution can draw -5" instead of a probe value.
 */
import type { InputIssue } from '../inputError.ts';
import { isRecord } from '../input/plainData.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { type CurveLeaf, type CurveTemplate, setLeaf } from '../population/cohort.ts';
import { type Distribution, distributionForms, range } from '../population/distribution.ts';
import { parseCurve } from './curvesParse.ts';
import { parseVarying } from './distributionParse.ts';
import type { ParseContext } from './parseContext.ts';
import { type Curve, countKeys, type UsageKey } from './types.ts';

interface Found {
  path: PathSegment[];
  raw: Record<string, unknown>;
}

export function parseCurveTemplate(ctx: ParseContext, raw: unknown, path: PathSegment[], key: UsageKey): CurveTemplate<Curve> | undefined {
  const found = distributionsIn(raw, []);
  if (found.length === 0) {
    const curve = parseCurve(ctx, raw, path, key);
    return curve && { curve, leaves: [] };
  }
  const leaves: CurveLeaf[] = [];
  for (const { path: at, raw: leafRaw } of found) {
    const whole = isCountValue(key, at);
    const distribution = parseVarying(ctx, leafRaw, [...path, ...at], { what: whole ? 'a whole number' : 'a number', whole });
    if (distribution !== undefined && typeof distribution === 'object') leaves.push({ path: at, distribution, whole });
  }
  const low = probe(ctx, raw, path, key, found, leaves, 'low');
  const high = probe(ctx, raw, path, key, found, leaves, 'high');
  const seen = new Set<string>();
  for (const issue of [...low.issues, ...high.issues]) {
    const id = `${issue.path}\n${issue.message}`;
    if (!seen.has(id)) ctx.add(issue);
    seen.add(id);
  }
  if (leaves.length < found.length || low.issues.length + high.issues.length > 0 || !low.curve) return undefined;
  return { curve: low.curve, leaves };
}

/** DAU, groups and rooms at a value's place (constant, a step's or point's value, a series item) are whole. */
function isCountValue(key: UsageKey, at: PathSegment[]): boolean {
  const last = at[at.length - 1];
  return countKeys.has(key) && (last === 'constant' || last === 'value' || (typeof last === 'number' && at[at.length - 2] === 'series'));
}

function distributionsIn(raw: unknown, at: PathSegment[]): Found[] {
  if (Array.isArray(raw)) return raw.flatMap((item, index) => distributionsIn(item, [...at, index]));
  if (!isRecord(raw)) return [];
  if (distributionForms.some((form) => form in raw)) return [{ path: at, raw }];
  return Object.entries(raw).flatMap(([field, value]) => distributionsIn(value, [...at, field]));
}

/** The curve checked with every distribution at one end of its range (0 where it did not parse). */
function probe(ctx: ParseContext, raw: unknown, path: PathSegment[], key: UsageKey, found: Found[], leaves: CurveLeaf[], end: 'low' | 'high') {
  const copy = structuredClone(raw);
  const ends = new Map<string, { distribution: Distribution; value: number }>();
  for (const { path: at } of found) {
    const leaf = leaves.find((candidate) => candidate.path.join('.') === at.join('.'));
    const bounds = leaf ? range(leaf.distribution, leaf.whole) : { low: 0, high: 0 };
    const value = Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, bounds[end]));
    setLeaf(copy, at, value);
    if (leaf) ends.set([...path, ...at].join('.'), { distribution: leaf.distribution, value: bounds[end] });
  }
  const { value: curve, issues } = ctx.capture(() => parseCurve(ctx, copy, path, key));
  return { curve, issues: issues.map((issue) => atDistribution(issue, ends.get(issue.path))) };
}

/** A value's issue at a distribution's place reads what the distribution can draw, not the probe. */
function atDistribution(issue: InputIssue, leaf: { distribution: Distribution; value: number } | undefined): InputIssue {
  if (!leaf || !issue.message.includes(', found ')) return issue;
  const form = Object.keys(leaf.distribution)[0];
  const head = issue.message.split(', found ')[0];
  const reach = Number.isFinite(leaf.value) ? `can draw ${leaf.value}` : `has no ${leaf.value < 0 ? 'lower' : 'upper'} bound: give it a ${leaf.value < 0 ? 'min' : 'max'}`;
  return { ...issue, message: `${head}; this ${form} distribution ${reach}` };
}
