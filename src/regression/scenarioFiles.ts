/**
 * The scenarios of a folder: every *.yaml, *.yml and *.json in it, in name order, but for
 * reports (*.report.json), a project's own files (package.json, package-lock.json,
 * tsconfig*.json) and policy files (a mapping with `editions` or `extends` and no `format`), which
 * may sit beside the scenarios that name them. A file that cannot be read as YAML is a scenario,
 * so that its errors are reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isFolder } from '../input/files.ts';
import { isRecord } from '../input/plainData.ts';

/** A folder that is not there: the CLI says so in one line (exit 2). */
export class NoSuchFolder extends Error {}

const notScenarios = /^(package(-lock)?\.json|tsconfig.*\.json|jsconfig\.json)$|\.report\.json$/;

function isPolicyFile(path: string): boolean {
  let value: unknown;
  try {
    value = parse(readFileSync(path, 'utf8'), { logLevel: 'silent' });
  } catch {
    return false;
  }
  return isRecord(value) && !('format' in value) && ('editions' in value || 'extends' in value);
}

export function scenarioFiles(dir: string): string[] {
  if (!isFolder(dir)) throw new NoSuchFolder(`${dir}: no such folder (expected a folder of scenario files)`);
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !notScenarios.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((path) => !isPolicyFile(path));
}
