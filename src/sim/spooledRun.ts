/**
 * A run whose records are written to files as it goes (report/recordSpool.ts), for a population
 * too large to hold its report in memory: its JSON report is the same text, byte for byte, as
 * `renderJson(simulate(scenario, policy))`, and its CSV files (`csvTables(report, lists)`) those
 * of `renderCsv`. Expectations need the records, so a scenario with `expect:` is run in memory
 * instead (`canSpool`).
 */
import { RecordSpool } from '../report/recordSpool.ts';
import { Figures } from '../report/kpis.ts';
import { jsonChunks } from '../report/json.ts';
import { batchedRun, type SpooledReport } from './batchedRun.ts';
import type { BatchProgress } from './batchPlay.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Policy } from '../policy/schema.ts';
import { accountRecords, periodRecord } from './simulate.ts';
import { playedInto } from './figuresRun.ts';
import { checkCount } from './batchCount.ts';

export type { SpooledReport } from './batchedRun.ts';

/** Whether the scenario's report can be written as it goes: it has no expectations to check. */
export function canSpool(scenario: Scenario): boolean {
  return scenario.expect.length === 0;
}

/** Throws unless the scenario's report can be written as it goes (`canSpool`). */
export function checkSpoolable(scenario: Scenario): void {
  if (!canSpool(scenario)) throw new Error(`${scenario.file} has expectations, which need its records in memory`);
}

/**
 * Runs the scenario with its records written into `dir` (an empty folder of its own) as they
 * come; in `batches` of accounts played one after another (batchedRun.ts), for the same report.
 * `progress` hears how many batches are played (a run played whole is one).
 */
export function spooledRun(scenario: Scenario, dir: string, policy: Policy = scenario.policy, batches = 1, progress: BatchProgress = () => {}): SpooledReport {
  checkSpoolable(scenario);
  checkCount('spooledRun', 'batches', batches);
  const count = Math.min(batches, scenario.accounts.length);
  if (count > 1) return batchedRun(scenario, dir, policy, count, progress);
  progress(0, 1);
  const spool = new RecordSpool(dir, new Figures(accountRecords(scenario, scenario.accounts), periodRecord(scenario, policy)));
  const report = playedInto(spool, scenario, policy);
  progress(1, 1);
  return {
    report,
    json: jsonChunks(report, (key) => spool.list(key)),
    jsonBytes: jsonChunks(report, (key) => spool.listBytes(key)),
    jsonBytesOnce: jsonChunks(report, (key) => spool.listBytesOnce(key)),
    lists: spool.lists(),
    close: () => spool.close(),
  };
}
