/**
 * `compare(scenario, a, b)`: one scenario under two policies on the same seed (so every customer
 * makes the same decisions in both runs: common random numbers), and what differs: every KPI with
 * its delta and relative delta, for all accounts, each tag and each cohort; the apps whose stories
 * part, each with its first divergent transition under A and under B; how many apps are better and
 * worse off by net revenue. The CLI (`imsim compare`) and the page build on it.
 */
import { overridesFrom } from '../policy/diff.ts';
import type { Policy } from '../policy/schema.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { simulate } from '../sim/simulate.ts';
import { type Comparison, comparisonOf } from './comparison.ts';

export interface CompareResult {
  comparison: Comparison;
  reports: { a: Report; b: Report };
}

export interface CompareOptions {
  /**
   * An instant of the period: B runs under A until then, and B's knobs take effect at that instant
   * as a policy change (`policyChanges`: terms already in effect are kept).
   */
  from?: number;
}

export function compare(scenario: Scenario, a: Policy, b: Policy, options: CompareOptions = {}): CompareResult {
  const { from } = options;
  const reports =
    from === undefined
      ? { a: simulate(scenario, a), b: simulate(scenario, b) }
      : { a: simulate(scenario, a), b: simulate(changedAt(scenario, from, overridesFrom(a, b)), a) };
  return { comparison: comparisonOf(reports.a, reports.b, from === undefined ? undefined : reports.b.policy.changes?.find((change) => Date.parse(change.at) === from)?.at), reports };
}

/** The scenario with one more knob change, at `at`, after the changes it already makes by then. */
function changedAt(scenario: Scenario, at: number, set: Record<string, unknown>): Scenario {
  const changes = [...scenario.policyChanges, { at, set, line: 0 }].map((change, order) => ({ change, order }));
  return { ...scenario, policyChanges: changes.sort((x, y) => x.change.at - y.change.at || x.order - y.order).map(({ change }) => change) };
}
