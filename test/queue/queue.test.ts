/**
 * Sweeps on a Redis queue (imsim sweep --queue, imsim worker), against a real redis-server of
 * the test's own: the same bytes as a local sweep, a worker killed mid-sweep, Redis restarted
 * mid-sweep, a worker of another version, a job that names a path, and bad addresses.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueAddress } from '../../src/explore/queue/address.ts';
import { jobHash, type QueuedJob, SWEEP_QUEUES_KEY } from '../../src/explore/queue/jobs.ts';
import { JOB_ATTEMPTS, queueRunner } from '../../src/explore/queue/runner.ts';
import type { RunResult, SweepJob } from '../../src/explore/sweepJob.ts';
import { readScenarioSource } from '../../src/scenario/source.ts';
import { IMSIM_VERSION } from '../../src/version.ts';
import { imsim } from '../cli/run.ts';
import { startRedis, type TestRedis } from './redisServer.ts';

const SCENARIO = 'test/explore/small-population.yaml';
/** Runs of about two seconds each, so that a kill or a restart lands inside one. */
const LONG = ['sweep', 'scenarios/population-grace.yaml', '--vary', 'lifecycle.grace.days=7,14', '--runs', '2'];
const SWEEP = ['sweep', SCENARIO, '--vary', 'lifecycle.grace.days=3,7,14', '--vary', 'arrears.suspendAfterDays=3,14', '--runs', '2'];

let redis: TestRedis;
let scratch: string;
const running: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  scratch = mkdtempSync(join(tmpdir(), 'imsim-queue-'));
}, 30_000);

afterEach(async () => {
  await Promise.all(running.filter((child) => child.exitCode === null && child.signalCode === null).map((child) => new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  })));
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await redis?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

interface Spawned {
  child: ChildProcess;
  output: () => string;
  done: Promise<number | null>;
}

function start(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, ['bin/imsim.js', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, done };
}

/** A worker process, once it listens (its start line printed: starting from the sources can take seconds on a cold cache). */
async function worker(): Promise<Spawned> {
  const spawned = start(['worker', '--queue', redis.url, '--concurrency', '1']);
  await waitFor(() => spawned.output().includes(' worker: '), 60_000);
  if (!spawned.output().includes(' worker: ')) throw new Error(`the worker did not start: ${spawned.output()}`);
  return spawned;
}

