// A thread of a pool (threadPool.ts) run from the TypeScript sources: it registers tsx, as the
// threads of `oneMessageThread` do, then gives the default export of the pool's module, named by
// the pool's workerData. Plain JavaScript, as it runs before tsx can load TypeScript.
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register();
export default (await import(workerData)).default;
