/** `imsim run FILE`: simulate one scenario and print or write its report, or pause it. */
import { parseLocalTime } from '../domain/calendar.ts';
import { loadPolicy } from '../policy/load.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batched, writeFileAtomic, writeFilesAtomic } from '../report/atomicWrite.ts';
import { readScenarioSource, scenarioOf } from '../scenario/source.ts';
import { simulateOnThreads } from '../sim/parallel.ts';
import { saveRun } from '../sim/persist.ts';
import { advance, finish, startRun } from '../sim/simulate.ts';
import { batchesFor, canSpool, type SpooledReport, spooledRun } from '../sim/spooledRun.ts';
import { spooledRunOnThreads } from '../sim/spooledOnThreads.ts';
import { parseOptions, UsageError, wholeOption } from './args.ts';
import { loadWithOptions, seedOption } from './loadWithOptions.ts';
import { checkOutput, deliver, outputOptions } from './output.ts';
import { fileContents } from '../report/formats.ts';
import { growHeapForRun } from './heapGrowth.ts';
import { batchBar } from './batchBar.ts';
import type { BatchProgress } from '../sim/batchPlay.ts';

export function runCommand(args: string[]): number | Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...outputOptions,
    policy: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    seed: { type: 'string' },
    until: { type: 'string' },
    save: { type: 'string' },
    workers: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('run takes exactly one scenario FILE');
  if ((values.until === undefined) !== (values.save === undefined)) throw new UsageError('--until and --save go together');
  const format = checkOutput(values);
  const [file] = positionals;
  const workers = values.workers === undefined ? 1 : wholeOption(values.workers, '--workers', 1);
  // JSON to standard output is written as it goes too; CSV always has --out (checkOutput).
  const spooling = values.until === undefined && (format === 'json' || format === 'csv');
  if (workers > 1) {
    if (values.until !== undefined) throw new UsageError('--workers runs the whole period: it does not go with --until and --save');
    return onThreads(file, values, workers, spooling ? format : undefined);
  }
  const scenario = loadWithOptions(file, { policy: values.policy, set: values.set as string[], seed: values.seed });
  if (spooling && canSpool(scenario)) {
    return spooled((dir, progress) => spooledRun(scenario, dir, scenario.policy, batchesFor(scenario), progress), format, values.out, file);
  }
  growHeapForRun(scenario);
  const run = startRun(scenario);
  if (values.until !== undefined && values.save !== undefined) return pause(run, values.until, values.save);
  return deliver(finish(run), values, file);
}

/**
 * `--format json|csv` (a scenario without expectations): the records are written to a folder as
 * the run goes (`play` runs it there) and the report is made from them, so no record is held in
 * memory; the same bytes as the report made in memory. The folder is inside `--out DIR`, or
 * without it (JSON to standard output) in the system's temporary folder. A population is played
 * in batches of accounts (`batchesFor`), each with a heap of its size, so the heap keeps growing
 * by half (heapGrowth.ts) whatever the population's size; a terminal shows their progress
 * (batchBar.ts).
 */
async function spooled(play: (dir: string, progress: BatchProgress) => SpooledReport | Promise<SpooledReport>, format: 'json' | 'csv', out: string | undefined, file: string): Promise<number> {
  if (out !== undefined) mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(out === undefined ? join(tmpdir(), 'imsim-records-') : join(out, '.records-'));
  const bar = batchBar();
  try {
    const { report, jsonBytes, lists, close } = await play(dir, bar.progress);
    bar.played(out === undefined ? 'the JSON report' : format === 'json' ? 'report.json' : 'the CSV files');
    try {
      if (out === undefined) for (const piece of batched(jsonBytes)) process.stdout.write(piece);
      else writeFilesAtomic(out, format === 'json' ? { 'report.json': jsonBytes } : fileContents(report, 'csv', {}, lists));
    } finally {
      close();
    }
  } finally {
    bar.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (out !== undefined) process.stderr.write(`wrote the ${format} report of ${file} to ${out}\n`);
  return 0;
}

/** Runs up to DATE (exclusive) and saves the whole run, to be continued by `imsim resume`. */
function pause(run: ReturnType<typeof startRun>, until: string, save: string): number {
  const { zone, period } = run.world;
  const cut = parseLocalTime(until, zone);
  if (cut === undefined || cut < period.startAt || cut > period.endAt) {
    throw new UsageError(`--until ${until}: expected a date or time within the period, local to ${zone.name}`);
  }
  advance(run, cut);
  writeFileAtomic(save, `${JSON.stringify(saveRun(run))}\n`);
  process.stderr.write(`paused before ${until}; continue with: imsim resume ${save}\n`);
  return 0;
}

/**
 * `--workers K`: the accounts shared among K threads; the report is the same, byte for byte. With
 * `spooledFormat` (`--format json|csv`), the batches of a run written out as it goes are shared
 * among them (sim/spooledOnThreads.ts); otherwise the run is held in memory (sim/parallel.ts).
 */
async function onThreads(
  file: string,
  values: { policy?: string; set?: string[]; seed?: string } & Parameters<typeof deliver>[1],
  workers: number,
  spooledFormat: 'json' | 'csv' | undefined,
): Promise<number> {
  const source = readScenarioSource(file, { policy: values.policy === undefined ? undefined : loadPolicy(values.policy) });
  const { knobs, source: setSource } = parseSetOptions(values.set ?? []);
  const options = { set: knobs, setSource, ...(values.seed === undefined ? {} : { seed: seedOption(values.seed) }) };
  const scenario = scenarioOf(source, options);
  if (spooledFormat !== undefined && canSpool(scenario)) {
    return spooled((dir, progress) => spooledRunOnThreads(source, options, dir, workers, scenario, progress), spooledFormat, values.out, file);
  }
  growHeapForRun(scenario);
  const report = await simulateOnThreads(source, options, workers, scenario);
  return deliver(report, values, file);
}
