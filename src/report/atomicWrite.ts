/**
 * Writing report files so a reader never sees half a file: write a temporary file in the same
 * folder (`.name.<pid>.tmp`), then rename it over the target, which is atomic on one file system.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file's text, whole or in chunks written as they come (a report too large to be one string);
 * a chunk may be UTF-8 bytes already, written as they are.
 */
export type FileContent = string | Iterable<string | Uint8Array>;

/** A file's text, whole or in chunks of text only. */
export type TextContent = string | Iterable<string>;

/** Chunks gathered into pieces of about this many characters before each write. */
const BATCH = 1 << 20;

/** The text chunks gathered into pieces of about BATCH characters; chunks of bytes pass as they are, in their place. */
export function* batched<Chunk extends string | Uint8Array>(chunks: Iterable<Chunk>): Generator<string | Chunk> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (pending.length > 0) yield pending.join('');
      [pending, size] = [[], 0];
      yield chunk;
      continue;
    }
    pending.push(chunk);
    size += chunk.length;
    if (size >= BATCH) {
      yield pending.join('');
      [pending, size] = [[], 0];
    }
  }
  if (pending.length > 0) yield pending.join('');
}

function writeContent(path: string, content: FileContent): void {
  if (typeof content === 'string') {
    writeFileSync(path, content, 'utf8');
    return;
  }
  const fd = openSync(path, 'w');
  try {
    for (const piece of batched(content)) writeFileSync(fd, piece); // the whole piece, at the file's position (text as UTF-8)
  } finally {
    closeSync(fd);
  }
}

const tempOf = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

export function writeFileAtomic(path: string, content: FileContent): void {
  writeFilesAt([[path, content]]);
}

/**
 * Writes each file (a plain name, no folders) into `dir`, creating `dir` first. Every file is
 * written to its temporary name before any is renamed, so a failure while making one (its
 * content is made as it is written) leaves every target as it was.
 */
export function writeFilesAtomic(dir: string, files: Record<string, FileContent>): void {
  const bad = Object.keys(files).find((name) => !isPlainName(name));
  if (bad !== undefined) throw new Error(`not a plain file name: ${JSON.stringify(bad)}`);
  mkdirSync(dir, { recursive: true });
  writeFilesAt(Object.entries(files).map(([name, content]) => [join(dir, name), content]));
}

function writeFilesAt(files: [string, FileContent][]): void {
  try {
    for (const [path, content] of files) writeContent(tempOf(path), content);
    for (const [path] of files) renameSync(tempOf(path), path);
  } catch (error) {
    for (const [path] of files) rmSync(tempOf(path), { force: true });
    throw error;
  }
}

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}
