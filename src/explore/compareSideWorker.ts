/**
 * The worker thread of a comparison's side B (compareOnThreads.ts): its side comes as the
 * thread's `workerData`, and its report goes back as the thread's one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CompareSide, playSide } from './compare.ts';

parentPort?.postMessage(playSide(workerData as CompareSide));
