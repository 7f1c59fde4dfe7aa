/**
 * Reading input files with node's fs, fetched lazily: no node module is imported at the top, so
 * a browser bundle can import the loaders and pass its own policy and `readFile` instead.
 */
import { InputError } from '../inputError.ts';
import { fileIssue } from './issues.ts';
import { MAX_FILE_BYTES } from './limits.ts';

/** Node's fs, or a clear error where there is none (a browser must pass its own policy/readFile). */
export function nodeFs(): typeof import('node:fs') {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (!fs) throw new Error('reading files needs Node.js ≥ 20.16; elsewhere pass the policy and a readFile');
  return fs;
}

export function nodePath(): typeof import('node:path') {
  const path = globalThis.process?.getBuiltinModule?.('node:path');
  if (!path) throw new Error('file paths need Node.js ≥ 20.16; elsewhere pass the policy and a readFile');
  return path;
}

/**
 * Reads a text file for `what` ("policy", "scenario", "CSV"), refusing one over the size limit.
 * `shown` is the path as the user wrote it, for the message.
 */
export function readTextFile(path: string, shown: string, what: string): string {
  const fs = nodeFs();
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch {
    throw new InputError([fileIssue(shown, '', `cannot read the ${what} file: no such file`)]);
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError([fileIssue(shown, '', `the ${what} file is ${size} bytes; expected at most ${MAX_FILE_BYTES} (5 MB)`)]);
  }
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([fileIssue(shown, '', `cannot read the ${what} file: ${error instanceof Error ? error.message : String(error)}`)]);
  }
}

/** A reader of files next to `file` (as written, relative to its folder), refusing any over the size limit. */
export function nodeReaderBeside(file: string): (relative: string) => string {
  return (relative) => {
    const path = nodePath();
    const resolved = path.resolve(path.dirname(file), relative);
    const size = nodeFs().statSync(resolved).size;
    if (size > MAX_FILE_BYTES) throw new Error(`the file is ${size} bytes; expected at most ${MAX_FILE_BYTES} (5 MB)`);
    return nodeFs().readFileSync(resolved, 'utf8');
  };
}

/** `relative` as seen from `file`'s folder, for messages (no node path needed). */
export function besideFile(file: string, relative: string): string {
  if (/^([/\\]|[A-Za-z]:[/\\])/.test(relative)) return relative;
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(0, cut + 1) + relative;
}
