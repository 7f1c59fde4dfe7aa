/**
 * How the threads of one run stop when one fails (parallel.ts, batchThreads.ts): no thread
 * takes another shard (shard.ts's `failClaims`), and the worker threads, started with `ending`,
 * are ended. Without it, a thread whose share failed would leave the others to play every shard
 * it would have taken (about 90 s at 100,000 apps) before the failure was told.
 */
import { failClaims } from './shard.ts';

export function stopping(claims: Int32Array): { ending: AbortSignal; stopAll: { abort(): void } } {
  const stop = new AbortController();
  return {
    ending: stop.signal,
    stopAll: {
      abort: () => {
        failClaims(claims);
        stop.abort();
      },
    },
  };
}
