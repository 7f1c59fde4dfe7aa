/**
 * Writing report files so a reader never sees half a file: write a temporary file in the same
 * folder (`.name.<pid>.tmp`), then rename it over the target, which is atomic on one file system.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file's text, whole or in chunks written as they come (a report too large to be one string). */
export type FileContent = string | Iterable<string>;

/** Chunks gathered into pieces of about this many characters before each write. */
const BATCH = 1 << 20;

/** The chunks gathered into pieces of about BATCH characters. */
export function* batched(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
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
    for (const piece of batched(content)) writeSync(fd, piece, null, 'utf8');
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomic(path: string, content: FileContent): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeContent(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes each file (a plain name, no folders) into `dir`, creating `dir` first. */
export function writeFilesAtomic(dir: string, files: Record<string, FileContent>): void {
  const bad = Object.keys(files).find((name) => !isPlainName(name));
  if (bad !== undefined) throw new Error(`not a plain file name: ${JSON.stringify(bad)}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileAtomic(join(dir, name), content);
}

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}
