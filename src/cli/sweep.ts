/**
 * `imsim sweep FILE --vary PATH=V1,V2,… [--vary …] [--runs N] [--workers K] [--shard I/N] [--queue URL]`:
 * every cell of the grid × N Monte Carlo runs (explore/sweep.ts), in parallel on worker threads
 * or on a queue's workers, with a progress bar on a terminal; writes runs.csv, cells.csv,
 * sweep.json and sweep.html, or with --shard its share as one file for `imsim merge`.
 */
import { createHash } from 'node:crypto';
import cliProgress from 'cli-progress';
import { type Knob, parseGrid } from '../explore/grid.ts';
import { type QueueAddress, QueueAddressError, queueAddress } from '../explore/queue/address.ts';
import { sweepQueueName } from '../explore/queue/jobs.ts';
import { type QueueRunner, queueRunner } from '../explore/queue/runner.ts';
import { IMSIM_VERSION } from '../version.ts';
import { defaultWorkers } from '../explore/pool.ts';
import { shardFile, shardFileName, sweepInputHash } from '../explore/shard.ts';
import { readScenarioSource, type ScenarioSource, scenarioOf } from '../scenario/source.ts';
import { sweep } from '../explore/sweep.ts';
import { sweepFiles } from '../explore/sweepFiles.ts';
import { loadPolicy } from '../policy/load.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { writeFilesAtomic } from '../report/atomicWrite.ts';
import { parseOptions, plural, UsageError, wholeOption } from './args.ts';
import { kpiOption } from './kpiOption.ts';
import { seedOption } from './loadWithOptions.ts';
import { growHeapForRun } from './heapGrowth.ts';

function shardOption(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${text}: expected I/N with 1 ≤ I ≤ N, such as 1/4`);
  return { index, count };
}

export async function sweepCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    vary: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string', default: '1' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    policy: { type: 'string' },
    kpi: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: 'sweep-out' },
    queue: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('sweep takes exactly one scenario FILE');
  const vary = values.vary as string[];
  if (vary.length === 0) throw new UsageError('sweep needs at least one --vary PATH=V1,V2,…');
  const runs = wholeOption(values.runs as string, '--runs', 1);
  const workers = values.workers === undefined ? defaultWorkers() : wholeOption(values.workers as string, '--workers', 1);
  const shard = shardOption(values.shard as string | undefined);
  const seed = values.seed === undefined ? undefined : seedOption(values.seed as string);
  const kpis = kpiOption(values.kpi as string[]);
  const set = parseSetOptions(values.set as string[]).knobs;
  const [file] = positionals;
  const source = readScenarioSource(file, { policy: values.policy === undefined ? undefined : loadPolicy(values.policy as string) });
  const base = scenarioOf(source, { set });
  growHeapForRun(base);
  const grid = parseGrid(vary, base.policy);
  if (values.queue !== undefined && (shard || values.workers !== undefined)) throw new UsageError('--queue runs the sweep on the queue\'s workers: leave out --workers and --shard');
  const queue = values.queue === undefined ? undefined : await sweepQueue(values.queue as string, source, set, grid, runs, seed);
  const format = `sweep |{bar}| {percentage}% | {value}/{total} runs${queue ? ' | {running} running | {failed} failed' : ''} | ETA {eta_formatted}`;
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format, stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  const watching = bar && queue ? watchQueue(bar, queue) : undefined;
  const stopBar = () => {
    clearInterval(watching);
    bar?.stop();
  };
  // The queue's connections are closed whatever happens, or a failed sweep would never exit.
  try {
    const result = await sweep(source, grid, {
      runs,
      seed,
      set,
      workers,
      shard,
      ...(queue ? { runner: queue } : {}),
      onProgress: (done, total) => {
        if (done === 0) bar?.start(total, 0, { running: 0, failed: 0 });
        else showRunsDone(bar, done);
      },
    });
    stopBar();
    const out = values.out as string;
    if (shard) writeFilesAtomic(out, { [shardFileName(shard)]: shardFile(result, sweepInputHash(source, set)) });
    else writeFilesAtomic(out, sweepFiles(result, kpis));
    await queue?.finish();
    const failed = result.runs.filter((run) => 'error' in run);
    for (const run of failed) if ('error' in run) process.stderr.write(`cell ${run.cell} (${JSON.stringify(result.cells[run.cell].knobs)}), seed ${run.seed}: ${run.error}\n`);
    process.stderr.write(`${plural(result.runs.length - failed.length, 'run')} of ${result.cells.length} cells written to ${out}${failed.length > 0 ? `; ${plural(failed.length, 'run')} failed` : ''}\n`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    stopBar();
    await queue?.close();
  }
}

/**
 * `--queue URL` (or `--queue env`: IMSIM_QUEUE, else REDIS_URL): the sweep's runs as jobs on a
 * BullMQ queue of its own, named by a hash of its inputs, so that the same command run again
 * resumes it and two sweeps never mix (explore/queue).
 */
async function sweepQueue(given: string, source: ScenarioSource, set: Record<string, unknown>, grid: Knob[], runs: number, seed: number | undefined): Promise<QueueRunner> {
  let address: QueueAddress;
  try {
    address = queueAddress(given === 'env' ? undefined : given, process.env);
  } catch (error) {
    if (error instanceof QueueAddressError) throw new UsageError(`--queue: ${error.message}`);
    throw error;
  }
  const inputs = createHash('sha256').update(JSON.stringify([sweepInputHash(source, set), grid, runs, seed ?? null, IMSIM_VERSION])).digest('hex').slice(0, 16);
  const name = sweepQueueName(inputs);
  process.stderr.write(`sweep on queue ${name} at ${address.shown}: start workers with "imsim worker --queue …"\n`);
  return queueRunner({ address, name, version: IMSIM_VERSION, log: (line) => process.stderr.write(`${line}\n`) });
}

/** The queue's runs in progress and failed, on the bar every second. */
function watchQueue(bar: cliProgress.SingleBar, queue: QueueRunner): ReturnType<typeof setInterval> {
  return setInterval(() => {
    queue.counts().then(
      (counts) => bar.update(counts),
      () => {},
    );
  }, 1000);
}

/**
 * A frame for every run done: cli-progress otherwise skips updates that come within 200 ms of
 * the last frame, so how many frames a sweep shows would depend on the machine's speed.
 */
function showRunsDone(bar: cliProgress.SingleBar | undefined, done: number): void {
  bar?.update(done);
  bar?.render();
}
