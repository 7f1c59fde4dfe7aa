/**
 * `imsim worker [--queue URL] [--concurrency K]`: runs the jobs of the sweeps started with
 * `imsim sweep … --queue` on the same Redis, K at a time, until stopped (Ctrl-C, SIGTERM).
 * Without --queue the address comes from IMSIM_QUEUE, else REDIS_URL.
 */
import { defaultWorkers } from '../explore/pool.ts';
import { QueueAddressError, queueAddress } from '../explore/queue/address.ts';
import { startQueueWorker } from '../explore/queue/worker.ts';
import { IMSIM_VERSION } from '../version.ts';
import { parseOptions, UsageError, wholeOption } from './args.ts';

export async function workerCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    queue: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('worker takes no FILE: the jobs carry their scenarios');
  const concurrency = values.concurrency === undefined ? defaultWorkers() : wholeOption(values.concurrency as string, '--concurrency', 1);
  let address: ReturnType<typeof queueAddress>;
  try {
    address = queueAddress(values.queue as string | undefined, process.env);
  } catch (error) {
    if (error instanceof QueueAddressError) throw new UsageError(`--queue: ${error.message}`);
    throw error;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const worker = await startQueueWorker({ address, concurrency, version: IMSIM_VERSION, log });
  log(`imsim ${IMSIM_VERSION} worker: ${concurrency} job${concurrency === 1 ? '' : 's'} at a time, from the sweeps on ${address.shown}`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await worker.close();
  log('worker stopped');
  return 0;
}
