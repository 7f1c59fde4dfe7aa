/**
 * The worker thread of a run over threads (parallel.ts): its shards' task comes as the thread's
 * `workerData`, and their keyed records go back as its one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardTask } from './parallel.ts';
import { runShards } from './shardRun.ts';

const task = workerData as ShardTask;
parentPort?.postMessage(runShards(task.scenario, task.indexes, task.count));
