/**
 * The regression suite: every scenario in scenarios/ meets its expectations and reproduces its
 * committed golden report (scenarios/golden/<name>.json), through the same vitest integration
 * other projects use (imsim/vitest: src/regression/vitest.ts), whose failure says what changed
 * in words. `UPDATE_GOLDENS=1 npx vitest run test/scenarios.test.ts` rewrites the goldens that
 * differ; a commit that changes one says which numbers moved and which rule makes them right.
 */
import { describe, expect, it } from 'vitest';
import { renderJson } from '../src/report/json.ts';
import { scenarioFiles } from '../src/regression/scenarioFiles.ts';
import { scenarioTests } from '../src/regression/vitest.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/sim/simulate.ts';

const files = scenarioFiles('scenarios');

it('finds the bundled scenarios, the default one among them, each with expectations', () => {
  expect(files).toContain('scenarios/default.yaml');
  expect(files.length).toBeGreaterThanOrEqual(10);
  for (const file of files) expect(loadScenario(file).expect.length, file).toBeGreaterThan(0);
});

scenarioTests('scenarios');

describe.each(files)('%s', (file) => {
  it('gives the same report when run twice', () => {
    expect(renderJson(simulate(loadScenario(file)))).toBe(renderJson(simulate(loadScenario(file))));
  });
});
