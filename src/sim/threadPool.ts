/**
 * A pool of worker threads (piscina) running one module's default export. From the TypeScript
 * sources (`npx imsim`, the tests) the workers load them through tsx; from the built library,
 * the compiled module beside this one.
 */
import { Piscina } from 'piscina';

export function threadPool<In, Out>(moduleUrl: URL, threads: number): Piscina<In, Out> {
  const fromSources = moduleUrl.pathname.match(/\.m?ts$/);
  return new Piscina<In, Out>({
    filename: moduleUrl.href,
    minThreads: threads,
    maxThreads: threads,
    ...(fromSources ? { execArgv: ['--import', 'tsx'] } : {}),
  });
}

/** `name` beside the calling module, as a .ts source or a compiled .js file like the caller. */
export function besideModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.match(/\.m?ts$/) ? '.ts' : '.js'}`, callerUrl);
}
