/** A run whose records are written to files as it goes: the same JSON report, byte for byte, as the run held in memory. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { saveRun } from '../../src/sim/persist.ts';
import { simulate, startRun } from '../../src/sim/simulate.ts';
import { canSpool, spooledRun } from '../../src/sim/spooledRun.ts';
import { RecordSpool } from '../../src/report/recordSpool.ts';
import { Figures } from '../../src/report/kpis.ts';
import { csvTables, renderCsv } from '../../src/report/csv.ts';
import { writeFileAtomic } from '../../src/report/atomicWrite.ts';
import { recordSections } from '../../src/report/types.ts';
import { readOnce, recordFiles } from './readOnce.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function spooledJson(scenario: Scenario, policy = scenario.policy): string {
  const dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
  folders.push(dir);
  const { json, close } = spooledRun(scenario, dir, policy);
  try {
    return [...json].join('');
  } finally {
    close();
  }
}

const withoutExpectations = (file: string, options: Parameters<typeof loadScenario>[1] = {}): Scenario => ({ ...loadScenario(file, options), expect: [] });
const scenarioFiles = readdirSync('scenarios').filter((name) => name.endsWith('.yaml'));

describe('a spooled run', () => {
  it.each(scenarioFiles)('writes the report of %s exactly as the run in memory', (name) => {
    const scenario = withoutExpectations(`scenarios/${name}`);
    expect(spooledJson(scenario)).toBe(renderJson(simulate(scenario)));
  });

  it('writes the same bytes for a 1,000-app fleet (records in pieces of a megabyte, bills held until charged)', () => {
    const scenario = withoutExpectations('scenarios/large/fleet-1000.yaml');
    const text = spooledJson(scenario);
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(text).toBe(renderJson(simulate(scenario)));
  });

  it("writes a file of the report's bytes with the records copied from their files undecoded", () => {
    const dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    folders.push(dir);
    const scenario = withoutExpectations('scenarios/large/fleet-1000.yaml');
    const { jsonBytes, close } = spooledRun(scenario, dir);
    try {
      const chunks = [...jsonBytes];
      expect(chunks.filter((chunk) => typeof chunk !== 'string').length).toBeGreaterThan(10);
      writeFileAtomic(join(dir, 'report.json'), chunks);
    } finally {
      close();
    }
    expect(readFileSync(join(dir, 'report.json')).equals(Buffer.from(renderJson(simulate(scenario))))).toBe(true);
  });

  it("removes each record list's file once the report is read once, for the same bytes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    folders.push(dir);
    const scenario = withoutExpectations('scenarios/population-grace.yaml');
    const report = spooledRun(scenario, dir);
    expect(recordFiles(dir)).toHaveLength(recordSections.length);
    const { bytes, left } = readOnce(report, dir);
    expect(bytes.equals(Buffer.from(renderJson(simulate(scenario))))).toBe(true);
    expect(left.at(-1)).toBe(0);
    expect(new Set(left)).toEqual(new Set(Array.from({ length: recordSections.length + 1 }, (_, files) => files)));
  });

  it('writes the same bytes under another policy, with bills charged before they are pushed (never in the report)', () => {
    const scenario = withoutExpectations('scenarios/usage-billing.yaml');
    const policy = applyOverrides(loadPolicy('tencent-im-2019'), { 'billing.pushDay': 9, 'billing.chargeDay': 2 });
    expect(spooledJson(scenario, policy)).toBe(renderJson(simulate(scenario, policy)));
  });

  it('is not for a scenario with expectations, which need the records', () => {
    const scenario = loadScenario('scenarios/default.yaml');
    expect(canSpool(scenario)).toBe(false);
    expect(() => spooledRun(scenario, tmpdir())).toThrow(/has expectations/);
  });

  it('cannot be saved: it keeps no records to save', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    folders.push(dir);
    const scenario = withoutExpectations('scenarios/default.yaml');
    const spool = new RecordSpool(dir, new Figures([], { start: scenario.start, end: scenario.end, timezone: scenario.policy.timezone }));
    try {
      expect(() => saveRun(startRun(scenario, scenario.policy, { sink: spool }))).toThrow(/keeps none to save/);
    } finally {
      spool.close();
    }
  });
});

describe("a spooled run's CSV files", () => {
  it.each(['population-grace.yaml', 'usage-billing.yaml', 'refunds.yaml', 'packs.yaml', 'policy-change.yaml'])('are those of the run in memory for %s', (name) => {
    const scenario = withoutExpectations(`scenarios/${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'imsim-spool-'));
    folders.push(dir);
    const { report, lists, close } = spooledRun(scenario, dir);
    try {
      const files = Object.fromEntries(Object.entries(csvTables(report, lists)).map(([file, table]) => [file, [...table()].join('')]));
      const inMemory = renderCsv(simulate(scenario));
      expect(Object.keys(files)).toEqual(Object.keys(inMemory));
      for (const file of Object.keys(inMemory)) expect(files[file], file).toBe(inMemory[file]);
      expect(files['bill-lines.csv'].split('\n').length).toBeGreaterThan(name === 'usage-billing.yaml' ? 3 : 0);
    } finally {
      close();
    }
  });
});
