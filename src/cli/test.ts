/**
 * `imsim test [DIR] [--golden] [--update] [--policy ID|FILE] [--set path=value]… [--reporter text|json|junit] [--out FILE]`:
 * every scenario of a folder as a regression test (regression/checkScenario.ts): its
 * expectations, and with --golden its report against DIR/golden/<name>.json, what changed in
 * words; "N passed, N failed" last. With --workers K the scenarios run on K worker threads,
 * their results in the order of the files.
 */
import { loadPolicy } from '../policy/load.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { passed, type ScenarioOutcome } from '../regression/checkScenario.ts';
import { runScenarioJob, type ScenarioJob } from '../regression/scenarioJob.ts';
import { scenarioFiles } from '../regression/scenarioFiles.ts';
import { jsonReport, junitReport, reporters, summaryLine, textReport } from '../regression/reporters.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import { besideModule, threadPool } from '../sim/threadPool.ts';
import { parseOptions, UsageError, wholeOption } from './args.ts';

export async function testCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    golden: { type: 'boolean', default: false },
    update: { type: 'boolean', default: false },
    policy: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    reporter: { type: 'string', default: 'text' },
    out: { type: 'string' },
    workers: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError('test takes at most one folder DIR');
  const reporter = values.reporter as string;
  if (!(reporters as readonly string[]).includes(reporter)) throw new UsageError(`--reporter ${reporter}: expected one of ${reporters.join(', ')}`);
  const dir = positionals[0] ?? 'scenarios';
  const update = values.update as boolean;
  const options = { golden: (values.golden as boolean) || update, update, editedPolicy: values.policy !== undefined || (values.set as string[]).length > 0 };
  const policy = values.policy as string | undefined;
  const set = values.set as string[];
  // Read once here: a policy file that cannot be read, or a line that is not path=value, is one error, not one per scenario.
  if (policy !== undefined) loadPolicy(policy);
  parseSetOptions(set);
  const jobs = scenarioFiles(dir).map((file): ScenarioJob => ({ file, ...(policy === undefined ? {} : { policy }), set, options }));
  const workers = values.workers === undefined ? 1 : wholeOption(values.workers as string, '--workers', 1);
  const outcomes = await runJobs(jobs, Math.min(workers, jobs.length));
  const rendered = reporter === 'junit' ? junitReport(outcomes, dir) : reporter === 'json' ? jsonReport(outcomes) : textReport(outcomes);
  const out = values.out as string | undefined;
  if (out === undefined) process.stdout.write(rendered);
  else {
    writeFileAtomic(out, rendered);
    process.stdout.write(reporter === 'text' ? rendered : `${summaryLine(outcomes)} (${reporter} report written to ${out})\n`);
  }
  return outcomes.every(passed) ? 0 : 1;
}

/** The scenarios in this thread, or on worker threads; the outcomes in the order of the files either way. */
async function runJobs(jobs: ScenarioJob[], threads: number): Promise<ScenarioOutcome[]> {
  if (threads <= 1) return jobs.map(runScenarioJob);
  const pool = threadPool<ScenarioJob, ScenarioOutcome>(besideModule(import.meta.url, '../regression/testWorker'), threads);
  try {
    return await Promise.all(jobs.map((job) => pool.run(job)));
  } finally {
    await pool.destroy();
  }
}
