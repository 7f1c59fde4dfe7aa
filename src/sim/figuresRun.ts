/** A run for its figures alone, as each run of a sweep is played (explore/sweepJob.ts). */
import { FigureSink } from '../report/figureSink.ts';
import { Figures } from '../report/kpis.ts';
import type { Kpis, Summary } from '../report/types.ts';
import type { Policy } from '../policy/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import { accountRecords, periodRecord, playToEnd, recordsOf, startRun } from './simulate.ts';

/**
 * The KPIs and summary that `simulate(scenario, policy)` gives, with every record counted as it
 * comes and let go (report/figureSink.ts): no record is kept, so the run needs the memory of one
 * written out as it goes (`spooledRun`), without the writing.
 */
export function figuresRun(scenario: Scenario, policy: Policy = scenario.policy): { kpis: Kpis; summary: Summary } {
  const sink = new FigureSink(new Figures(accountRecords(scenario, scenario.accounts), periodRecord(scenario, policy)));
  const run = startRun(scenario, policy, { sink });
  playToEnd(run);
  return sink.result(recordsOf(run).apps);
}
