/**
 * A run for its figures alone (sim/figuresRun.ts), as a sweep and `imsim run --summary` run it:
 * the report held in memory without its records (its accounts, apps, KPIs and summary), with no
 * record kept; played whole, in batches of accounts, or in batches on several threads.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import type { Report } from '../../src/report/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { batchedFiguresRun, figuresRun } from '../../src/sim/figuresRun.ts';
import { figuresRunOnThreads } from '../../src/sim/figuresOnThreads.ts';
import { simulate } from '../../src/sim/simulate.ts';

/** The report with every record list emptied and no expectation: what a run for its figures gives. */
function withoutRecords(report: Report): Report {
  return { ...report, transitions: [], orders: [], bills: [], refunds: [], notifications: [], denials: [], events: [], balances: [], usage: [], expectations: [] };
}

describe('a run for its figures alone', () => {
  it.each(scenarioFiles('scenarios'))('%s has the accounts, apps, KPIs and summary of its report', (file) => {
    const scenario = loadScenario(file);
    expect(JSON.stringify(figuresRun(scenario))).toBe(JSON.stringify(withoutRecords(simulate(scenario))));
  }, 60_000);

  it('gives the same report played in 1, 2 and 5 batches of accounts, and tells each batch played', () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const whole = JSON.stringify(withoutRecords(simulate(scenario)));
    for (const count of [1, 2, 5]) {
      const heard: string[] = [];
      const report = batchedFiguresRun(scenario, count, scenario.policy, (done, total) => heard.push(`${done}/${total}`));
      expect(JSON.stringify(report), `${count} batches`).toBe(whole);
      if (count > 1) expect(heard).toEqual(Array.from({ length: count + 1 }, (_, done) => `${done}/${count}`));
    }
  }, 60_000);

  it('refuses a number of batches that is not a whole number of at least 1', () => {
    const scenario = loadScenario('scenarios/refunds.yaml');
    expect(() => batchedFiguresRun(scenario, 1.5)).toThrow('batchedFiguresRun: count must be a whole number of at least 1, not 1.5');
  });

  it('gives the same report on 2 and 3 threads, telling how many batches all threads have played', async () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const whole = JSON.stringify(withoutRecords(simulate(scenario)));
    for (const threads of [2, 3]) {
      const heard: [number, number][] = [];
      const report = await figuresRunOnThreads(scenario, threads, (done, total) => heard.push([done, total]));
      expect(JSON.stringify(report), `${threads} threads`).toBe(whole);
      expect(heard[0]).toEqual([0, threads]);
      expect(heard.at(-1)).toEqual([threads, threads]);
      expect(heard.every(([done], index) => index === 0 || done >= heard[index - 1][0])).toBe(true);
    }
  }, 120_000);

  it('plays a scenario of one account on this thread alone, whatever the threads asked for', async () => {
    const scenario = loadScenario('scenarios/default.yaml');
    expect(scenario.accounts).toHaveLength(1);
    expect(JSON.stringify(await figuresRunOnThreads(scenario, 4))).toBe(JSON.stringify(withoutRecords(simulate(scenario))));
  });

  it('refuses a number of threads that is not a whole number of at least 1', async () => {
    const scenario = loadScenario('scenarios/refunds.yaml');
    await expect(figuresRunOnThreads(scenario, 0)).rejects.toThrow('figuresRunOnThreads: threads must be a whole number of at least 1, not 0');
  });
});
