/**
 * A cohort's usage curves, any of whose numbers may be a distribution drawn once per app. Each
 * distribution is checked on its own, then the curve is checked as a plain curve three times:
 * with every distribution at the lowest value it can draw, at the highest, and crossed (a `min`
 * at its highest and everything else at its lowest, so that a random walk whose drawn min can
 * pass its drawn max is refused as a written one would be). A problem at a
 * distribution's place is told once and in its terms ("this uniform distribution can draw -5",
 * or "found a distribution" where only a plain value may stand), never as a probe value.
 */
import type { InputIssue } from '../inputError.ts';
import { isRecord } from '../input/plainData.ts';
import { suggest } from '../input/suggest.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { type CurveLeaf, type CurveTemplate, withLeaves } from '../population/cohort.ts';
import { type Distribution, distributionForms, range } from '../population/distribution.ts';
import { parseCurve } from './curvesParse.ts';
import { parseVarying } from './distributionParse.ts';
import type { ParseContext } from './parseContext.ts';
import { curveForms } from './schema.ts';
import { type Curve, countKeys, type UsageKey } from './types.ts';

interface Found {
  path: PathSegment[];
  raw: Record<string, unknown>;
}

/** What a probe found at one place: the issue, and the distribution's value there if it is a distribution's place. */
interface ProbeIssue {
  issue: InputIssue;
  leaf?: { distribution: Distribution; value: number };
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
  const [low, ...others] = (['low', 'high', 'crossed'] as const).map((end) => probe(ctx, raw, path, key, found, leaves, end));
  const issues = merged([low.issues, ...others.map((other) => other.issues)]);
  for (const issue of issues) ctx.add(issue);
  if (leaves.length < found.length || issues.length > 0 || !low.curve) return undefined;
  return { curve: low.curve, leaves };
}

/** DAU, groups and rooms at a value's place (constant, a step's or point's value, a series item) are whole. */
function isCountValue(key: UsageKey, at: PathSegment[]): boolean {
  const last = at[at.length - 1];
  return countKeys.has(key) && (last === 'constant' || last === 'value' || (typeof last === 'number' && at[at.length - 2] === 'series'));
}

/** The fields a curve form may hold: a mapping with one other key near a distribution form is a misspelt distribution. */
const curveFields = new Set<string>([...curveForms, 'from', 'to', 'start', 'monthlyRate', 'drift', 'volatility', 'min', 'max', 'base', 'weekendFactor', 'sigma', 'value', 'at', 'column']);

function distributionsIn(raw: unknown, at: PathSegment[]): Found[] {
  if (Array.isArray(raw)) return raw.flatMap((item, index) => distributionsIn(item, [...at, index]));
  if (!isRecord(raw)) return [];
  const keys = Object.keys(raw);
  const misspelt = keys.length === 1 && !curveFields.has(keys[0]) && suggest(keys[0], distributionForms).startsWith('did you mean');
  if (misspelt || distributionForms.some((form) => form in raw)) return [{ path: at, raw }];
  return Object.entries(raw).flatMap(([field, value]) => distributionsIn(value, [...at, field]));
}

/** The curve checked with every distribution at one end of its range (0 where it did not parse). */
function probe(ctx: ParseContext, raw: unknown, path: PathSegment[], key: UsageKey, found: Found[], leaves: CurveLeaf[], end: 'low' | 'high' | 'crossed') {
  const ends = new Map<string, { distribution: Distribution; value: number }>();
  const drawnLeaves = found.map(({ path: at }) => {
    const leaf = leaves.find((candidate) => candidate.path.join('.') === at.join('.'));
    const bounds = leaf ? range(leaf.distribution, leaf.whole) : { low: 0, high: 0 };
    const drawn = end === 'crossed' ? (at[at.length - 1] === 'min' ? bounds.high : bounds.low) : bounds[end];
    if (leaf) ends.set([...path, ...at].join('.'), { distribution: leaf.distribution, value: drawn });
    return { path: at, value: Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, drawn)) };
  });
  const copy = withLeaves(raw, drawnLeaves);
  const { value: curve, issues } = ctx.capture(() => parseCurve(ctx, copy, path, key));
  return { curve, issues: issues.map((issue): ProbeIssue => ({ issue, leaf: issue.message.includes(', found ') ? ends.get(issue.path) : undefined })) };
}

/**
 * The issues of the probes, each place told once: at a distribution's place, what the
 * distribution can draw (one or both ends); elsewhere, the issues of the first probe that found one.
 */
function merged(probes: ProbeIssue[][]): InputIssue[] {
  const byPath = new Map<string, { probe: number; entry: ProbeIssue }[]>();
  probes.forEach((issues, probe) => {
    for (const entry of issues) byPath.set(entry.issue.path, [...(byPath.get(entry.issue.path) ?? []), { probe, entry }]);
  });
  return [...byPath.values()].flatMap((found) => {
    const entries = found.map(({ entry }) => entry);
    const [first] = entries;
    if (!first.leaf) return found.filter(({ probe }) => probe === found[0].probe).map(({ entry }) => entry.issue);
    const head = first.issue.message.split(', found ')[0];
    const form = Object.keys(first.leaf.distribution)[0];
    if (!/number|at least|at most|≥|≤/.test(head)) return [{ ...first.issue, message: `${head}, found a distribution (only a number may vary between apps)` }];
    return [{ ...first.issue, message: `${head}; this ${form} distribution ${reach(entries.map((entry) => entry.leaf?.value ?? 0))}` }];
  });
}

/** "can draw -3 and -1", "has no lower bound": the ends of a distribution a field refuses. */
function reach(values: number[]): string {
  const finite = [...new Set(values.filter(Number.isFinite))];
  const unbounded = [...new Set(values.filter((value) => !Number.isFinite(value)).map((value) => `has no ${value < 0 ? 'lower' : 'upper'} bound`))];
  return [...(finite.length > 0 ? [`can draw ${finite.join(' and ')}`] : []), ...unbounded].join(' and ');
}
