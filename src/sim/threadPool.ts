/**
 * Worker threads: a pool (piscina) running one module's default export, and a thread of its own
 * that runs a module once and sends back one message, or its results one at a time. From the TypeScript sources (`npx imsim`,
 * the tests) the threads load them through tsx; from the built library, the compiled module
 * beside this one.
 */
import { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';

/**
 * A pool of `threads` threads running the default export of `moduleUrl`. From the sources, each
 * thread loads tsxThread.mjs, which registers tsx and loads the module, rather than starting
 * with `--import tsx`, which made the engine slower on the threads: 30,000 apps written out as
 * they go on 2 threads took 17.2, 19.0 and 21.3 s this way against 18.5, 19.7 and 21.9 s with
 * `--import tsx` (`bench/measure.ts spooledThreads 30000 1`, the two alternated), and the batches
 * of that run 16.4–17.9 s with `--import tsx` against 15.0–15.7 s on a thread of its own that
 * registers tsx (bench/tmp, alternated in one process); over the compiled library, no slower.
 */
export function threadPool<In, Out>(moduleUrl: URL, threads: number): Piscina<In, Out> {
  const fromSources = moduleUrl.pathname.match(/\.m?ts$/);
  return new Piscina<In, Out>({
    filename: fromSources ? new URL('./tsxThread.mjs', import.meta.url).href : moduleUrl.href,
    minThreads: threads,
    maxThreads: threads,
    ...(fromSources ? { workerData: moduleUrl.href } : {}),
  });
}

/** `name` beside the calling module, as a .ts source or a compiled .js file like the caller. */
export function besideModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.match(/\.m?ts$/) ? '.ts' : '.js'}`, callerUrl);
}

/**
 * A thread that runs the module `url` with `data` as its `workerData` and gives its one message.
 * It starts on its task at once: it needs nothing from this thread's event loop, which may be
 * busy with a share of the work meanwhile. `task` names the work in the error if it ends without.
 * Aborting `stop` ends the thread (its work is no longer wanted: another share failed).
 */
export function oneMessageThread<Out>(url: URL, data: unknown, task: string, stop?: AbortSignal): Promise<Out> {
  return startedThread(url, data, task, stop, (worker, resolve) => worker.once('message', resolve));
}

/**
 * As `oneMessageThread`, for a thread that sends its results one message at a time as it has
 * them, each handed to `heard` as it comes, then `null` when it has sent them all: the promise
 * is kept then.
 */
export function messagesThread<Out>(url: URL, data: unknown, task: string, heard: (message: Out) => void, stop?: AbortSignal): Promise<void> {
  return startedThread(url, data, task, stop, (worker, resolve) => {
    const listen = (message: Out | null) => {
      if (message !== null) return heard(message);
      worker.off('message', listen);
      resolve();
    };
    worker.on('message', listen);
  });
}

/** A thread running `url` with `data`, ended when `stop` is aborted; `listen` keeps the promise with what it sends back. */
function startedThread<Out>(url: URL, data: unknown, task: string, stop: AbortSignal | undefined, listen: (worker: Worker, resolve: (result: Out) => void) => void): Promise<Out> {
  const load = url.pathname.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(url.href)}))`
    : `import(${JSON.stringify(url.href)})`;
  const worker = new Worker(load, { eval: true, workerData: data });
  const end = () => void worker.terminate();
  stop?.addEventListener('abort', end, { once: true });
  return new Promise<Out>((resolve, reject) => {
    listen(worker, resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread of ${task} ended (exit code ${code}) without its result`)));
  }).finally(() => stop?.removeEventListener('abort', end));
}

/**
 * `work()`; if it throws (or the promise it gives is rejected), `stop` is aborted first: an
 * `AbortController` whose signal ends the threads started with it, or whatever else stops the others.
 */
export function stoppingOthersOnFailure<T>(stop: { abort(): void }, work: () => T): T {
  const failed = (error: unknown): never => {
    stop.abort();
    throw error;
  };
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(failed) : result) as T;
  } catch (error) {
    return failed(error);
  }
}
