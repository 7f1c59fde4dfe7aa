/** What the commands share: argument parsing and the usage error. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A command line that does not fit the command: printed with a hint, exit code 2. */
export class UsageError extends Error {}

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
