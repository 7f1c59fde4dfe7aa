import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandNodeFlags, nodeFlagsOf } from '../../bench/commandFlags.ts';

const dir = mkdtempSync(join(tmpdir(), 'imsim-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/imsim.js as a program (its first line starts node), with a preload script that reports the flags node was started with. */
function flagsOfCommand(): { status: number | null; stdout: string; flags: string[] } {
  const probe = join(dir, 'probe.cjs');
  writeFileSync(probe, "process.stderr.write('flags ' + JSON.stringify(process.execArgv) + '\\n');\n");
  const result = spawnSync('./bin/imsim.js', ['--help'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim() },
  });
  const line = result.stderr.split('\n').find((text) => text.startsWith('flags '));
  return { status: result.status, stdout: result.stdout, flags: line ? (JSON.parse(line.slice('flags '.length)) as string[]) : [] };
}

describe('the node flags of the imsim command', () => {
  it('starts node with a young generation of 32 MB per semi-space, from its first line', () => {
    const { status, stdout, flags } = flagsOfCommand();
    expect(status).toBe(0);
    expect(stdout).toMatch(/^imsim — /);
    expect(flags).toContain('--max-semi-space-size=32');
  });

  it('are the flags the bench starts its measurements with', () => {
    expect(commandNodeFlags()).toEqual(flagsOfCommand().flags);
  });

  it('are read from a first line of flags of the form --name=value, and any other first line is refused', () => {
    expect(nodeFlagsOf('#!/usr/bin/env -S node --a-b=1 --c=2\nrest')).toEqual(['--a-b=1', '--c=2']);
    expect(nodeFlagsOf('#!/usr/bin/env -S node\n')).toEqual([]);
    expect(() => nodeFlagsOf('#!/usr/bin/env node\n')).toThrow(/first line/);
    expect(() => nodeFlagsOf('#!/usr/bin/env -S node --a 1\n')).toThrow(/first line/);
  });
});
