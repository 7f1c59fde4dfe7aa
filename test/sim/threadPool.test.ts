/**
 * A thread of its own that sends back one message (sim/threadPool.ts, `oneMessageThread`), and
 * the other threads of a run stopped when this thread's share fails (`stoppingOthersOnFailure`).
 */
import { describe, expect, it } from 'vitest';
import { oneMessageThread, stoppingOthersOnFailure } from '../../src/sim/threadPool.ts';

const IDLE = new URL('./threads/idleWorker.ts', import.meta.url);

describe('a thread that sends one message', () => {
  it('is ended when its stop signal is aborted, and says it ended without its result', async () => {
    const stop = new AbortController();
    const result = oneMessageThread(IDLE, {}, 'an idle task', stop.signal);
    stop.abort();
    await expect(result).rejects.toThrow(/^the thread of an idle task ended \(exit code \d+\) without its result$/);
  }, 30_000);

  it('is stopped with the others when the work beside them throws, and left alone when it does not', async () => {
    const stop = new AbortController();
    const other = oneMessageThread(IDLE, {}, 'the other share', stop.signal);
    expect(stoppingOthersOnFailure(stop, () => 'mine')).toBe('mine');
    expect(stop.signal.aborted).toBe(false);
    expect(() =>
      stoppingOthersOnFailure(stop, () => {
        throw new Error('my share failed');
      }),
    ).toThrow('my share failed');
    expect(stop.signal.aborted).toBe(true);
    await expect(other).rejects.toThrow('the thread of the other share ended');
  }, 30_000);
});
