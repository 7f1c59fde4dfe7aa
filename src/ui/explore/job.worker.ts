/** One run of a sweep in a Web Worker: the library's runSweepJob, as a worker thread runs it for the CLI. */
import '../engine/zodConfig.ts';
import type { RunResult, SweepJob } from '../../explore/sweepJob.ts';
import { runSweepJob } from '../../explore/sweepJob.ts';

interface JobScope {
  postMessage(message: RunResult): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SweepJob>) => void): void;
}

const scope = self as unknown as JobScope;
scope.addEventListener('message', ({ data }) => scope.postMessage(runSweepJob(data)));
