/** `imsim resume STATE.json`: continue a run paused by `imsim run --until --save`. */
import { readFileSync } from 'node:fs';
import { InputError } from '../inputError.ts';
import { parseSetOption } from '../policy/overrides.ts';
import { changePolicy } from '../sim/policyChange.ts';
import { resumeRun, SAVED_RUN_KIND, type SavedRun } from '../sim/persist.ts';
import { finish } from '../sim/simulate.ts';
import { parseOptions, UsageError } from './args.ts';
import { checkOutput, deliver, outputOptions } from './output.ts';

function readSaved(file: string): SavedRun {
  const problem = (message: string) => new InputError([{ file, line: 1, column: 1, path: '', message }]);
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw problem(`expected a paused run saved by "imsim run --until --save": ${(error as Error).message}`);
  }
  const kind = (saved as { kind?: unknown } | null)?.kind;
  if (kind !== SAVED_RUN_KIND || (saved as { format?: unknown }).format !== 1) {
    throw problem(`expected a paused run saved by "imsim run --until --save" (kind ${SAVED_RUN_KIND}, format 1)`);
  }
  return saved as SavedRun;
}

/** Continues the run; with `--set`, under changed knobs from the instant it was saved (a policy change, policyChange.ts). */
export function resumeCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, { ...outputOptions, set: { type: 'string', multiple: true, default: [] } });
  if (positionals.length !== 1) throw new UsageError('resume takes exactly one STATE.json');
  checkOutput(values);
  const saved = readSaved(positionals[0]);
  const run = resumeRun(saved);
  const set = Object.fromEntries((values.set as string[]).map(parseSetOption).map(({ path, value }) => [path, value]));
  if (Object.keys(set).length > 0) changePolicy(run.world, set, '--set');
  return deliver(finish(run), values, saved.scenario.file);
}
