/** Runs the real `imsim` command in a child process, as a user would. */
import { spawnSync } from 'node:child_process';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function imsim(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['bin/imsim.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
