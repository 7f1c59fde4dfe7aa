/**
 * The worker thread of batches played on several threads (batchThreads.ts): its task comes as the
 * thread's `workerData`; it plays the batches it claims (into their folders, or counted for their
 * figures alone), and what it played (accounts, apps and figures, with the keys of spooled
 * batches) goes back as its one message. If it fails, no thread takes another batch.
 */
import { workerData, parentPort } from 'node:worker_threads';
import { type BatchTask, playTask } from './batchThreads.ts';
import { claimed, failClaims } from './shard.ts';
import { stoppingOthersOnFailure } from './threadPool.ts';

const task = workerData as BatchTask;
const played = stoppingOthersOnFailure({ abort: () => failClaims(task.claims) }, () => playTask(task, claimed(task.claims, task.count), () => Atomics.add(task.done, 0, 1)));
parentPort?.postMessage(played);
