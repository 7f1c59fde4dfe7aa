/**
 * A sweep in the browser, off the page's thread: the library's sweep (explore/sweepCore.ts) with
 * Web Workers as its runner (job.worker.ts, one job at a time each), the same function and the
 * same results as `imsim sweep` on the bundled policy. Posts progress, then the sweep's result
 * (explore/sweepResult.ts), or the issues of its knob values.
 */
import '../engine/zodConfig.ts';
import { parseGrid } from '../../explore/grid.ts';
import { type Runner, sweepWith } from '../../explore/sweepCore.ts';
import type { RunResult, SweepJob } from '../../explore/sweepJob.ts';
import { sweepResult } from '../../explore/sweepResult.ts';
import { InputError } from '../../inputError.ts';
import { scenarioOf } from '../../scenario/source.ts';
import { MAX_BROWSER_APP_DAYS } from '../../scenario/limits.ts';
import { bundledPolicy } from '../engine/run.ts';
import { SWEEP_VALUES, type SweepMessage, type SweepRequest } from './protocol.ts';

interface SweepScope {
  postMessage(message: SweepMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SweepRequest>) => void): void;
}

const scope = self as unknown as SweepScope;

/** Jobs go to the first idle worker; each worker runs one at a time. */
function webWorkers(count: number): Runner {
  const idle = Array.from({ length: count }, () => new Worker(new URL('./job.worker.ts', import.meta.url), { type: 'module' }));
  const queue: { job: SweepJob; resolve: (result: RunResult) => void }[] = [];
  const next = (worker: Worker) => {
    const waiting = queue.shift();
    if (!waiting) {
      idle.push(worker);
      return;
    }
    worker.onmessage = ({ data }: MessageEvent<RunResult>) => {
      waiting.resolve(data);
      next(worker);
    };
    // A worker that fails (to load, or on the job) fails that run, not the whole sweep silently.
    worker.onerror = (event) => {
      event.preventDefault();
      const { cell, run, seed } = waiting.job;
      waiting.resolve({ cell, run, seed, error: `the run's Web Worker failed: ${event.message || 'no reason given'}` });
      next(worker);
    };
    worker.postMessage(waiting.job);
  };
  const all = [...idle];
  return {
    run: (job) =>
      new Promise<RunResult>((resolve) => {
        queue.push({ job, resolve });
        const worker = idle.shift();
        if (worker) next(worker);
      }),
    close: async () => {
      for (const worker of all) worker.terminate();
    },
  };
}

scope.addEventListener('message', ({ data: request }) => void play(request));

async function play(request: SweepRequest): Promise<void> {
  const { id } = request;
  const source = { file: request.file, text: request.text, files: {}, policy: bundledPolicy() };
  let pool: Runner | undefined;
  try {
    const scenario = scenarioOf(source, { set: request.overrides, maxAppDays: MAX_BROWSER_APP_DAYS });
    const grid = parseGrid(request.vary, scenario.policy);
    pool = webWorkers(request.workers);
    const runs = await sweepWith(pool, source, grid, {
      runs: request.runs,
      set: request.overrides,
      onProgress: (done, total) => scope.postMessage({ type: 'progress', id, done, total }),
    });
    scope.postMessage({ type: 'done', id, result: sweepResult(runs) });
  } catch (error) {
    if (error instanceof InputError) scope.postMessage({ type: 'invalid', id, issues: error.issues.map((issue) => (issue.file === '--vary' ? { ...issue, file: SWEEP_VALUES } : issue)) });
    else scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    await pool?.close();
  }
}
