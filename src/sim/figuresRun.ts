/** A run for its figures alone, as each run of a sweep is played (explore/sweepJob.ts) and `imsim run --summary` plays one. */
import { FigureSink } from '../report/figureSink.ts';
import { Figures } from '../report/kpis.ts';
import type { Report } from '../report/types.ts';
import type { Policy } from '../policy/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import { accountRecords, periodRecord, playToEnd, recordsOf, startRun } from './simulate.ts';
import { reportOfBatches } from './batchedRun.ts';
import { type BatchProgress, countBatches, inTurn } from './batchPlay.ts';
import { checkCount } from './batchCount.ts';

/**
 * The report of `simulate(scenario, policy)` without its records: its accounts, apps, KPIs and
 * summary, every record list empty, no expectation checked. Every record is counted as it comes
 * and let go (report/figureSink.ts), so the run needs the memory of one written out as it goes
 * (`spooledRun`), without the writing.
 */
export function figuresRun(scenario: Scenario, policy: Policy = scenario.policy): Report {
  return playedInto(new FigureSink(new Figures(accountRecords(scenario, scenario.accounts), periodRecord(scenario, policy))), scenario, policy);
}

/**
 * The run played to its end with every record going into `sink` (which counts them, and may
 * write them, a `RecordSpool`, or keep some, a `KeepingSink`): the report without them, but for
 * those kept. `base` as `simulate`'s.
 */
export function playedInto(sink: FigureSink, scenario: Scenario, policy: Policy, base?: Policy): Report {
  const run = startRun(scenario, policy, { sink, base });
  playToEnd(run);
  const records = recordsOf(run);
  const { kpis, summary } = sink.result(records.apps);
  return { ...records, ...sink.keptLists(), expectations: [], summary, kpis };
}

/**
 * `figuresRun` in `count` batches of accounts (no more than the accounts) played one after
 * another (account i in batch i mod count), as a run written out as it goes is (batchedRun.ts),
 * each batch's records counted into figures of its own and let go: the same report, on a heap the
 * size of a batch. `progress` hears of each batch played.
 */
export function batchedFiguresRun(scenario: Scenario, count: number, policy: Policy = scenario.policy, progress: BatchProgress = () => {}): Report {
  checkCount('batchedFiguresRun', 'count', count);
  const batches = Math.min(count, scenario.accounts.length);
  if (batches <= 1) return figuresRun(scenario, policy);
  const { indexes, played } = inTurn(batches, progress);
  return reportOfBatches(countBatches(scenario, policy, indexes, batches, played));
}
