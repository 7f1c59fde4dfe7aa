/**
 * The worker thread of a run over threads (parallel.ts): its task comes as the thread's
 * `workerData`; it plays the shards it claims, and sends each shard's keyed records back as soon
 * as it is played, then `null`. If it fails, no thread takes another shard.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardTask } from './parallel.ts';
import { claimed, failClaims } from './shard.ts';
import { playShards } from './shardRun.ts';
import { stoppingOthersOnFailure } from './threadPool.ts';

const { scenario, claims, count } = workerData as ShardTask;
await stoppingOthersOnFailure({ abort: () => failClaims(claims) }, () => playShards(scenario, claimed(claims, count), count, (shard) => parentPort?.postMessage(shard)));
parentPort?.postMessage(null);
