#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the command is always the code in src/.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
