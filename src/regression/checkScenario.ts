/**
 * One scenario as a regression test: played (under an edited policy when one is given), its
 * expectations checked, and, with goldens, its report compared with `golden/<name>.json` beside
 * it, the differences in words (report/reportDiff.ts). With `update` a golden that differs or is
 * missing is written, and what changed is still said.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatIssue, InputError } from '../inputError.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import { renderJson } from '../report/json.ts';
import { reportDiff } from '../report/reportDiff.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { simulate } from '../sim/simulate.ts';

/** `sameOutcome`: under an edited policy (--policy, --set), everything but the report's policy record is the golden's. */
export type GoldenState = 'same' | 'sameOutcome' | 'changed' | 'missing' | 'written';

export interface ScenarioOutcome {
  file: string;
  /** Input errors and failed expectations, one line each. */
  problems: string[];
  golden?: GoldenState;
  /** Where its golden report is (or would be). */
  goldenFile?: string;
  /** What differs from the golden report, one line each (reportDiff). */
  diff: string[];
}

export interface CheckOptions {
  golden: boolean;
  update: boolean;
  /** The scenarios run under a policy other than their own (--policy, --set): a policy record that differs is not a change of outcome. */
  editedPolicy: boolean;
}

export function goldenFileOf(file: string): string {
  return join(dirname(file), 'golden', basename(file).replace(/\.(ya?ml|json)$/, '.json'));
}

export function passed(outcome: ScenarioOutcome): boolean {
  return outcome.problems.length === 0 && (outcome.golden === undefined || outcome.golden === 'same' || outcome.golden === 'sameOutcome' || outcome.golden === 'written');
}

/** The report's expectations that do not hold, one line each: `line 51: expected …, got …`. */
export function failedExpectations(report: Report): string[] {
  return report.expectations
    .filter((expectation) => !expectation.ok)
    .map((expectation) => `line ${expectation.line}: expected ${expectation.expected}, got ${expectation.actual}`);
}

export function checkScenario(file: string, load: (file: string) => Scenario, options: CheckOptions): ScenarioOutcome {
  let report: Report;
  try {
    report = simulate(load(file));
  } catch (error) {
    if (error instanceof InputError) return { file, problems: error.issues.map(formatIssue), diff: [] };
    throw error;
  }
  const problems = failedExpectations(report);
  if (!options.golden) return { file, problems, diff: [] };
  const goldenFile = goldenFileOf(file);
  return { file, problems, goldenFile, ...againstGolden(report, goldenFile, options) };
}

/**
 * A report against its golden file: the same (byte for byte, but for the scenario's path, which
 * differs when the golden was written from another folder or working directory), or what
 * changed in words; with `update`, the golden written when it differs or is missing.
 */
export function againstGolden(report: Report, goldenFile: string, options: Omit<CheckOptions, 'golden'>): { golden: GoldenState; diff: string[] } {
  const text = renderJson(report);
  const before = existsSync(goldenFile) ? readFileSync(goldenFile, 'utf8') : undefined;
  const golden = before === undefined ? undefined : (JSON.parse(before) as Report);
  if (before === text || (golden && renderJson({ ...golden, scenario: { ...golden.scenario, file: report.scenario.file } }) === text)) return { golden: 'same', diff: [] };
  if (golden && options.editedPolicy && !options.update && renderJson({ ...report, scenario: golden.scenario, policy: golden.policy }) === before) return { golden: 'sameOutcome', diff: [] };
  const diff = golden === undefined ? [] : reportDiff(golden, report);
  if (options.update) {
    // A folder's first golden makes its golden/ folder.
    mkdirSync(dirname(goldenFile), { recursive: true });
    writeFileAtomic(goldenFile, text);
    return { golden: 'written', diff };
  }
  return { golden: before === undefined ? 'missing' : 'changed', diff };
}
