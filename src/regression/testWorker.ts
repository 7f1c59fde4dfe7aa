/** The worker thread of `imsim test`'s pool: one scenario in, its outcome out. */
import type { ScenarioOutcome } from './checkScenario.ts';
import { runScenarioJob, type ScenarioJob } from './scenarioJob.ts';

export default function runInWorker(job: ScenarioJob): ScenarioOutcome {
  return runScenarioJob(job);
}
