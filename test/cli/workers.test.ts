/**
 * `imsim run --workers K`: the accounts shared among K worker threads (sim/parallel.ts), through
 * the real command. The merge itself is checked on every bundled scenario and on the property
 * pools (test/sim/shard.test.ts, test/properties); here, that threads give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { imsim } from './run.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder with population-grace.yaml in it, without its expectations (its last section), so that its report is written out as it goes. */
function populationWithoutExpectations(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'imsim-workers-'));
  folders.push(dir);
  const text = readFileSync('scenarios/population-grace.yaml', 'utf8');
  const file = join(dir, 'population.yaml');
  writeFileSync(file, text.slice(0, text.indexOf('\nexpect:') + 1));
  return { dir, file };
}

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

  it('writes the same JSON file and CSV files with --out, its batches played on 1, 2 and 3 threads', () => {
    const { dir, file } = populationWithoutExpectations();
    const files = (format: string, workers: string) => {
      const out = join(dir, `${format}-${workers}`);
      const run = imsim(['run', file, '--format', format, '--out', out, '--seed', '3', '--workers', workers]);
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(out).some((name) => name.startsWith('.records-')), 'the records folder is removed').toBe(false);
      return Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
    };
    for (const format of ['json', 'csv']) {
      const one = files(format, '1');
      expect(Object.keys(one).length).toBeGreaterThan(0);
      expect(files(format, '2'), `${format} on 2 threads`).toEqual(one);
      expect(files(format, '3'), `${format} on 3 threads`).toEqual(one);
    }
    expect(JSON.parse(files('json', '2')['report.json']).apps.length).toBeGreaterThan(20);
  }, 120_000);

  it.runIf(existsSync('/usr/bin/script'))('shows the batches played on a terminal, then that the report is being written', () => {
    const { dir, file } = populationWithoutExpectations();
    const out = join(dir, 'out');
    // script(1) gives the command a terminal; what it shows comes back on standard output.
    const shown = spawnSync('script', ['-qec', `${process.execPath} bin/imsim.js run ${file} --format json --out ${out} --workers 2`, '/dev/null'], { encoding: 'utf8' });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/2\/2 batches of accounts/);
    expect(shown.stdout).toContain('writing report.json');
    const quiet = imsim(['run', file, '--format', 'json', '--out', join(dir, 'quiet'), '--workers', '2']);
    expect(quiet.stderr).toBe(`wrote the json report of ${file} to ${join(dir, 'quiet')}\n`);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(readFileSync(join(dir, 'quiet', 'report.json'), 'utf8'));
  }, 60_000);

  it('prints on stdout the JSON it writes with --out, on 1 and 2 threads, its records in TMPDIR and removed', () => {
    const { dir, file } = populationWithoutExpectations();
    const written = imsim(['run', file, '--format', 'json', '--out', join(dir, 'out'), '--seed', '3']);
    expect(written.status, written.stderr).toBe(0);
    const temporary = join(dir, 'tmp');
    mkdirSync(temporary);
    for (const workers of ['1', '2']) {
      const printed = imsim(['run', file, '--format', 'json', '--seed', '3', '--workers', workers], { TMPDIR: temporary });
      expect(printed.stderr).toBe('');
      expect(printed.stdout, `${workers} threads`).toBe(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
      // (tsx, which runs the sources here, keeps its cache there too.)
      expect(readdirSync(temporary).filter((name) => name.startsWith('imsim-records-')), 'the records folder is removed').toEqual([]);
    }
  }, 120_000);

  it('prints the text summary of a population without expectations as the run in memory does, on 1 and 2 threads', () => {
    const { dir, file } = populationWithoutExpectations();
    const expected = renderText(simulate(loadScenario(file)), { summary: true });
    expect(expected).toContain('SUMMARY');
    for (const workers of ['1', '2']) {
      const printed = imsim(['run', file, '--summary', '--workers', workers]);
      expect(printed.stderr).toBe('');
      expect(printed.stdout, `${workers} threads`).toBe(expected);
    }
    const written = imsim(['run', file, '--summary', '--out', join(dir, 'out')]);
    expect(written.stderr).toBe(`wrote the text report of ${file} to ${join(dir, 'out')}\n`);
    expect(readFileSync(join(dir, 'out', 'report.txt'), 'utf8')).toBe(expected);
  }, 120_000);

  it.runIf(existsSync('/usr/bin/script'))('shows on a terminal the batches of a JSON report or a summary printed on stdout as it is written', () => {
    const { dir, file } = populationWithoutExpectations();
    for (const [options, what] of [['--format json', 'the JSON report'], ['--summary', 'the summary']]) {
      const out = join(dir, 'printed');
      const shown = spawnSync('script', ['-qec', `${process.execPath} bin/imsim.js run ${file} ${options} --workers 2 > ${out}`, '/dev/null'], { encoding: 'utf8' });
      expect(shown.status).toBe(0);
      expect(shown.stdout).toMatch(/2\/2 batches of accounts/);
      expect(shown.stdout).toContain(`writing ${what}`);
      expect(readFileSync(out, 'utf8')).toMatch(options === '--summary' ? /^imsim report: / : /^\{/);
    }
  }, 60_000);

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
