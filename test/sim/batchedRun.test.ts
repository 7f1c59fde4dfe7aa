/**
 * A run written out as it goes in batches of accounts (sim/batchedRun.ts) gives the report of the
 * run played whole, byte for byte: its JSON text, its JSON file and its CSV files. The property
 * pools check the same on generated scenarios and populations (test/properties, harness.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/report/atomicWrite.ts';
import { csvTables, renderCsv } from '../../src/report/csv.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { accountsScenario, EDITION_CALLED_O2 } from './accountsScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { spooledRun } from '../../src/sim/spooledRun.ts';
import { batchesFor, batchesOnThreads, MEMORY_BATCH_APPS } from '../../src/sim/batchCount.ts';
import { spooledRunOnThreads } from '../../src/sim/spooledOnThreads.ts';
import { batchThreads, endBatchThreads } from '../../src/sim/batchThreads.ts';
import { readScenarioSource, scenarioOf, type ScenarioSource, type SourceOptions } from '../../src/scenario/source.ts';
import { recordSections } from '../../src/report/types.ts';
import { readOnce, recordFiles } from './readOnce.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imsim-batches-'));
  folders.push(dir);
  return dir;
}

function batchedJson(scenario: Scenario, batches: number): string {
  const { json, close } = spooledRun(scenario, folder(), scenario.policy, batches);
  try {
    return [...json].join('');
  } finally {
    close();
  }
}

const withoutExpectations = (file: string): Scenario => ({ ...loadScenario(file), expect: [] });

/** Accounts a, b and c with an app each (1, 2, 3) and 5000.00 each. */
const threeAccounts = (policy: string, events: string) => accountsScenario(3, '2020-06-30', policy, events);

