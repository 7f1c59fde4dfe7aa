/** `imsim resume STATE.json`: continue a run paused by `imsim run --until --save`. */
import { readFileSync } from 'node:fs';
import { InputError } from '../inputError.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { changePolicy } from '../sim/policyChange.ts';
import { resumeRun, SAVED_RUN_FORMAT, SAVED_RUN_KIND, type SavedRun } from '../sim/persist.ts';
import { finish } from '../sim/simulate.ts';
import { parseOptions, UsageError } from './args.ts';
import { checkOutput, deliver, outputOptions } from './output.ts';
import { growHeapForRun } from './heapGrowth.ts';

function readSaved(file: string): SavedRun {
  const problem = (message: string) => new InputError([{ file, line: 1, column: 1, path: '', message }]);
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw problem(`expected a paused run saved by "imsim run --until --save": ${(error as Error).message}`);
  }
  const { kind, format } = (saved ?? {}) as { kind?: unknown; format?: unknown };
  if (kind !== SAVED_RUN_KIND) throw problem(`expected a paused run saved by "imsim run --until --save" (kind ${SAVED_RUN_KIND})`);
  if (format !== SAVED_RUN_FORMAT) {
    throw problem(`expected a paused run of format ${SAVED_RUN_FORMAT}, found format ${JSON.stringify(format)}: it was saved by another version of imsim; save it again with "imsim run FILE --until DATE --save STATE.json"`);
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
  growHeapForRun(run.scenario);
  const { knobs, source } = parseSetOptions(values.set as string[]);
  if (Object.keys(knobs).length > 0) changePolicy(run.world, knobs, source);
  return deliver(finish(run), values, saved.scenario.file);
}
