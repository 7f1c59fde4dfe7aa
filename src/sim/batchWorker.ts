/**
 * The worker thread of a run written out as it goes on several threads (spooledOnThreads.ts): its
 * task comes as the thread's `workerData`; it plays its batches into their folders, and what it
 * played (keys, accounts, apps, figures) goes back as its one message.
 */
import { workerData, parentPort } from 'node:worker_threads';
import { scenarioOf } from '../scenario/source.ts';
import { playBatches } from './batchPlay.ts';
import type { BatchTask } from './spooledOnThreads.ts';

const task = workerData as BatchTask;
const scenario = scenarioOf(task.source, task.options);
parentPort?.postMessage(playBatches(scenario, scenario.policy, task.dir, task.indexes, task.count, () => Atomics.add(task.done, 0, 1)));
