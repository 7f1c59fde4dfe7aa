/**
 * A run in memory played in batches of accounts on one thread (sim/inBatches.ts, as `imsim run`
 * and `compare` play a population of more than 2,000 apps) gives the report `simulate` gives,
 * byte for byte: on every bundled scenario, expectations checked, and under another policy with
 * the base its overrides count from.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { simulateInBatches } from '../../src/sim/inBatches.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { batchesFor, MEMORY_BATCH_APPS } from '../../src/sim/batchCount.ts';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { largePopulationText } from './largePopulation.ts';

describe('a run in memory played in batches of accounts', () => {
  it.each(scenarioFiles('scenarios'))('%s gives the report played whole, in 2 and 3 batches', (file) => {
    const scenario = loadScenario(file);
    const whole = renderJson(simulate(scenario));
    for (const batches of [2, 3]) expect(renderJson(simulateInBatches(scenario, scenario.policy, {}, batches)), `${batches} batches`).toBe(whole);
  });

  it('runs under the policy it is given, its overrides counted from the base it is given', () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const policy = applyOverrides(loadPolicy('tencent-im-2019'), { 'lifecycle.grace.days': 14 });
    expect(simulateInBatches(scenario, policy, {}, 4).policy.overrides).toEqual({ 'lifecycle.grace.days': 14 });
    const report = simulateInBatches(scenario, policy, { base: policy }, 4);
    expect(report.policy.overrides).toEqual({});
    expect(renderJson(report)).toBe(renderJson(simulate(scenario, policy, { base: policy })));
  });

  it('plays a population of up to 2,000 apps whole, and refuses a number of batches that is not a whole number of at least 1', () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    expect(renderJson(simulateInBatches(scenario))).toBe(renderJson(simulate(scenario)));
    expect(() => simulateInBatches(scenario, scenario.policy, {}, 1.5)).toThrow('simulateInBatches: batches must be a whole number of at least 1, not 1.5');
  });

  it('plays a population of more than 2,000 apps in batches by default, for the same report', () => {
    const scenario = parseScenario(largePopulationText(), 'large.yaml');
    expect(batchesFor(scenario, MEMORY_BATCH_APPS)).toBeGreaterThan(4);
    expect(renderJson(simulateInBatches(scenario))).toBe(renderJson(simulate(scenario)));
  });
});
