/**
 * Every command refuses what it does not know, as a new user meets it: an unknown option is
 * exit 2 with the nearest option (never read as a file name, never ignored), and a path that
 * is not there is exit 2 with one line naming it (never "internal error", never a stack trace).
 */
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/usage.ts';
import { imsim } from './run.ts';

const noStack = (stderr: string) => !/\n\s+at /.test(stderr) && !stderr.includes('internal error');

describe('every command', () => {
  it.each(Object.keys(commandHelp))('"imsim %s" refuses an unknown option with exit 2', (command) => {
    const run = imsim([command, 'scenarios/default.yaml', '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option "--bogus"/);
    expect(noStack(run.stderr)).toBe(true);
  });

  it('suggests the option meant (--seeed → --seed, --goldn → --golden), and says when a command takes none', () => {
    expect(imsim(['run', 'scenarios/default.yaml', '--seeed', '1']).stderr).toContain('unknown option "--seeed"; did you mean "--seed"?');
    const golden = imsim(['test', 'scenarios', '--goldn']);
    expect(golden.status).toBe(2);
    expect(golden.stderr).toContain('unknown option "--goldn"; did you mean "--golden"?');
    expect(imsim(['check', 'scenarios/default.yaml', '--bogus']).stderr).toContain('unknown option "--bogus": this command takes no options');
  });

  it.each([
    ['run', '/missing/scenario.yaml'],
    ['resume', '/missing/state.json'],
    ['check', '/missing/scenario.yaml'],
    ['sweep', '/missing/scenario.yaml', '--vary', 'lifecycle.grace.days=3,7'],
    ['merge', '/missing-folder', '--out', '/tmp/imsim-never-written'],
    ['compare', '/missing/scenario.yaml', '--vs', '--set', 'lifecycle.grace.days=14'],
    ['test', '/missing-folder'],
    ['coverage', '/missing-folder'],
    ['policy', 'show', '/missing/policy.yaml'],
  ])('"imsim %s %s" names the missing path in one line, exit 2', (...args) => {
    const run = imsim(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(args.find((arg) => arg.startsWith('/missing')));
    expect(noStack(run.stderr)).toBe(true);
  });
});