describe('a run written out as it goes in batches of accounts', () => {
  it.each(['auto-renew-in-grace.yaml', 'auto-renew.yaml', 'refunds.yaml', 'population-grace.yaml', 'large/fleet-1000.yaml'])(
    'writes the report of %s in 2, 3 and 5 batches exactly as the run played whole',
    (name) => {
      const scenario = withoutExpectations(`scenarios/${name}`);
      const whole = renderJson(simulate(scenario));
      for (const batches of [2, 3, 5]) expect(batchedJson(scenario, batches), `${batches} batches`).toBe(whole);
    },
    60_000,
  );

  it('numbers the orders anew, and renames them where refunds, balance entries and upgrades name them', () => {
    const scenario = threeAccounts(
      EDITION_CALLED_O2,
      `  - { at: 2020-03-09T10:00, type: purchase, app: "1", product: pro, months: 1 }
  - { at: 2020-03-10T10:00, type: purchase, app: "2", product: pro, months: 1 }
  - { at: 2020-03-11T10:00, type: purchase, app: "3", product: pro, months: 2 }
  - { at: 2020-03-12T10:00, type: refund, app: "3", product: pro, kind: noReason }
  - { at: 2020-03-20T10:00, type: purchase, app: "2", product: O2, months: 1 }`,
    );
    const report = simulate(scenario);
    expect(report.orders.map((order) => `${order.id} ${order.app}`)).toEqual(['O1 1', 'O2 2', 'O3 3', 'O4 2']);
    expect(report.refunds.map((refund) => refund.order)).toEqual(['O3']);
    expect(report.events.find((event) => event.kind === 'upgraded')?.detail).toBe('pro → O2: credit 666.00 for O2');
    expect(report.balances.filter((entry) => entry.cause.startsWith('refund of ')).map((entry) => entry.cause)).toEqual(['refund of O3']);
    for (const batches of [2, 3]) expect(batchedJson(scenario, batches), `${batches} batches`).toBe(renderJson(report));
  });

  it('keeps once a record every batch makes alike (a change of policy)', () => {
    const scenario = {
      ...threeAccounts('policyChanges:\n  - { at: 2020-04-01, set: { lifecycle.grace.days: 14 } }', '  - { at: 2020-03-09T10:00, type: purchase, app: "1", product: pro, months: 1 }'),
      expect: [],
    };
    const text = batchedJson(scenario, 3);
    expect(text).toBe(renderJson(simulate(scenario)));
    expect(text.match(/"kind": "policyChanged"/g)).toHaveLength(1);
  });

  it('plays no more batches than the scenario has accounts', () => {
    const scenario = withoutExpectations('scenarios/refunds.yaml');
    expect(batchedJson(scenario, 10)).toBe(renderJson(simulate(scenario)));
  });

  it('refuses a number of batches that is not a whole number of at least 1', () => {
    const scenario = withoutExpectations('scenarios/refunds.yaml');
    expect(() => spooledRun(scenario, folder(), scenario.policy, 2.5)).toThrow('spooledRun: batches must be a whole number of at least 1, not 2.5');
    expect(() => spooledRun(scenario, folder(), scenario.policy, 0)).toThrow('spooledRun: batches must be a whole number of at least 1, not 0');
  });

  it("writes a file of the report's bytes, the records copied from the batches' files", () => {
    const scenario = withoutExpectations('scenarios/population-grace.yaml');
    const dir = folder();
    const { jsonBytes, close } = spooledRun(scenario, dir, scenario.policy, 3);
    try {
      writeFileAtomic(join(dir, 'report.json'), jsonBytes);
    } finally {
      close();
    }
    expect(readFileSync(join(dir, 'report.json')).equals(Buffer.from(renderJson(simulate(scenario))))).toBe(true);
  });

  it("removes each section's files of every batch once the report is read once, for the same bytes", () => {
    const scenario = withoutExpectations('scenarios/population-grace.yaml');
    const dir = folder();
    const report = spooledRun(scenario, dir, scenario.policy, 3);
    expect(recordFiles(dir)).toHaveLength(3 * recordSections.length);
    const { bytes, left } = readOnce(report, dir);
    expect(bytes.equals(Buffer.from(renderJson(simulate(scenario))))).toBe(true);
    expect(new Set(left)).toEqual(new Set(Array.from({ length: recordSections.length + 1 }, (_, sections) => 3 * sections)));
  });

  it('keeps the files of the section it was reading when a reading once is abandoned midway', () => {
    const scenario = withoutExpectations('scenarios/large/fleet-1000.yaml');
    const dir = folder();
    const { jsonBytesOnce, close } = spooledRun(scenario, dir, scenario.policy, 3);
    let atBreak: string[] = [];
    try {
      let read = 0;
      for (const chunk of jsonBytesOnce) {
        read += chunk.length;
        if (read < 1_000_000) continue;
        atBreak = recordFiles(dir).sort();
        break;
      }
    } finally {
      close();
    }
    expect(atBreak.length).toBeGreaterThan(0);
    expect(atBreak.length).toBeLessThan(3 * recordSections.length);
    expect(recordFiles(dir).sort()).toEqual(atBreak);
  }, 60_000);

  it.runIf(existsSync('/proc/self/fd'))("closes each batch's file of a section once the section is merged", () => {
    const scenario = withoutExpectations('scenarios/population-grace.yaml');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    const { json, close } = spooledRun(scenario, folder(), scenario.policy, 5);
    try {
      let most = 0;
      for (const _ of json) most = Math.max(most, open() - before);
      expect(most).toBeGreaterThanOrEqual(5);
      expect(most).toBeLessThan(10);
      expect(open()).toBe(before);
    } finally {
      close();
    }
  });

  it('tells the progress after each batch, first with none played, and a run played whole as one batch', () => {
    const scenario = withoutExpectations('scenarios/population-grace.yaml');
    for (const [batches, expected] of [
      [3, [[0, 3], [1, 3], [2, 3], [3, 3]]],
      [1, [[0, 1], [1, 1]]],
    ] as const) {
      const heard: [number, number][] = [];
      spooledRun(scenario, folder(), scenario.policy, batches, (done, total) => heard.push([done, total])).close();
      expect(heard).toEqual(expected);
    }
  });

  it('gives the CSV files of the run in memory', () => {
    const scenario = withoutExpectations('scenarios/population-grace.yaml');
    const { report, lists, close } = spooledRun(scenario, folder(), scenario.policy, 3);
    try {
      const files = Object.fromEntries(Object.entries(csvTables(report, lists)).map(([file, table]) => [file, [...table()].join('')]));
      const inMemory = renderCsv(simulate(scenario));
      expect(Object.keys(files)).toEqual(Object.keys(inMemory));
      for (const file of Object.keys(inMemory)) expect(files[file], file).toBe(inMemory[file]);
    } finally {
      close();
    }
  });
});

