/**
 * imsim scenarios in another project's vitest suite (`import … from 'imsim/vitest'`): a
 * `toMatchGoldenReport(goldenFile)` matcher whose failure message says what changed in words
 * (report/reportDiff.ts, the same comparison as `imsim test --golden`), and `scenarioTests(dir)`,
 * one test per scenario of a folder: its expectations, and its report against
 * DIR/golden/<name>.json. Set UPDATE_GOLDENS=1 to write the goldens that differ or are missing.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../report/types.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { simulate } from '../sim/simulate.ts';
import { againstGolden, failedExpectations, goldenFileOf } from './checkScenario.ts';
import { scenarioFiles } from './scenarioFiles.ts';

interface GoldenMatchers<R = unknown> {
  /** The report is its golden one (DIR/golden/<name>.json); with UPDATE_GOLDENS=1 a golden that differs is written. */
  toMatchGoldenReport(goldenFile: string): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: declaration merging must repeat vitest's own `Matchers<T = any>`
  interface Matchers<T = any> extends GoldenMatchers<T> {}
}

const updating = () => process.env.UPDATE_GOLDENS === '1';

expect.extend({
  toMatchGoldenReport(received: Report, goldenFile: string) {
    const { golden, diff } = againstGolden(received, goldenFile, { update: updating(), editedPolicy: false });
    const pass = golden === 'same' || golden === 'written';
    if (golden === 'written') console.info(`golden report written: ${goldenFile}${diff.map((line) => `\n  ${line}`).join('')}`);
    const words =
      golden === 'missing'
        ? `no golden report ${goldenFile} (run with UPDATE_GOLDENS=1 to write it)`
        : `the report differs from ${goldenFile}: ${diff.length} change${diff.length === 1 ? '' : 's'}\n${diff.map((line) => `  ${line}`).join('\n')}`;
    return { pass, message: () => (pass ? `expected the report not to match ${goldenFile}` : words) };
  },
});

/** Options of `scenarioTests`: how each scenario file is loaded, and whether its report is compared with its golden one. */
export interface ScenarioTestOptions {
  /** How a scenario file is read (default: loadScenario); give one to set a policy or knobs. */
  load?: (file: string) => Scenario;
  /** Compare each report with its golden one (default: true). */
  golden?: boolean;
}

/**
 * A describe block per scenario of `dir`: its expectations hold (a failure lists those that do
 * not, one line each), and its report is its golden one. A scenario with input errors fails on
 * its own, with every issue, and the other scenarios still run.
 */
export function scenarioTests(dir: string, options: ScenarioTestOptions = {}): void {
  const load = options.load ?? ((file: string) => loadScenario(file));
  describe.each(scenarioFiles(dir))('%s', (file) => {
    let report: Report | undefined;
    let error: unknown;
    try {
      report = simulate(load(file));
    } catch (thrown) {
      error = thrown;
    }

    it('meets every expectation it states', () => {
      if (!report) throw error;
      const failed = failedExpectations(report);
      if (failed.length > 0) expect.fail(`${failed.length} of the expectations of ${file} do not hold:\n${failed.map((line) => `  ${line}`).join('\n')}`);
    });

    if (options.golden !== false) {
      it.skipIf(!report)('reproduces its golden report', () => {
        expect(report).toMatchGoldenReport(goldenFileOf(file));
      });
    }
  });
}
