/**
 * `imsim run --workers K`: the accounts shared among K worker threads (sim/parallel.ts), through
 * the real command. The merge itself is checked on every bundled scenario and on the property
 * pools (test/sim/shard.test.ts, test/properties); here, that threads give the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { imsim } from './run.ts';

describe('imsim run --workers', () => {
  it('writes the same JSON report with 1, 2 and 3 worker threads, with --set and --seed', () => {
    const args = ['run', 'scenarios/population-grace.yaml', '--format', 'json', '--seed', '7', '--set', 'lifecycle.grace.days=14'];
    const [one, two, three] = ['1', '2', '3'].map((workers) => imsim([...args, '--workers', workers]));
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).apps.length).toBeGreaterThan(20);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
  }, 120_000);

  it('prints the same text summary, expectations checked, as a run in one thread does', () => {
    const run = imsim(['run', 'scenarios/refunds.yaml', '--workers', '2', '--summary']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('EXPECTATIONS  all passed');
    expect(run.stdout).toBe(imsim(['run', 'scenarios/refunds.yaml', '--summary']).stdout);
  }, 60_000);

  it('refuses --workers with --until, and a count that is not a whole number from 1', () => {
    const paused = imsim(['run', 'scenarios/default.yaml', '--workers', '2', '--until', '2020-03-01', '--save', '/tmp/never.json']);
    expect(paused.status).toBe(2);
    expect(paused.stderr).toContain('--workers runs the whole period');
    const zero = imsim(['run', 'scenarios/default.yaml', '--workers', '0']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('--workers');
    expect(zero.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports bad --set input with its place, as a run in one thread does', () => {
    const run = imsim(['run', 'scenarios/default.yaml', '--workers', '2', '--set', 'lifecycle.grace.days=-3']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(imsim(['run', 'scenarios/default.yaml', '--set', 'lifecycle.grace.days=-3']).stderr);
  });
});
