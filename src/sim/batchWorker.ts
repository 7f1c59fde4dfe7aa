/**
 * The worker thread of a run written out as it goes on several threads (spooledOnThreads.ts): its
 * task comes as the thread's `workerData`; it plays the batches it claims into their folders, and
 * what it played (keys, accounts, apps, figures) goes back as its one message. If it fails, no
 * thread takes another batch.
 */
import { workerData, parentPort } from 'node:worker_threads';
import { playBatches } from './batchPlay.ts';
import { claimed, failClaims } from './shard.ts';
import { stoppingOthersOnFailure } from './threadPool.ts';
import type { BatchTask } from './spooledOnThreads.ts';

const { scenario, dir, claims, count, done } = workerData as BatchTask;
const played = stoppingOthersOnFailure({ abort: () => failClaims(claims) }, () => playBatches(scenario, scenario.policy, dir, claimed(claims, count), count, () => Atomics.add(done, 0, 1)));
parentPort?.postMessage(played);
