/**
 * Writing report files so a reader never sees half a file: write a temporary file in the same
 * folder (`.name.<pid>.tmp`), then rename it over the target, which is atomic on one file system.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes each file (a plain name, no folders) into `dir`, creating `dir` first. */
export function writeFilesAtomic(dir: string, files: Record<string, string>): void {
  const bad = Object.keys(files).find((name) => !isPlainName(name));
  if (bad !== undefined) throw new Error(`not a plain file name: ${JSON.stringify(bad)}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileAtomic(join(dir, name), content);
}

function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}
