/**
 * What the browser loads stays free of node's threads: the page and its workers reach the
 * library's engine, sweeps and reports, but never the worker-thread pool the CLI's runs over
 * threads use (piscina, node:worker_threads), whose modules a browser cannot run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The page and every module a `new Worker(new URL(…))` of it starts. */
const ENTRIES = ['src/ui/main.tsx', 'src/ui/engine/worker.ts', 'src/ui/explore/sweep.worker.ts', 'src/ui/explore/job.worker.ts'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** Every source file the entries import, statically and relatively, with the bare modules each names. */
function reached(): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const pending = [...ENTRIES];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    const bare: string[] = [];
    files.set(file, bare);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const name = (match[1] ?? match[2]).split('?')[0];
      if (!name.startsWith('.')) bare.push(name);
      else if (/\.(ts|tsx)$/.test(name) && existsSync(join(dirname(file), name))) pending.push(normalize(join(dirname(file), name)));
    }
  }
  return files;
}

describe('the modules the browser loads', () => {
  it('reach the sweep and the engine but not the worker-thread pool', () => {
    const files = reached();
    expect(files.has('src/explore/sweepJob.ts')).toBe(true);
    expect(files.has('src/sim/figuresRun.ts')).toBe(true);
    const threaded = [...files].filter(([, bare]) => bare.some((name) => name === 'piscina' || name === 'node:worker_threads')).map(([file]) => file);
    expect(threaded).toEqual([]);
    expect(files.has('src/sim/threadPool.ts')).toBe(false);
  });
});
