/**
 * What differs between two reports of one scenario: every KPI with its delta and relative delta
 * (for all accounts, each tag and each cohort), the apps whose stories part with their first
 * divergent transition under A and under B, and how many apps are better and worse off by net
 * revenue. Pure: `compare` (compare.ts) plays the two runs, the visualizer passes its own.
 */
import { money, ZERO } from '../domain/money.ts';
import { appRevenue } from '../report/appRevenue.ts';
import { divergences } from '../report/divergence.ts';
import type { KpiValue } from '../report/kpiPaths.ts';
import { type KpisShaped, zipKpis } from '../report/kpiZip.ts';
import type { AppState, Kpis, RecordSection, Report, TransitionCause } from '../report/types.ts';

/** The record lists a comparison reads of each report, in every format (the HTML page's charts too): the rest it reads off the KPIs. */
export const COMPARED_SECTIONS: readonly RecordSection[] = ['transitions', 'orders', 'bills', 'refunds'];

/** One side of a comparison: the policy its run began under, its overrides, the knobs changed during the run, and its KPIs. */
export interface CompareSide {
  policy: string;
  /** Every knob that differs from the policy the scenario names. */
  overrides: Record<string, unknown>;
  /** The knobs changed during the run, and when (the scenario's policyChanges, compare's `from`). */
  changes?: { at: string; set: Record<string, unknown> }[];
  kpis: Kpis;
}

/** A transition as compare shows it. */
export interface Step {
  at: string;
  to: AppState;
  cause: TransitionCause;
}

/**
 * What differs between two runs of one scenario, A and B: each KPI's delta and relative delta, the
 * apps whose stories part, and how many apps are better and worse off by net revenue.
 */
export interface Comparison {
  format: 1;
  scenario: { name: string; file: string; seed: number };
  /** With `from`: both runs share everything before this instant, where B's knobs take effect. */
  from?: string;
  a: CompareSide;
  b: CompareSide;
  /** Each KPI of B less A's: amounts as two-decimal strings, counts and days as numbers. */
  delta: KpisShaped<KpiValue>;
  /** (B − A) / |A|, to four decimals; null where A is 0. */
  relative: KpisShaped<number | null>;
  /** The apps whose transitions part, by the instant they part: the first that differs under each. */
  apps: { app: string; a: Step | null; b: Step | null }[];
  /** Apps whose net revenue (orders and bill lines less refunds) is higher under B, and lower. */
  betterOff: number;
  worseOff: number;
}

/** The comparison of two reports of one scenario (A's names it): the CLI's, the pages' and the visualizer's. */
export function comparisonOf(a: Report, b: Report, from?: string): Comparison {
  const side = ({ policy, kpis }: Report): CompareSide => ({ policy: policy.id, overrides: policy.overrides, ...(policy.changes ? { changes: policy.changes } : {}), kpis });
  const step = (transition: Step | undefined): Step | null => (transition ? { at: transition.at, to: transition.to, cause: transition.cause } : null);
  const [revenueA, revenueB] = [appRevenue(a), appRevenue(b)];
  const moved = a.apps.map((app) => (revenueB.get(app.id) ?? ZERO).comparedTo(revenueA.get(app.id) ?? 0));
  return {
    format: 1,
    scenario: { name: a.scenario.name, file: a.scenario.file, seed: a.scenario.seed },
    ...(from === undefined ? {} : { from }),
    a: side(a),
    b: side(b),
    delta: zipKpis(a.kpis, b.kpis, difference),
    relative: zipKpis(a.kpis, b.kpis, relativeDifference),
    apps: divergences(a, b).map((divergence) => ({ app: divergence.app, a: step(divergence.a), b: step(divergence.b) })),
    betterOff: moved.filter((sign) => sign > 0).length,
    worseOff: moved.filter((sign) => sign < 0).length,
  };
}

/** B − A: an amount stays a two-decimal string, a count or a number of days a number. */
function difference(a: KpiValue, b: KpiValue): KpiValue {
  const delta = money(b).minus(a);
  return typeof a === 'string' ? delta.toFixed(2) : delta.toNumber();
}

function relativeDifference(a: KpiValue, b: KpiValue): number | null {
  const base = money(a);
  return base.isZero() ? null : money(b).minus(base).div(base.abs()).toDecimalPlaces(4).toNumber();
}

