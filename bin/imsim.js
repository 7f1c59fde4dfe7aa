#!/usr/bin/env node
// The command. In an installed package it runs the compiled CLI in lib/ (built by the package's
// `prepare` script); in a checkout of the sources it runs src/ through tsx (a development
// dependency), so the command there is always the code being worked on.
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
