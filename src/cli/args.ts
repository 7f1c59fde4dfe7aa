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

/** An option's whole number (digits only) of at least `min`: `--runs 0: expected a whole number ≥ 1`. */
export function wholeOption(text: string, option: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${option} ${text}: expected a whole number ≥ ${min}`);
  return Number(text);
}
