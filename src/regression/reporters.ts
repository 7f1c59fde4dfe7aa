/**
 * How `imsim test` tells its results: lines for a person (the last one `N passed, N failed`),
 * JSON for a tool, JUnit XML for a CI (one test case per scenario, its problems and the changes
 * from its golden report as the failure's text).
 */
import { type ScenarioOutcome, passed } from './checkScenario.ts';

export const reporters = ['text', 'json', 'junit'] as const;
export type ReporterName = (typeof reporters)[number];

function goldenLine(outcome: ScenarioOutcome): string | undefined {
  const changes = `${outcome.diff.length} change${outcome.diff.length === 1 ? '' : 's'}`;
  switch (outcome.golden) {
    case 'missing':
      return `no golden report ${outcome.goldenFile} (write it with --update)`;
    case 'changed':
      return `the report differs from ${outcome.goldenFile}: ${outcome.diff.length > 0 ? changes : 'only in its layout'}`;
    case 'sameOutcome':
      return `the same outcome as ${outcome.goldenFile} under the edited policy`;
    case 'written':
      return `golden report written: ${outcome.goldenFile}${outcome.diff.length > 0 ? ` (${changes})` : ''}`;
    default:
      return undefined;
  }
}

/** What a scenario's result says beyond pass or fail, one line each. */
export function detailLines(outcome: ScenarioOutcome): string[] {
  const golden = goldenLine(outcome);
  return [...outcome.problems, ...(golden ? [golden] : []), ...outcome.diff.map((line) => `  ${line}`)];
}

export function summaryLine(outcomes: readonly ScenarioOutcome[]): string {
  const ok = outcomes.filter(passed).length;
  return `${ok} passed, ${outcomes.length - ok} failed`;
}

export function textReport(outcomes: readonly ScenarioOutcome[]): string {
  const lines = outcomes.flatMap((outcome) => [`${passed(outcome) ? '✓' : '✗'} ${outcome.file}`, ...detailLines(outcome).map((line) => `    ${line}`)]);
  return `${[...lines, summaryLine(outcomes)].join('\n')}\n`;
}

export function jsonReport(outcomes: readonly ScenarioOutcome[]): string {
  const ok = outcomes.filter(passed).length;
  const scenarios = outcomes.map((outcome) => ({ ...outcome, passed: passed(outcome) }));
  return `${JSON.stringify({ passed: ok, failed: outcomes.length - ok, scenarios }, null, 2)}\n`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junitReport(outcomes: readonly ScenarioOutcome[], suite: string): string {
  const failures = outcomes.filter((outcome) => !passed(outcome)).length;
  const cases = outcomes.map((outcome) => {
    const name = `name="${xml(outcome.file)}" classname="imsim.${xml(suite)}"`;
    if (passed(outcome)) return `    <testcase ${name}/>`;
    const details = detailLines(outcome);
    return `    <testcase ${name}>\n      <failure message="${xml(details[0] ?? 'failed')}">${xml(details.join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="imsim" tests="${outcomes.length}" failures="${failures}">`,
    `  <testsuite name="imsim test ${xml(suite)}" tests="${outcomes.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
