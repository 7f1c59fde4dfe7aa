/**
 * The regression suite: every scenario in scenarios/ meets its expectations and reproduces its
 * committed golden report byte for byte. `npx vitest run test/scenarios.test.ts -u` rewrites the
 * goldens; a commit that changes one says which numbers moved and which rule makes them right.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../src/cli/test.ts';
import { renderJson } from '../src/report/json.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/sim/simulate.ts';

const files = scenarioFiles('scenarios');

it('finds the bundled scenarios, the default one among them', () => {
  expect(files).toContain('scenarios/default.yaml');
  expect(files.length).toBeGreaterThanOrEqual(10);
});

describe.each(files)('%s', (file) => {
  const report = simulate(loadScenario(file));

  it('meets every expectation it states', () => {
    expect(report.expectations.length).toBeGreaterThan(0);
    expect(report.expectations.filter((result) => !result.ok)).toEqual([]);
  });

  it('reproduces its golden report', async () => {
    const golden = `../scenarios/golden/${basename(file).replace(/\.(ya?ml|json)$/, '.json')}`;
    await expect(renderJson(report)).toMatchFileSnapshot(golden);
  });

  it('gives the same report when run twice', () => {
    expect(renderJson(simulate(loadScenario(file)))).toBe(renderJson(report));
  });
});
