/** imsim's version, from its package.json (beside src/ and lib/ alike): a queue's jobs carry it. */
import { readFileSync } from 'node:fs';

export const IMSIM_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
