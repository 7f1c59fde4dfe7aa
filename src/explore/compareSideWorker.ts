/**
 * The worker thread of a comparison's side B (compareOnThreads.ts): its side comes as the
 * thread's `workerData`, and its report goes back as the thread's one message; or, if the input
 * is refused as it plays (a knob change that fails at its instant), the issues, so that the
 * calling thread throws the same InputError.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../inputError.ts';
import { type PlayedSide, playSide } from './compare.ts';

try {
  parentPort?.postMessage({ report: playSide(workerData as PlayedSide) });
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  parentPort?.postMessage({ issues: error.issues });
}
