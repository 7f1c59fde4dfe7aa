/**
 * Reading input files with node's fs, fetched lazily: no node module is imported at the top, so
 * a browser bundle can import the loaders and pass its own policy and `readFile` instead.
 */
import { InputError } from '../inputError.ts';
import { fileIssue } from './issues.ts';
import { MAX_FILE_BYTES } from './limits.ts';

/** Node's fs, or a clear error where there is none (a browser must pass its own policy/readFile). */
/** Whether files can be read here (Node.js), not in a browser. */
export function canReadFiles(): boolean {
  return globalThis.process?.getBuiltinModule?.('node:fs') !== undefined;
}

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
  try {
    return readLimited(path);
  } catch (error) {
    throw new InputError([fileIssue(shown, '', `cannot read the ${what} file: ${fileProblem(error)}`)]);
  }
}

/**
 * A reader of files next to `file` (as written, relative to its folder), refusing any over the
 * size limit. It throws an Error whose message says what is wrong in a few words ("no such
 * file", "it is a folder"), without the machine's absolute paths.
 */
export function nodeReaderBeside(file: string): (relative: string) => string {
  return (relative) => {
    const path = nodePath();
    try {
      return readLimited(path.resolve(path.dirname(file), relative));
    } catch (error) {
      throw new Error(fileProblem(error));
    }
  };
}

/** A file's text, refused (before reading it) when it is over MAX_FILE_BYTES or not a file. */
function readLimited(path: string): string {
  const fs = nodeFs();
  const stat = fs.statSync(path);
  if (stat.isDirectory()) throw new FileProblem('it is a folder');
  if (stat.size > MAX_FILE_BYTES) throw new FileProblem(`it is ${stat.size} bytes; expected at most ${MAX_FILE_BYTES} (5 MB)`);
  return fs.readFileSync(path, 'utf8');
}

class FileProblem extends Error {}

/** What went wrong reading a file, in a few words and without the machine's absolute paths. */
function fileProblem(error: unknown): string {
  if (error instanceof FileProblem) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

/** `relative` as seen from `file`'s folder, for messages (no node path needed). */
export function besideFile(file: string, relative: string): string {
  if (/^([/\\]|[A-Za-z]:[/\\])/.test(relative)) return relative;
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(0, cut + 1) + relative;
}

/** Whether `path` is a folder (false when there is nothing there). */
export function isFolder(path: string): boolean {
  return nodeFs().statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
