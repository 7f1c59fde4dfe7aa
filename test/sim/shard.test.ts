/**
 * A run split into shards by account (sim/shard.ts) and merged (sim/shardMerge.ts) gives the
 * single-thread report, byte for byte: on every bundled scenario, for several shard counts, with
 * the records cloned as they are when they leave a worker thread. The property pools check the
 * same on generated scenarios and populations (test/properties).
 */
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { readScenarioSource, scenarioOf } from '../../src/scenario/source.ts';
import { accountsScenario, EDITION_CALLED_O2 } from './accountsScenario.ts';
import { mergeShardRecords } from '../../src/sim/shardMerge.ts';
import { runShard } from '../../src/sim/shardRun.ts';
import { claimed, failClaims, positionsOfShard, RunRanks, sharedClaims } from '../../src/sim/shard.ts';
import { stopping } from '../../src/sim/threadStop.ts';
import { simulateOnThreads } from '../../src/sim/parallel.ts';
import { policyZone, reportOf, simulate, startRun } from '../../src/sim/simulate.ts';
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

  it('deals every count-th account from its index to a shard, and none to a shard beyond the accounts', () => {
    expect(positionsOfShard(10, { index: 1, count: 3 })).toEqual([1, 4, 7]);
    expect(positionsOfShard(10, { index: 0, count: 1 })).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(positionsOfShard(2, { index: 2, count: 3 })).toEqual([]);
  });

  it('refuses a shard whose count is not a whole number of at least 1, or whose index is not one of 0 to count − 1', () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    for (const shard of [{ index: 0, count: 0 }, { index: 3, count: 3 }, { index: -1, count: 3 }, { index: 0.5, count: 3 }, { index: 0, count: 2.5 }]) {
      expect(() => positionsOfShard(10, shard), JSON.stringify(shard)).toThrow(`shard ${shard.index} of ${shard.count}: expected a count that is a whole number of at least 1, and an index from 0 to count − 1`);
    }
    expect(() => startRun(scenario, scenario.policy, { shard: { index: 4, count: 3 } })).toThrow('shard 4 of 3');
  });

  it("sets up a batch from its own accounts only, never going through the run's other accounts", () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const ranks = new RunRanks(scenario);
    const read = new Set<number>();
    const accounts = new Proxy(scenario.accounts, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver);
      },
    });
    startRun({ ...scenario, accounts }, scenario.policy, { shard: { index: 1, count: 3, ranks } });
    expect([...read].sort((a, b) => a - b)).toEqual(positionsOfShard(scenario.accounts.length, { index: 1, count: 3 }));
  });

  it('gives each shard to one thread only, the next not yet taken, until none is left', () => {
    const claims = sharedClaims();
    const [first, second] = [claimed(claims, 5), claimed(claims, 5)];
    const taken = [first.next().value, second.next().value, second.next().value, first.next().value, first.next().value];
    expect(taken).toEqual([0, 1, 2, 3, 4]);
    expect([first.next().done, second.next().done]).toEqual([true, true]);
  });

  it('gives no thread another shard once one has failed, and ends the worker threads', () => {
    const claims = sharedClaims();
    const mine = claimed(claims, 5);
    expect(mine.next().value).toBe(0);
    failClaims(claims);
    expect(mine.next().done).toBe(true);
    const run = sharedClaims();
    const { ending, stopAll } = stopping(run);
    const theirs = claimed(run, 5);
    expect(ending.aborted).toBe(false);
    stopAll.abort();
    expect(ending.aborted).toBe(true);
    expect(theirs.next().done).toBe(true);
  });

  it("plays the threads' shards in batches, each thread taking the next, for the same report (imsim run --workers K)", async () => {
    const source = readScenarioSource('scenarios/population-grace.yaml');
    const scenario = scenarioOf(source, {});
    const single = renderJson(simulate(scenario));
    // Even and uneven shares, and more batches than accounts (as many as the accounts are played).
    for (const [threads, batches] of [[1, 3], [2, 6], [2, 5], [3, 4], [2, 10_000]]) {
      expect(renderJson(await simulateOnThreads(source, {}, threads, scenario, batches)), `${batches} batches on ${threads} threads`).toBe(single);
    }
  }, 120_000);

  it('refuses a number of threads or batches that is not a whole number of at least 1', async () => {
    const source = readScenarioSource('scenarios/population-grace.yaml');
    await expect(simulateOnThreads(source, {}, 2, undefined, 2.5)).rejects.toThrow('batches must be a whole number of at least 1, not 2.5');
    await expect(simulateOnThreads(source, {}, 0)).rejects.toThrow('threads must be a whole number of at least 1, not 0');
  });
});
