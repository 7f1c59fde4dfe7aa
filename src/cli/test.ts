/** `imsim test [DIR]`: every scenario of a folder, its expectations checked; "N passed, N failed" last. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isFolder } from '../input/files.ts';
import { formatIssue, InputError } from '../inputError.ts';
import { loadScenario } from '../scenario/load.ts';
import { simulate } from '../sim/simulate.ts';
import { parseOptions, UsageError } from './args.ts';

export function scenarioFiles(dir: string): string[] {
  if (!isFolder(dir)) throw new UsageError(`${dir}: no such folder (expected a folder of scenario files)`);
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.report.json'))
    .sort()
    .map((name) => join(dir, name));
}

export function testCommand(args: string[]): number {
  const { positionals } = parseOptions(args, {});
  if (positionals.length > 1) throw new UsageError('test takes at most one folder DIR');
  const dir = positionals[0] ?? 'scenarios';
  let passed = 0;
  let failed = 0;
  for (const file of scenarioFiles(dir)) {
    const problems = problemsOf(file);
    if (problems.length === 0) passed += 1;
    else failed += 1;
    process.stdout.write(`${problems.length === 0 ? '✓' : '✗'} ${file}\n${problems.map((line) => `    ${line}\n`).join('')}`);
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

function problemsOf(file: string): string[] {
  try {
    const report = simulate(loadScenario(file));
    return report.expectations
      .filter((expectation) => !expectation.ok)
      .map((expectation) => `line ${expectation.line}: expected ${expectation.expected}, got ${expectation.actual}`);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map(formatIssue);
    throw error;
  }
}