/** The process's exit code; if it has not exited within `ms`, a failure that shows what it printed. */
async function exitCode(spawned: Spawned, ms: number): Promise<number | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms / 1000} s; it printed:\n${spawned.output()}`)), ms);
  });
  try {
    return await Promise.race([spawned.done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops a process with SIGTERM; fails, showing what it printed, if it has not exited within 30 s. */
async function stopped(spawned: Spawned): Promise<void> {
  if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill('SIGTERM');
  await exitCode(spawned, 30_000);
}

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

function localSweep(): Record<string, string> {
  const out = join(scratch, 'local');
  expect(imsim([...SWEEP, '--workers', '1', '--out', out]).status).toBe(0);
  return files(out);
}

const waitFor = async (check: () => boolean, ms: number, refresh: () => Promise<void> = async () => {}) => {
  const until = Date.now() + ms;
  await refresh();
  while (!check() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await refresh();
  }
};

/** The queue a coordinator says it runs its sweep on, once it has said so. */
async function sweepQueueOf(coordinator: Spawned): Promise<{ name: string; queue: Queue }> {
  const named = /sweep on queue (imsim-sweep-\w+)/;
  await waitFor(() => named.test(coordinator.output()), 20_000);
  const name = named.exec(coordinator.output())?.[1] ?? '';
  return { name, queue: new Queue(name, { connection: queueAddress(redis.url, {}).connection }) };
}

/** A count read from Redis until it is what is wanted (or the time is up); the last one read. */
async function countReaches(read: () => Promise<number>, wanted: (count: number) => boolean, ms: number): Promise<number> {
  let count = await read();
  await waitFor(() => wanted(count), ms, async () => {
    count = await read();
  });
  return count;
}

describe('a sweep on a Redis queue', () => {
  it('writes, with two worker processes, the same bytes as the sweep run locally', async () => {
    const out = join(scratch, 'queued');
    const coordinator = start([...SWEEP, '--queue', redis.url, '--out', out]);
    const { name, queue } = await sweepQueueOf(coordinator);
    expect(await countReaches(() => queue.getWaitingCount(), (count) => count === 12, 30_000)).toBe(12);
    // The queue is paused until both workers have joined it, so neither can finish the sweep alone first.
    await queue.pause();
    const workers = await Promise.all([worker(), worker()]);
    await waitFor(() => workers.every((w) => w.output().includes(`working on ${name}`)), 30_000);
    expect(workers.map((w) => w.output().includes(`working on ${name}`))).toEqual([true, true]);
    await queue.resume();
    await queue.close();
    expect(await exitCode(coordinator, 100_000), coordinator.output()).toBe(0);
    expect(files(out)).toEqual(localSweep());
    await Promise.all(workers.map(stopped));
  }, 120_000);

  it('finishes with the same bytes when a worker is killed (SIGKILL) in the middle of a job: the job goes to another worker', async () => {
    const first = await worker();
    const out = join(scratch, 'killed');
    const coordinator = start([...LONG, '--queue', redis.url, '--out', out]);
    const { queue } = await sweepQueueOf(coordinator);
    const active = await countReaches(() => queue.getActiveCount(), (count) => count > 0, 30_000);
    first.child.kill('SIGKILL');
    expect(active).toBe(1);
    const second = await worker();
    expect(await exitCode(coordinator, 100_000), coordinator.output()).toBe(0);
    await queue.close();
    const local = join(scratch, 'killed-local');
    expect(imsim([...LONG, '--workers', '1', '--out', local]).status).toBe(0);
    expect(files(out)).toEqual(files(local));
    await stopped(second);
  }, 180_000);

  it('resumes when the coordinator is started again with the same arguments: the runs done meanwhile are not run again', async () => {
    const out = join(scratch, 'resumed');
    const gone = start([...SWEEP, '--queue', redis.url, '--out', out]);
    const { name, queue } = await sweepQueueOf(gone);
    await countReaches(() => queue.getWaitingCount(), (count) => count === 12, 20_000);
    gone.child.kill('SIGKILL');
    const one = await worker();
    await countReaches(() => queue.getCompletedCount(), (count) => count === 12, 60_000);
    await stopped(one);
    // No worker now: the second coordinator can only finish from the results already in Redis.
    const again = start([...SWEEP, '--queue', redis.url, '--out', out]);
    expect(await exitCode(again, 100_000), again.output()).toBe(0);
    expect(again.output()).toContain(`sweep on queue ${name}`);
    expect(files(out)).toEqual(localSweep());
    await queue.close();
  }, 120_000);

  it('waits while Redis is away, says so, and goes on to the same bytes when it is back', async () => {
    const workers = [await worker(), await worker()];
    const out = join(scratch, 'restarted');
    const coordinator = start([...LONG, '--queue', redis.url, '--out', out]);
    const { queue } = await sweepQueueOf(coordinator);
    const active = await countReaches(() => queue.getActiveCount(), (count) => count > 0, 30_000);
    await queue.close();
    expect(active).toBeGreaterThan(0);
    await redis.restart(1500);
    expect(await exitCode(coordinator, 100_000), coordinator.output()).toBe(0);
    expect(coordinator.output()).toContain(`waiting for Redis at ${redis.url}`);
    const local = join(scratch, 'restarted-local');
    expect(imsim([...LONG, '--workers', '1', '--out', local]).status).toBe(0);
    expect(files(out)).toEqual(files(local));
    await Promise.all(workers.map(stopped));
  }, 180_000);
});

describe('a worker', () => {
  const connection = () => queueAddress(redis.url, {}).connection;

  async function runOnQueue(name: string, data: QueuedJob): Promise<{ result?: RunResult; failed?: string; log: string }> {
    const queue = new Queue<QueuedJob, RunResult>(name, { connection: connection() });
    const events = new QueueEvents(name, { connection: connection() });
    await events.waitUntilReady();
    const registry = await import('ioredis').then(({ Redis }) => new Redis(connection()));
    await registry.sadd(SWEEP_QUEUES_KEY, name);
    const one = await worker();
    const job = await queue.add('run', data, { attempts: 1 });
    let outcome: { result?: RunResult; failed?: string };
    try {
      outcome = { result: await job.waitUntilFinished(events, 60_000) };
    } catch (error) {
      outcome = { failed: (error as Error).message };
    }
    await registry.srem(SWEEP_QUEUES_KEY, name);
    registry.disconnect();
    await queue.obliterate({ force: true });
    await events.close();
    await queue.close();
    await stopped(one);
    return { ...outcome, log: one.output() };
  }

  const sweepJob = (): SweepJob => ({ source: readScenarioSource(SCENARIO), cell: 0, run: 0, seed: 1, set: {} });

  /** A worker sent SIGTERM `afterMs` into `trouble` (which gives what ends it) exits 0, saying it stopped. */
  async function stopsDuring(trouble: () => Promise<() => Promise<void>>, afterMs: number): Promise<void> {
    const one = await worker();
    const ended = await trouble();
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    one.child.kill('SIGTERM');
    try {
      expect(await exitCode(one, 20_000), one.output()).toBe(0);
      expect(one.output()).toContain('worker stopped');
    } finally {
      await ended();
    }
  }

  it('stops on SIGTERM while it is reading the list of sweeps (Redis paused), and reads it no more', async () => {
    // The list is read every second: 1.5 s into the pause, a reading has started and waits on it.
    await stopsDuring(async () => {
      const admin = await import('ioredis').then(({ Redis }) => new Redis(connection()));
      await admin.client('PAUSE', 4000, 'ALL');
      return async () => admin.disconnect();
    }, 1500);
  }, 60_000);

  it('stops on SIGTERM while Redis is away, its reading of the list waiting for Redis to come back', async () => {
    await stopsDuring(async () => {
      const back = redis.restart(4000);
      return () => back;
    }, 2000);
  }, 60_000);

  it('refuses a job made by another imsim version, saying both versions', async () => {
    const job = sweepJob();
    const { failed, log } = await runOnQueue('imsim-test-version', { version: '0.0.0-other', hash: jobHash(job), job });
    expect(failed).toContain(`made by imsim 0.0.0-other and this worker runs imsim ${IMSIM_VERSION}`);
    expect(log).toContain('refused a job of imsim-test-version');
  }, 60_000);

  it('reads no file a job names: a curve at /etc/passwd that the job does not carry is refused, unread', async () => {
    const job = sweepJob();
    const text = job.source.text.replace('usage: { dau: { constant: { uniform: [500, 150000] } } }', 'usage: { dau: { csv: /etc/passwd, column: dau } }');
    expect(text).toContain('/etc/passwd');
    const named = { ...job, source: { ...job.source, text, files: {} } };
    const { result } = await runOnQueue('imsim-test-path', { version: IMSIM_VERSION, hash: jobHash(named), job: named });
    expect(result && 'error' in result ? result.error : '').toContain('not among the files carried with the scenario: /etc/passwd');
  }, 60_000);
});

describe('the coordinator', () => {
  /** One run (cell, run 0 or 1, seed) through a coordinator, on a queue whose only worker is a plain BullMQ one: the result the coordinator gives. */
  async function runWithWorker(name: string, processor: () => Promise<unknown>, job: Omit<SweepJob, 'source' | 'set'>, options: { removeOnComplete?: { count: number } } = {}): Promise<RunResult> {
    const address = queueAddress(redis.url, {});
    const coordinator = await queueRunner({ address, name, version: IMSIM_VERSION, log: () => {} });
    const worker = new Worker(name, processor, { connection: address.connection, ...options });
    const result = await coordinator.run({ ...job, source: readScenarioSource(SCENARIO), set: {} });
    await worker.close();
    await coordinator.finish();
    await coordinator.close();
    return result;
  }

  it('reports a run whose job throws on every attempt with its cell and the error, after 3 tries', async () => {
    let attempts = 0;
    const throwing = async () => {
      attempts += 1;
      throw new Error('the machine caught fire');
    };
    const result = await runWithWorker('imsim-test-throws', throwing, { cell: 4, run: 1, seed: 9 });
    expect(result).toEqual({ cell: 4, run: 1, seed: 9, error: `failed on the queue after ${JOB_ATTEMPTS} attempts: the machine caught fire` });
    expect(attempts).toBe(JOB_ATTEMPTS);
  }, 60_000);

  it('reports a run whose job completes without a result (a worker that is not imsim\'s) as failed, with its cell', async () => {
    const result = await runWithWorker('imsim-test-no-result', async () => undefined, { cell: 2, run: 0, seed: 5 });
    expect(result).toEqual({ cell: 2, run: 0, seed: 5, error: "completed on the queue without a result (by a worker that is not imsim's?)" });
  }, 60_000);

  it('reports a run whose job is removed from the queue (a worker that removes what it completes) as failed, with its cell', async () => {
    const done = async () => ({ cell: 1, run: 0, seed: 3, figures: {} });
    const result = await runWithWorker('imsim-test-removed', done, { cell: 1, run: 0, seed: 3 }, { removeOnComplete: { count: 0 } });
    expect(result).toMatchObject({ cell: 1, run: 0, seed: 3 });
    expect('error' in result ? result.error : '').toContain('its job is no longer on the queue');
  }, 60_000);
});

describe('a queue address', () => {
  it('is refused with exit 2 and a one-line reason when it is not redis:// or rediss://, and never prints a password', () => {
    for (const [given, says] of [
      ['http://127.0.0.1:6379', 'expected redis:// or rediss://'],
      ['not a url', 'not a URL'],
      ['redis://user:s3cret@127.0.0.1:6379/x', 'expected a database number'],
    ]) {
      const run = imsim([...SWEEP, '--queue', given]);
      expect(run.status, given).toBe(2);
      expect(run.stderr, given).toContain(says);
      expect(run.stderr).not.toContain('s3cret');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const env = imsim([...SWEEP, '--queue', 'env'], { IMSIM_QUEUE: '', REDIS_URL: '' });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('IMSIM_QUEUE or REDIS_URL');
  });
});
