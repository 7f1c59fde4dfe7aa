/** The scenarios of a folder: every *.yaml, *.yml and *.json in it (not reports), in name order. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isFolder } from '../input/files.ts';

/** A folder that is not there: the CLI says so in one line (exit 2). */
export class NoSuchFolder extends Error {}

export function scenarioFiles(dir: string): string[] {
  if (!isFolder(dir)) throw new NoSuchFolder(`${dir}: no such folder (expected a folder of scenario files)`);
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.report.json'))
    .sort()
    .map((name) => join(dir, name));
}
