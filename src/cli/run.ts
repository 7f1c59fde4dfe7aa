/** `imsim run FILE`: simulate one scenario and print or write its report, or pause it. */
import { parseLocalTime } from '../domain/calendar.ts';
import { loadPolicy } from '../policy/load.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batched, type FileContent, writeFileAtomic, writeFilesAtomic } from '../report/atomicWrite.ts';
import { readScenarioSource, scenarioOf } from '../scenario/source.ts';
import { simulateOnThreads } from '../sim/parallel.ts';
import { figuresRunOnThreads } from '../sim/figuresOnThreads.ts';
import { batchThreads, endBatchThreads } from '../sim/batchThreads.ts';
import { saveRun } from '../sim/persist.ts';
import { advance, startRun } from '../sim/simulate.ts';
import { simulateInBatches } from '../sim/inBatches.ts';
import { canSpool, type SpooledReport, spooledRun } from '../sim/spooledRun.ts';
import { batchesFor } from '../sim/batchCount.ts';
import { spooledRunOnThreads } from '../sim/spooledOnThreads.ts';
import { parseOptions, UsageError, wholeOption } from './args.ts';
import { loadWithOptions, seedOption } from './loadWithOptions.ts';
import { checkOutput, deliver, type OutputValues, outputOptions } from './output.ts';
import { fileContents, type ReportFormat } from '../report/formats.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
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
  const written = values.until === undefined ? writtenAsItGoes(format, values, file) : undefined;
  // The text summary shows no record: a run for it keeps none (a scenario with expectations aside).
  const counted = values.until === undefined && values.summary === true;
  if (workers > 1) {
    if (values.until !== undefined) throw new UsageError('--workers runs the whole period: it does not go with --until and --save');
    return onThreads(file, values, workers, written, counted);
  }
  const scenario = loadWithOptions(file, { policy: values.policy, set: values.set as string[], seed: values.seed });
  if (counted && canSpool(scenario)) return summaryOnly(scenario, values, file, 1);
  if (written && canSpool(scenario)) {
    return spooled((dir, progress) => spooledRun(scenario, dir, scenario.policy, batchesFor(scenario), progress), written, values.out);
  }
  growHeapForRun(scenario);
  if (values.until !== undefined && values.save !== undefined) return pause(startRun(scenario), values.until, values.save);
  return deliver(simulateInBatches(scenario), values, file);
}

/** How a report written as it goes reaches the user: what the progress bar says is being written, and the writing. */
interface SpooledOutput {
  what: string;
  write(result: SpooledReport): void;
}

/**
 * The outputs a run written as it goes can make (a scenario without expectations): JSON, on
 * stdout or in DIR, and CSV files in DIR.
 */
function writtenAsItGoes(format: ReportFormat, values: OutputValues, file: string): SpooledOutput | undefined {
  const { out } = values;
  const toFiles = (files: (result: SpooledReport) => Record<string, FileContent>) => (result: SpooledReport) => {
    writeFilesAtomic(out as string, files(result));
    process.stderr.write(`wrote the ${format} report of ${file} to ${out}\n`);
  };
  if (format === 'json' && out === undefined) return { what: 'the JSON report', write: ({ jsonBytesOnce }) => writeAll(batched(jsonBytesOnce)) };
  if (format === 'json') return { what: 'report.json', write: toFiles(({ jsonBytesOnce }) => ({ 'report.json': jsonBytesOnce })) };
  if (format === 'csv') return { what: 'the CSV files', write: toFiles(({ report, lists }) => fileContents(report, 'csv', {}, lists)) };
  return undefined;
}

function writeAll(pieces: Iterable<string | Uint8Array>): void {
  for (const piece of pieces) process.stdout.write(piece);
}

/**
 * A run written as it goes (`writtenAsItGoes`): the records are written to a folder as the run
 * goes (`play` runs it there) and the report is made from them, so no record is held in memory;
 * the same bytes as the report made in memory. The folder is inside `--out DIR`, or without it
 * in the system's temporary folder. A population is played in batches of accounts
 * (`batchesFor`), each with a heap of its size, so the heap keeps growing by half (heapGrowth.ts)
 * whatever the population's size; a terminal shows their progress (batchBar.ts).
 */
async function spooled(play: (dir: string, progress: BatchProgress) => SpooledReport | Promise<SpooledReport>, output: SpooledOutput, out: string | undefined): Promise<number> {
  if (out !== undefined) mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(out === undefined ? join(tmpdir(), 'imsim-records-') : join(out, '.records-'));
  const bar = batchBar();
  try {
    const result = await play(dir, bar.progress);
    bar.played(output.what);
    try {
      output.write(result);
    } finally {
      result.close();
    }
  } finally {
    bar.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

/**
 * `--summary` of a scenario without expectations, on `threads` threads: it shows no record, so
 * none is kept or written; a population is played in batches all the same, for their smaller
 * heaps, of the size of a run's in memory (figuresRunOnThreads).
 */
async function summaryOnly(scenario: Scenario, values: OutputValues, file: string, threads: number): Promise<number> {
  const bar = batchBar();
  let report: Report;
  try {
    report = await figuresRunOnThreads(scenario, threads, bar.progress);
    bar.played('the summary');
  } finally {
    bar.stop();
  }
  return deliver(report, values, file);
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
 * `--workers K`: the accounts shared among K threads; the report is the same, byte for byte. When
 * only the summary is `counted`, the threads count their batches' records and keep none
 * (`summaryOnly`); with `written` (`writtenAsItGoes`), the batches of a run written out as it
 * goes are shared among them (sim/spooledOnThreads.ts); otherwise the run is held in memory
 * (sim/parallel.ts). A scenario with expectations is held in memory, to check them. The threads
 * that count or write batches are started first, to load the engine while this one parses the
 * scenario (the benchmark population of 100,000 apps takes seconds), and ended when the run is:
 * written out as it goes, once its batches are played, before the report is written from them,
 * so that their heaps (kept with their garbage while idle) do not add to the merge's.
 */
async function onThreads(
  file: string,
  values: { policy?: string; set?: string[]; seed?: string } & OutputValues,
  workers: number,
  written: SpooledOutput | undefined,
  counted: boolean,
): Promise<number> {
  if (counted || written) batchThreads(workers - 1);
  try {
    const source = readScenarioSource(file, { policy: values.policy === undefined ? undefined : loadPolicy(values.policy) });
    const { knobs, source: setSource } = parseSetOptions(values.set ?? []);
    const options = { set: knobs, setSource, ...(values.seed === undefined ? {} : { seed: seedOption(values.seed) }) };
    const scenario = scenarioOf(source, options);
    if (counted && canSpool(scenario)) return await summaryOnly(scenario, values, file, workers);
    if (written && canSpool(scenario)) {
      const played = async (dir: string, progress: BatchProgress) => {
        const report = await spooledRunOnThreads(source, options, dir, workers, scenario, progress);
        await endBatchThreads();
        return report;
      };
      return await spooled(played, written, values.out);
    }
    growHeapForRun(scenario);
    const report = await simulateOnThreads(source, options, workers, scenario);
    return deliver(report, values, file);
  } finally {
    await endBatchThreads();
  }
}
