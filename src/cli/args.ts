/** What the commands share: argument parsing and the usage error. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { suggest } from '../input/suggest.ts';

/** A command line that does not fit the command: printed with a hint, exit code 2. */
export class UsageError extends Error {}

/**
 * The command's options and positionals; an option the command does not know is refused (exit
 * 2) with the nearest one it knows, never taken for a file name nor left unread.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true } as const);
  } catch (error) {
    const unknown = error instanceof TypeError && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec(error.message)?.[1] : undefined;
    if (unknown === undefined) throw error;
    const known = Object.keys(options).map((name) => `--${name}`);
    throw new UsageError(`unknown option "${unknown}"${known.length === 0 ? ': this command takes no options' : `; ${suggest(unknown, known)}`}`);
  }
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** An option's whole number (digits only) of at least `min`: `--runs 0: expected a whole number ≥ 1`. */
export function wholeOption(text: string, option: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${option} ${text}: expected a whole number ≥ ${min}`);
  return Number(text);
}
