/**
 * `imsim test [DIR] [--golden] [--update] [--policy ID|FILE] [--set path=value]… [--reporter text|json|junit] [--out FILE]`:
 * every scenario of a folder as a regression test (regression/checkScenario.ts): its
 * expectations, and with --golden its report against DIR/golden/<name>.json, what changed in
 * words; "N passed, N failed" last.
 */
import { checkScenario, passed } from '../regression/checkScenario.ts';
import { scenarioFiles } from '../regression/scenarioFiles.ts';
import { jsonReport, junitReport, reporters, summaryLine, textReport } from '../regression/reporters.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import { parseOptions, UsageError } from './args.ts';
import { loadWithOptions } from './loadWithOptions.ts';

export function testCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, {
    golden: { type: 'boolean', default: false },
    update: { type: 'boolean', default: false },
    policy: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    reporter: { type: 'string', default: 'text' },
    out: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError('test takes at most one folder DIR');
  const reporter = values.reporter as string;
  if (!(reporters as readonly string[]).includes(reporter)) throw new UsageError(`--reporter ${reporter}: expected one of ${reporters.join(', ')}`);
  const dir = positionals[0] ?? 'scenarios';
  const update = values.update as boolean;
  const options = { golden: (values.golden as boolean) || update, update, editedPolicy: values.policy !== undefined || (values.set as string[]).length > 0 };
  const load = (file: string) => loadWithOptions(file, { policy: values.policy as string | undefined, set: values.set as string[] });
  const outcomes = scenarioFiles(dir).map((file) => checkScenario(file, load, options));
  const rendered = reporter === 'junit' ? junitReport(outcomes, dir) : reporter === 'json' ? jsonReport(outcomes) : textReport(outcomes);
  const out = values.out as string | undefined;
  if (out === undefined) process.stdout.write(rendered);
  else {
    writeFileAtomic(out, rendered);
    process.stdout.write(reporter === 'text' ? rendered : `${summaryLine(outcomes)} (${reporter} report written to ${out})\n`);
  }
  return outcomes.every(passed) ? 0 : 1;
}
