/**
 * A run that keeps the records of some sections only (sim/keptRun.ts), as `compare` plays each
 * side: those lists, the accounts, apps, KPIs and summary of the run played whole, every other
 * list empty; whole or in batches of accounts.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { type RecordSection, recordSections, type Report } from '../../src/report/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { keptRun } from '../../src/sim/keptRun.ts';
import { simulate } from '../../src/sim/simulate.ts';

const COMPARED: RecordSection[] = ['transitions', 'orders', 'bills', 'refunds'];

/** The report with the lists not in `kept` emptied and no expectation. */
function keeping(report: Report, kept: readonly RecordSection[]): string {
  const emptied = Object.fromEntries(recordSections.filter((section) => !kept.includes(section)).map((section) => [section, []]));
  return JSON.stringify({ ...report, ...emptied, expectations: [] });
}

describe('a run that keeps the records of some sections only', () => {
  it.each(scenarioFiles('scenarios'))('%s keeps the transitions, orders, bills and refunds of its report, with its KPIs', (file) => {
    const scenario = loadScenario(file);
    expect(JSON.stringify(keptRun(scenario, COMPARED))).toBe(keeping(simulate(scenario), COMPARED));
  }, 60_000);

  it('gives the same report in 1, 2 and 5 batches of accounts, the orders numbered as in the run played whole', () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const whole = simulate(scenario);
    expect(whole.refunds.length).toBeGreaterThan(0);
    for (const kept of [COMPARED, ['orders', 'balances', 'events'] as RecordSection[]]) {
      for (const count of [1, 2, 5]) expect(JSON.stringify(keptRun(scenario, kept, scenario.policy, {}, count)), `${kept} in ${count}`).toBe(keeping(whole, kept));
    }
  }, 60_000);

  it('refuses to keep sections without the orders, and a number of batches that is not a whole number of at least 1', () => {
    const scenario = loadScenario('scenarios/refunds.yaml');
    expect(() => keptRun(scenario, ['transitions'])).toThrow('keptRun: the orders are kept with any section');
    expect(() => keptRun(scenario, COMPARED, scenario.policy, {}, 0)).toThrow('keptRun: batches must be a whole number of at least 1, not 0');
  });
});
