/**
 * The `imsim` command: a thin shell over the library (loadScenario, loadPolicy, simulate).
 * Input errors print as `file:line:column  field  message` and exit 2, never a stack trace.
 */
import { formatIssue, InputError } from '../inputError.ts';
import { growHeapByHalf } from './heapGrowth.ts';
import { NoSuchFolder } from '../regression/scenarioFiles.ts';
import { plural, UsageError } from './args.ts';
import { checkCommand } from './check.ts';
import { compareCommand } from './compare.ts';
import { coverageCommand } from './coverage.ts';
import { mergeCommand } from './merge.ts';
import { policyCommand } from './policy.ts';
import { resumeCommand } from './resume.ts';
import { runCommand } from './run.ts';
import { sweepCommand } from './sweep.ts';
import { testCommand } from './test.ts';
import { workerCommand } from './worker.ts';
import { commandHelp, mainHelp } from './usage.ts';

const commands: Record<string, (args: string[]) => number | Promise<number>> = {
  run: runCommand,
  resume: resumeCommand,
  check: checkCommand,
  sweep: sweepCommand,
  merge: mergeCommand,
  compare: compareCommand,
  test: testCommand,
  policy: policyCommand,
  coverage: coverageCommand,
  worker: workerCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) return fail(new UsageError(`unknown command "${name}"`));
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${commandHelp[name]}\n`);
    return 0;
  }
  growHeapByHalf();
  try {
    return await command(rest);
  } catch (error) {
    return fail(error);
  }
}

function fail(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`${error.issues.map(formatIssue).join('\n')}\n${plural(error.issues.length, 'error')}\n`);
    return 2;
  }
  if (error instanceof UsageError || error instanceof NoSuchFolder || isParseArgsError(error)) {
    process.stderr.write(`imsim: ${(error as Error).message}\nRun "imsim --help" for usage.\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`imsim: internal error: ${message}\nThis is a bug in imsim; please report it with the scenario.\n`);
  return 70;
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
