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
import { appCount } from '../scenario/appCount.ts';
import type { Policy } from '../policy/schema.ts';
import { accountRecords, periodRecord } from './simulate.ts';
import { playedInto } from './figuresRun.ts';

export type { SpooledReport } from './batchedRun.ts';

/**
 * A population of more than `BATCHED_ABOVE` apps written out as it goes is played in batches of
 * accounts holding about `BATCH_APPS` apps each (batchedRun.ts): a batch's apps, machines and
 * queue fit the processor's caches, which a whole population's do not, and the heap holds one
 * batch at a time. The benchmark population of 10,000 apps took 8.3–10.1 s in 10 batches on 2
 * threads against 9.6–11.6 s in 2, and 418–429 MB against 535–590 MB; on one thread 10.0–12.1 s
 * against 10.6–12.5 s whole, 286–298 MB against 345–372 MB. 100,000 apps took 120.5 s in 100
 * batches against 137.4 s in 20 of 5,000 apps, 982 against 994 MB (BENCHMARKS.md).
 */
export const BATCH_APPS = 1_000;

/** The most apps a population written out as it goes is played whole with (see `BATCH_APPS`). */
export const BATCHED_ABOVE = 2_000;

/** How many batches `imsim run --format json --out` plays the scenario in: one per `BATCH_APPS` apps above `BATCHED_ABOVE` apps, else 1. */
export function batchesFor(scenario: { accounts: Parameters<typeof appCount>[0] }): number {
  const apps = appCount(scenario.accounts);
  return apps > BATCHED_ABOVE ? Math.ceil(apps / BATCH_APPS) : 1;
}

/**
 * The batches of a run on `threads` threads: as many as one thread plays (`batchesFor`), and at
 * least one per thread; no more than the accounts. The threads take them as they come
 * (shard.ts's `claimed`), so their number need not divide among the threads.
 */
export function batchesOnThreads(scenario: Parameters<typeof batchesFor>[0], threads: number): number {
  return Math.min(Math.max(batchesFor(scenario), threads), scenario.accounts.length);
}

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
