/**
 * One scenario of `imsim test` as a job a worker thread can run (testWorker.ts): its file, the
 * policy and knobs to run it under (as the command line gave them), and what to do with goldens.
 */
import { loadPolicy } from '../policy/load.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { loadScenario } from '../scenario/load.ts';
import { type CheckOptions, checkScenario, type ScenarioOutcome } from './checkScenario.ts';

export interface ScenarioJob {
  file: string;
  /** `--policy ID|FILE`. */
  policy?: string;
  /** `--set path=value` lines. */
  set: string[];
  options: CheckOptions;
}

export function runScenarioJob(job: ScenarioJob): ScenarioOutcome {
  const policy = job.policy === undefined ? undefined : loadPolicy(job.policy);
  const { knobs, source } = parseSetOptions(job.set);
  return checkScenario(job.file, (file) => loadScenario(file, { policy, set: knobs, setSource: source }), job.options);
}
