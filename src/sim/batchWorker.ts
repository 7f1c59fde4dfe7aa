/**
 * The worker thread of a run written out as it goes on several threads (spooledOnThreads.ts): its
 * task comes as the thread's `workerData`; it plays its batches into their folders, and what it
 * played (keys, accounts, apps, figures) goes back as its one message.
 */
import { workerData, parentPort } from 'node:worker_threads';
import { playBatches } from './batchPlay.ts';
import { claimed } from './shard.ts';
import type { BatchTask } from './spooledOnThreads.ts';

const { scenario, dir, claims, count, done } = workerData as BatchTask;
parentPort?.postMessage(playBatches(scenario, scenario.policy, dir, claimed(claims, count), count, () => Atomics.add(done, 0, 1)));
