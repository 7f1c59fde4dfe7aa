/**
 * A run for its figures alone (sim/figuresRun.ts), as a sweep runs it: the KPIs and summary of the
 * report held in memory, with no record kept.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { figuresRun } from '../../src/sim/figuresRun.ts';
import { simulate } from '../../src/sim/simulate.ts';

describe('a run for its figures alone', () => {
  it.each(scenarioFiles('scenarios'))('%s has the KPIs and summary of its report', (file) => {
    const scenario = loadScenario(file);
    const { kpis, summary } = simulate(scenario);
    expect(figuresRun(scenario)).toEqual({ kpis, summary });
  }, 60_000);
});
