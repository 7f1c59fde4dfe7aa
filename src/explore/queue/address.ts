/**
 * Where a sweep's queue is: `--queue redis://[USER:PASSWORD@]HOST:PORT[/DB]` (or `rediss://` for
 * TLS), or the IMSIM_QUEUE or REDIS_URL environment variable. The password is never printed:
 * every message names the queue by its redacted address.
 */
import type { RedisOptions } from 'bullmq';

export interface QueueAddress {
  /** For messages: the address with its password replaced by `***`. */
  shown: string;
  connection: RedisOptions;
}

export class QueueAddressError extends Error {}

function redacted(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}${url.password ? ':***' : ''}@` : url.password ? ':***@' : '';
  return `${url.protocol}//${user}${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

export function queueAddress(given: string | undefined, env: Record<string, string | undefined>): QueueAddress {
  const text = given ?? env.IMSIM_QUEUE ?? env.REDIS_URL;
  if (text === undefined || text === '') throw new QueueAddressError('expected --queue redis://HOST:PORT[/DB], or IMSIM_QUEUE or REDIS_URL set');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QueueAddressError('expected a queue address such as redis://HOST:PORT[/DB] or rediss://USER:PASSWORD@HOST:PORT, found something that is not a URL');
  }
  const shown = redacted(url);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new QueueAddressError(`expected redis:// or rediss://, found ${url.protocol}// in ${shown}`);
  if (url.hostname === '') throw new QueueAddressError(`expected a host in ${shown}`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new QueueAddressError(`expected a database number after the port (/0 … /15), found "/${db}" in ${shown}`);
  const port = url.port === '' ? 6379 : Number(url.port);
  return {
    shown,
    connection: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      ...(db === '' ? {} : { db: Number(db) }),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: { servername: url.hostname } } : {}),
      // BullMQ's workers block on Redis: commands wait for a reconnection instead of failing.
      maxRetriesPerRequest: null,
    },
  };
}

/** What the coordinator and a worker both need: the Redis, the imsim version their jobs carry, and where to say that Redis is away. */
export interface QueueSideOptions {
  address: QueueAddress;
  version: string;
  /** Says that Redis cannot be reached (at most every few seconds), and that it is back. */
  log: (line: string) => void;
}
