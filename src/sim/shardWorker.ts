/**
 * The worker thread of a run over threads (parallel.ts): its task comes as the thread's
 * `workerData`; it plays the shards it claims, and sends each shard's keyed records back as soon
 * as it is played, then `null`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardTask } from './parallel.ts';
import { claimed } from './shard.ts';
import { playShards } from './shardRun.ts';

const task = workerData as ShardTask;
await playShards(task.scenario, claimed(task.claims, task.count), task.count, (shard) => parentPort?.postMessage(shard));
parentPort?.postMessage(null);
