/**
 * A run over worker threads (`imsim run --workers K`): the scenario's accounts dealt to K shards
 * (shard.ts); shard 0 is simulated in this thread while the others run on threads of their own,
 * and their records are merged back in the order of the whole run (shardMerge.ts). The report
 * is byte for byte the one `simulate` gives. This thread is busy with its shard meanwhile.
 */
import { Worker } from 'node:worker_threads';
import type { Report } from '../report/types.ts';
import { scenarioOf, type ScenarioSource, type SourceOptions } from '../scenario/source.ts';
import type { Scenario } from '../scenario/types.ts';
import { mergeShardRecords } from './shardMerge.ts';
import { runShard, type ShardResult } from './shardRun.ts';
import { policyZone, reportOf, simulate } from './simulate.ts';
import { besideModule } from './threadPool.ts';

/** What a shard's thread is given: the scenario carried whole, so that it reads no file. */
export interface ShardTask {
  source: ScenarioSource;
  options: Omit<SourceOptions, 'setSource'>;
  index: number;
  count: number;
}

/**
 * A thread that starts on its task at once (it needs nothing from this thread's event loop, which
 * is busy with shard 0). From the TypeScript sources the thread loads them through tsx.
 */
function shardThread(task: ShardTask): Promise<ShardResult> {
  const module = besideModule(import.meta.url, 'shardWorker');
  const load = module.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(module.href)}))`
    : `import(${JSON.stringify(module.href)})`;
  const worker = new Worker(load, { eval: true, workerData: task });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread of shard ${task.index} ended (exit code ${code}) without its records`)));
  });
}

/**
 * Simulates `scenarioOf(source, options)` over `threads` threads (no more than it has accounts);
 * `scenario`, when the caller has it already, saves parsing it once more.
 */
export async function simulateOnThreads(
  source: ScenarioSource,
  options: SourceOptions,
  threads: number,
  scenario: Scenario = scenarioOf(source, options),
): Promise<Report> {
  const count = Math.min(threads, scenario.accounts.length);
  if (count <= 1) return simulate(scenario);
  const { setSource: _, ...carried } = options;
  const others = Array.from({ length: count - 1 }, (_, index) => shardThread({ source, options: carried, index: index + 1, count }));
  for (const other of others) other.catch(() => {});
  const first = runShard(scenario, { index: 0, count });
  const results = [first, ...(await Promise.all(others))];
  return reportOf(scenario, mergeShardRecords(results), policyZone(scenario.policy));
}
