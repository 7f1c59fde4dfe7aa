#!/usr/bin/env -S node --max-semi-space-size=32
// The command. In an installed package it runs the compiled CLI in lib/ (built by the package's
// `prepare` script); in a checkout of the sources it runs src/ through tsx (a development
// dependency), so the command there is always the code being worked on.
//
// Node starts with a young generation of 32 MB per semi-space instead of V8's 16: a run
// allocates fast, and a larger young generation lets more of it die before it is copied. V8
// reads this size only as it starts, so it is given on the first line (the bench starts its
// measurements with the same flags: bench/commandFlags.ts). 10,000 apps for two years on 2
// threads ran about 10% faster, on one thread up to 4%, for 50–80 MB more at the peak
// (BENCHMARKS.md).
import { existsSync } from 'node:fs';

// Output piped into a reader that stops early (`imsim run … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const fromSources = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (fromSources) (await import('tsx/esm/api')).register();
const { main } = await import(fromSources ? '../src/cli/main.ts' : '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
