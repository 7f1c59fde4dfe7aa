/**
 * The progress of `imsim run --format json|csv` written as it goes, on a terminal: a bar of the batches of
 * accounts played (sim/batchedRun.ts), for a population played in more than one, then a line
 * while the report is written. Nothing when standard error is not a terminal.
 */
import cliProgress from 'cli-progress';
import type { BatchProgress } from '../sim/batchPlay.ts';

export interface BatchBar {
  progress: BatchProgress;
  /** The batches are played: the bar stops, and the report is being written. */
  played(what: string): void;
  /** The bar stops if it runs (the run failed). */
  stop(): void;
}

export function batchBar(stream: NodeJS.WriteStream = process.stderr): BatchBar {
  const bar = stream.isTTY ? new cliProgress.SingleBar({ format: 'run |{bar}| {value}/{total} batches of accounts | ETA {eta_formatted}', stream }, cliProgress.Presets.shades_classic) : undefined;
  let shown: number | undefined;
  return {
    progress: (done, total) => {
      if (!bar || total <= 1 || done === shown) return;
      if (shown === undefined) bar.start(total, done);
      else {
        // cli-progress skips updates within 200 ms of its last frame; a batch done is always shown.
        bar.update(done);
        bar.render();
      }
      shown = done;
    },
    played(what) {
      if (shown === undefined) return;
      this.stop();
      stream.write(`writing ${what}…\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}
