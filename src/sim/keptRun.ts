/**
 * A run that keeps the records of some sections only (report/keepingSink.ts), every record
 * counted into its figures as it comes: what `compare` needs of each side (the transitions,
 * orders, bills and refunds, about a seventh of a population's records) on the memory of those.
 * A population is played in batches of accounts and merged as `simulateInBatches` merges them.
 */
import { Figures, figuresResult } from '../report/kpis.ts';
import { KeepingSink } from '../report/keepingSink.ts';
import type { RecordSection, Report } from '../report/types.ts';
import type { Policy } from '../policy/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import { batchesFor, checkCount, MEMORY_BATCH_APPS } from './batchCount.ts';
import { keepBatches } from './batchPlay.ts';
import { mergeShardRecords } from './shardMerge.ts';
import { accountRecords, periodRecord, type SimulateOptions } from './simulate.ts';
import { playedInto } from './figuresRun.ts';

/**
 * The report `simulate(scenario, policy, options)` gives, with the lists of `sections` (the
 * orders among them) and every other list empty, its KPIs and summary those of all its records,
 * and no expectation checked; in `batches` batches of accounts (by default as many as
 * `simulateInBatches` plays), or whole for one.
 */
export function keptRun(scenario: Scenario, sections: readonly RecordSection[], policy: Policy = scenario.policy, options: Pick<SimulateOptions, 'base'> = {}, batches = batchesFor(scenario, MEMORY_BATCH_APPS)): Report {
  checkCount('keptRun', 'batches', batches);
  if (!sections.includes('orders')) throw new RangeError('keptRun: the orders are kept with any section (a population merges them to number them)');
  const count = Math.min(batches, scenario.accounts.length);
  if (count > 1) {
    const kept = keepBatches(scenario, policy, sections, count, options.base);
    const records = mergeShardRecords(kept, sections);
    const { kpis, summary } = figuresResult(kept.map((batch) => batch.totals), records.apps, records.accounts);
    return { ...records, expectations: [], summary, kpis };
  }
  return playedInto(new KeepingSink(new Figures(accountRecords(scenario, scenario.accounts), periodRecord(scenario, policy)), sections), scenario, policy, options.base);
}
