/** `imsim check FILE…`: validate scenarios (and their policies) without simulating. */
import { formatIssue, InputError } from '../inputError.ts';
import { loadScenario } from '../scenario/load.ts';
import { parseOptions, plural, UsageError } from './args.ts';

export function checkCommand(args: string[]): number {
  const { positionals: files } = parseOptions(args, {});
  if (files.length === 0) throw new UsageError('check takes one or more scenario FILEs');
  let errors = 0;
  for (const file of files) {
    try {
      const scenario = loadScenario(file);
      process.stdout.write(`ok ${file}: ${plural(scenario.events.length, 'event')}, ${plural(scenario.expect.length, 'expectation')}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors += error.issues.length;
      process.stderr.write(`${error.issues.map(formatIssue).join('\n')}\n`);
    }
  }
  if (errors > 0) process.stderr.write(`${plural(errors, 'error')}\n`);
  return errors > 0 ? 2 : 0;
}
