/**
 * A run split into shards by account (sim/shard.ts) and merged (sim/shardMerge.ts) gives the
 * single-thread report, byte for byte: on every bundled scenario, for several shard counts, with
 * the records cloned as they are when they leave a worker thread. The property pools check the
 * same on generated scenarios and populations (test/properties).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { accountsScenario, EDITION_CALLED_O2 } from './accountsScenario.ts';
import { mergeShardRecords } from '../../src/sim/shardMerge.ts';
import { runShard } from '../../src/sim/shardRun.ts';
import { simulateOnThreads } from '../../src/sim/parallel.ts';
import { policyZone, reportOf, simulate } from '../../src/sim/simulate.ts';
import type { Scenario } from '../../src/scenario/types.ts';

function merged(scenario: Scenario, count: number): string {
  const results = Array.from({ length: count }, (_, index) => structuredClone(runShard(scenario, { index, count })));
  return renderJson(reportOf(scenario, mergeShardRecords(results), policyZone(scenario.policy)));
}

/** Accounts a (app 1) and b (app 2), which two shards split, with 5000.00 each. */
const twoAccounts = (policy: string, events: string) => accountsScenario(2, '2020-04-30', policy, events);

describe('a run split into shards by account', () => {
  it.each(scenarioFiles('scenarios'))('%s merges into the single-thread report with 2, 3 and 5 shards', (file) => {
    const scenario = loadScenario(file);
    const single = renderJson(simulate(scenario));
    for (const count of [2, 3, 5]) expect(merged(scenario, count), `${count} shards`).toBe(single);
  }, 60_000);

  it('keeps a job its parent scheduled ahead of its own place (a warning due at once) right after the parent', () => {
    // From review: app 1's purchase arms a warning at once that sorts before app 2's purchase job.
    const scenario = twoAccounts(
      'policyOverrides: { lifecycle.expiryWarnings.daysBefore: 40 }',
      `  - { at: 2020-03-09T10:00, type: purchase, app: "2", product: pro, months: 1 }
  - { at: 2020-03-09T10:00, type: purchase, app: "1", product: pro, months: 1 }`,
    );
    const single = renderJson(simulate(scenario));
    expect(simulate(scenario).notifications.length).toBeGreaterThan(2);
    for (const count of [2, 3]) expect(merged(scenario, count), `${count} shards`).toBe(single);
  });

  it('renames the credited orders an upgraded event names, and not an edition that looks like an order id', () => {
    const scenario = twoAccounts(
      EDITION_CALLED_O2,
      `  - { at: 2020-03-09T10:00, type: purchase, app: "1", product: pro, months: 1 }
  - { at: 2020-03-10T10:00, type: purchase, app: "2", product: pro, months: 1 }
  - { at: 2020-03-20T10:00, type: purchase, app: "2", product: O2, months: 1 }`,
    );
    const single = renderJson(simulate(scenario));
    expect(simulate(scenario).events.find((event) => event.kind === 'upgraded')?.detail).toBe('pro → O2: credit 666.00 for O2');
    expect(merged(scenario, 2)).toBe(single);
  });

  it('runs only its own accounts, and numbers orders anew in the merged order', () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const [first, second] = [0, 1].map((index) => runShard(scenario, { index, count: 2 }));
    const accounts = (index: number) => scenario.accounts.filter((_, position) => position % 2 === index).map((account) => account.id);
    expect(first.records.accounts.map((account) => account.id)).toEqual(accounts(0));
    expect(second.records.accounts.map((account) => account.id)).toEqual(accounts(1));
    expect(first.records.orders[0].id).toBe('O1');
    expect(second.records.orders[0].id).toBe('O1');
    const report = simulate(scenario);
    expect(mergeShardRecords([first, second]).orders.map((order) => order.id)).toEqual(report.orders.map((order) => order.id));
  });

  it("plays each thread's share in several batches, one after another, for the same report (imsim run --workers 2)", async () => {
    const file = 'scenarios/population-grace.yaml';
    const scenario = loadScenario(file);
    const single = renderJson(simulate(scenario));
    const source = { file, text: readFileSync(file, 'utf8'), files: {} };
    for (const batches of [2, 6]) expect(renderJson(await simulateOnThreads(source, {}, 2, scenario, batches)), `${batches} batches`).toBe(single);
  }, 60_000);
});