describe('a run written out as it goes with its batches on threads', () => {
  /** The scenario file's source without its expectations (its last section), as `imsim run` reads it. */
  function sourceOf(file: string): ScenarioSource {
    const source = readScenarioSource(file);
    return { ...source, text: source.text.slice(0, source.text.indexOf('\nexpect:') + 1) };
  }

  /** The scenario's JSON played by `spooledRunOnThreads` from its source, on `threads` threads. */
  async function onThreads(file: string, threads: number, options: SourceOptions = {}): Promise<string> {
    const { json, close } = await spooledRunOnThreads(sourceOf(file), options, folder(), threads);
    try {
      return [...json].join('');
    } finally {
      close();
    }
  }

  it.each(['population-grace.yaml', 'large/fleet-1000.yaml'])(
    'writes the report of %s on 2 and 3 threads exactly as the run played whole in one',
    async (name) => {
      const whole = renderJson(simulate(withoutExpectations(`scenarios/${name}`)));
      for (const threads of [2, 3]) expect(await onThreads(`scenarios/${name}`, threads), `${threads} threads`).toBe(whole);
    },
    120_000,
  );

  it('gives every thread the seed and knobs given to the run', async () => {
    const options = { seed: 7, set: { 'lifecycle.grace.days': 14 } };
    const scenario = scenarioOf(sourceOf('scenarios/population-grace.yaml'), options);
    expect(scenario.expect).toEqual([]);
    const whole = renderJson(simulate(scenario));
    expect(whole).not.toBe(renderJson(simulate(withoutExpectations('scenarios/population-grace.yaml'))));
    expect(await onThreads('scenarios/population-grace.yaml', 2, options)).toBe(whole);
  }, 60_000);

  it('tells how many batches all threads have played, one per thread for a small population', async () => {
    const heard: [number, number][] = [];
    const { report, close } = await spooledRunOnThreads(sourceOf('scenarios/population-grace.yaml'), {}, folder(), 3, undefined, (done, total) => heard.push([done, total]));
    close();
    expect(report.apps.length).toBeGreaterThan(20);
    expect(heard[0]).toEqual([0, 3]);
    expect(heard.at(-1)).toEqual([3, 3]);
    expect(heard.every(([done], index) => index === 0 || done >= heard[index - 1][0])).toBe(true);
  }, 60_000);

  it('refuses a scenario with expectations, which need its records in memory', async () => {
    await expect(spooledRunOnThreads(readScenarioSource('scenarios/refunds.yaml'), {}, folder(), 2)).rejects.toThrow('has expectations');
  });

  /** The ids of the threads `batchThreads` keeps for runs on `threads` threads (one besides this one per thread more). */
  const keptThreadIds = (threads: number) => batchThreads(threads - 1).ids;

  it('keeps its other threads for the next run in the process, and starts new ones once they are ended', async () => {
    const whole = renderJson(simulate(withoutExpectations('scenarios/population-grace.yaml')));
    expect(await onThreads('scenarios/population-grace.yaml', 3)).toBe(whole);
    const kept = keptThreadIds(3);
    expect(kept).toHaveLength(2);
    expect(await onThreads('scenarios/population-grace.yaml', 3)).toBe(whole);
    expect(keptThreadIds(3)).toEqual(kept);
    await endBatchThreads();
    expect(await onThreads('scenarios/population-grace.yaml', 3)).toBe(whole);
    expect(keptThreadIds(3).some((id) => kept.includes(id))).toBe(false);
  }, 120_000);

  it('fails with the refusal a batch meets as it plays (a knob change refused at its instant), and plays the next run on threads as before', async () => {
    const source = sourceOf('scenarios/population-grace.yaml');
    const scenario = scenarioOf({ ...source, text: `${source.text}policyChanges:\n  - { at: 2021-01-01, set: { lifecycle.grace.days: 14 } }\n` });
    const refused = { ...scenario, policyChanges: [{ ...scenario.policyChanges[0], set: { 'lifecycle.grace.days': -3 } }] };
    const message = 'policyChanges:1:1  lifecycle.grace.days  expected a number ≥ 0, found -3';
    expect(() => spooledRun(refused, folder(), refused.policy, 3)).toThrow(message);
    await expect(spooledRunOnThreads(source, {}, folder(), 2, refused)).rejects.toThrow(message);
    expect(await onThreads('scenarios/population-grace.yaml', 2)).toBe(renderJson(simulate(withoutExpectations('scenarios/population-grace.yaml'))));
  }, 120_000);
});

describe('the batches of `imsim run`', () => {
  const accounts = (apps: number[]) => ({ accounts: apps.map((count) => ({ apps: Array.from({ length: count }) })) });

  it('are one, the run played whole, up to 2,000 apps', () => {
    expect(batchesFor(accounts([1]))).toBe(1);
    expect(batchesFor(accounts([1_000, 1_000]))).toBe(1);
  });

  it('hold about 1,000 apps each above 2,000 apps, written out as it goes (--format json --out)', () => {
    expect(batchesFor(accounts([1_000, 1_001]))).toBe(3);
    expect(batchesFor(accounts(Array.from({ length: 2_000 }, () => 5)))).toBe(10);
    expect(batchesFor(accounts(Array.from({ length: 20_000 }, () => 5)))).toBe(100);
  });

  it('hold about 250 apps each in memory, and are one up to 2,000 apps there too', () => {
    expect(batchesFor(accounts([1_000, 1_000]), MEMORY_BATCH_APPS)).toBe(1);
    expect(batchesFor(accounts([1_000, 1_001]), MEMORY_BATCH_APPS)).toBe(9);
    expect(batchesFor(accounts(Array.from({ length: 2_000 }, () => 5)), MEMORY_BATCH_APPS)).toBe(40);
    expect(batchesOnThreads(accounts(Array.from({ length: 2_000 }, () => 5)), 2, MEMORY_BATCH_APPS)).toBe(40);
  });

  it('are as many with --workers K as on one thread, at least K, and no more than the accounts', () => {
    expect(batchesOnThreads(accounts(Array.from({ length: 7 }, () => 401)), 2)).toBe(3);
    expect(batchesOnThreads(accounts(Array.from({ length: 20_000 }, () => 5)), 3)).toBe(100);
    expect(batchesOnThreads(accounts([3, 4]), 2)).toBe(2);
    expect(batchesOnThreads(accounts([3, 4]), 3)).toBe(2);
    expect(batchesOnThreads(accounts([300, 300, 300, 300]), 3)).toBe(3);
  });
});
