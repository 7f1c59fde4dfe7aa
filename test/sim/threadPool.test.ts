/**
 * A thread of its own that sends back one message (sim/threadPool.ts, `oneMessageThread`) or its
 * results one at a time (`messagesThread`), and the other threads of a run stopped when this
 * thread's share fails (`stoppingOthersOnFailure`).
 */
import { describe, expect, it } from 'vitest';
import { messagesThread, oneMessageThread, stoppingOthersOnFailure } from '../../src/sim/threadPool.ts';

const IDLE = new URL('./threads/idleWorker.ts', import.meta.url);
const COUNTING = new URL('./threads/countingWorker.ts', import.meta.url);

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

describe('a thread that sends its results one at a time', () => {
  it('hands each to the listener as it comes, and is done once the thread says so (null)', async () => {
    const heard: number[] = [];
    await messagesThread<number>(COUNTING, 3, 'counting', (number) => heard.push(number));
    expect(heard).toEqual([1, 2, 3]);
  }, 30_000);

  it('says it ended without its result when the thread ends before saying it is done', async () => {
    const stop = new AbortController();
    const result = messagesThread(IDLE, {}, 'an idle task', () => {}, stop.signal);
    stop.abort();
    await expect(result).rejects.toThrow(/^the thread of an idle task ended \(exit code \d+\) without its result$/);
  }, 30_000);

  it('is stopped with the others when the work beside it gives a promise that is rejected', async () => {
    const stop = new AbortController();
    const other = messagesThread(IDLE, {}, 'the other share', () => {}, stop.signal);
    await expect(stoppingOthersOnFailure(stop, () => Promise.reject(new Error('my share failed')))).rejects.toThrow('my share failed');
    expect(stop.signal.aborted).toBe(true);
    await expect(other).rejects.toThrow('the thread of the other share ended');
  }, 30_000);
});
