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
import { againstGolden, goldenFileOf } from './checkScenario.ts';
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

/** A describe block per scenario of `dir`: its expectations hold, and its report is its golden one. */
export function scenarioTests(dir: string, options: ScenarioTestOptions = {}): void {
  const load = options.load ?? ((file: string) => loadScenario(file));
  describe.each(scenarioFiles(dir))('%s', (file) => {
    const report = simulate(load(file));

    it('meets every expectation it states', () => {
      expect(report.expectations.filter((result) => !result.ok)).toEqual([]);
    });

    if (options.golden !== false) {
      it('reproduces its golden report', () => {
        expect(report).toMatchGoldenReport(goldenFileOf(file));
      });
    }
  });
}
