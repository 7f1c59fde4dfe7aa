/**
 * The worker thread of a run over threads (parallel.ts): its shard's task comes as the thread's
 * `workerData`, and its keyed records go back as its one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardTask } from './parallel.ts';
import { runShard } from './shardRun.ts';

const task = workerData as ShardTask;
parentPort?.postMessage(runShard(task.scenario, { index: task.index, count: task.count }));
