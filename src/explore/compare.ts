/**
 * `compare(scenario, a, b)`: one scenario under two policies on the same seed (so every customer
 * makes the same decisions in both runs: common random numbers), and what differs: every KPI with
 * its delta and relative delta, for all accounts, each tag and each cohort; the apps whose stories
 * part, each with its first divergent transition under A and under B; how many apps are better and
 * worse off by net revenue. The CLI (`imsim compare`) and the page build on it.
 */
import { formatInstant } from '../domain/calendar.ts';
import { InputError } from '../inputError.ts';
import { overridesFrom } from '../policy/diff.ts';
import { unchangeableKnobs } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { runInstant } from '../sim/runInstant.ts';
import { policyZone } from '../sim/simulate.ts';
import { simulateInBatches } from '../sim/inBatches.ts';
import { keptRun } from '../sim/keptRun.ts';
import { COMPARED_SECTIONS, type Comparison, comparisonOf } from './comparison.ts';

/** A comparison of two runs of one scenario, and the two reports it was made from. */
export interface CompareResult {
  comparison: Comparison;
  reports: { a: Report; b: Report };
}

/** Options of `compare`: the instant B's knobs take effect, and the policies each side's overrides count from. */
export interface CompareOptions {
  /**
   * An instant of the period: B runs under A until then, and B's knobs take effect at that instant
   * as a policy change (`policyChanges`: terms already in effect are kept). A date-time in the
   * policy's zone (`"2020-06-01"`, `"2020-06-01T12:00"`) or epoch milliseconds.
   */
  from?: number | string;
  /**
   * The policies each side's `overrides` count from (as `simulate`'s `base`): the CLI passes the
   * policy each side names, so a side under another policy file still lists its `--set`.
   */
  bases?: { a?: Policy; b?: Policy };
  /**
   * `'all'` (the default): `reports` holds both full reports. `'compared'`: each report keeps only
   * the records a comparison reads (`COMPARED_SECTIONS`), every other record counted into its KPIs
   * and let go, and checks no expectation (`expectations` is empty): the same comparison, on about
   * half the memory of a large population (`imsim compare`).
   */
  records?: 'all' | 'compared';
}

/**
 * Runs the scenario under policy `a` and under `b` on the same seed, and compares the reports. With
 * `options.from`, B runs under A until that instant, when B's knobs take effect; a B that then
 * differs from A in a knob fixed for a run (currency, time zone) throws InputError before either
 * side plays.
 */
export function compare(scenario: Scenario, a: Policy, b: Policy, options: CompareOptions = {}): CompareResult {
  const sides = compareSides(scenario, a, b, options);
  return compared(sides, playSide(sides.a), playSide(sides.b));
}

/** One side of a comparison as it is played: the scenario (B's with its change at `from`), the policy, the base its overrides count from, and the records it keeps. */
export interface PlayedSide {
  scenario: Scenario;
  policy: Policy;
  base?: Policy;
  records: 'all' | 'compared';
}

/** What `compare` plays on each side, and the instant B's knobs take effect as the report writes it. */
export interface CompareSides {
  a: PlayedSide;
  b: PlayedSide;
  from?: string;
}

/**
 * The two sides `compare` plays: A, the scenario under `a`; B, the scenario under `b`, or with
 * `options.from` under `a` with a change to B's knobs at that instant (InputError for a B that
 * differs from A in a knob fixed for a run).
 */
export function compareSides(scenario: Scenario, a: Policy, b: Policy, options: CompareOptions = {}): CompareSides {
  const { bases = {}, records = 'all' } = options;
  const from = options.from === undefined ? undefined : runInstant(options.from, policyZone(a), scenario.file, 'from');
  const sideA: PlayedSide = { scenario, policy: a, base: bases.a, records };
  if (from === undefined) return { a: sideA, b: { scenario, policy: b, base: bases.b, records } };
  return { a: sideA, b: { ...sideA, scenario: changedAt(scenario, from, changeTo(a, b)) }, from: formatInstant(from, policyZone(a)) };
}

/** The report of one side: every record (`simulateInBatches`), or those a comparison reads (`keptRun`). */
export function playSide({ scenario, policy, base, records }: PlayedSide): Report {
  return records === 'compared' ? keptRun(scenario, COMPARED_SECTIONS, policy, { base }) : simulateInBatches(scenario, policy, { base });
}

/** The comparison of the two sides' reports. */
export function compared(sides: CompareSides, a: Report, b: Report): CompareResult {
  return { comparison: comparisonOf(a, b, sides.from), reports: { a, b } };
}

/**
 * The knobs that turn A into B within a run: B keeps A's id and name (a policy change, not
 * another policy); a B that differs in a knob fixed for a run (currency, time zone) is refused.
 */
function changeTo(a: Policy, b: Policy): Record<string, unknown> {
  const { id: _id, name: _name, ...set } = overridesFrom(a, b);
  const fixed = unchangeableKnobs(set);
  if (fixed.length > 0) throw new InputError(fixed.map(({ key, message }) => ({ file: 'compare from', line: 1, column: 1, path: key, message: `${message}: compare B from an instant only under a policy that differs in knobs that may change` })));
  return set;
}

/** The scenario with one more knob change, at `at`, after the changes it already makes by then. */
function changedAt(scenario: Scenario, at: number, set: Record<string, unknown>): Scenario {
  const changes = [...scenario.policyChanges, { at, set, line: 0 }].map((change, order) => ({ change, order }));
  return { ...scenario, policyChanges: changes.sort((x, y) => x.change.at - y.change.at || x.order - y.order).map(({ change }) => change) };
}
