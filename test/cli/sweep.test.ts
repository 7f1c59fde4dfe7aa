/** `imsim sweep` and `imsim merge`, run as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imsim } from './run.ts';

const FILE = 'test/explore/small-population.yaml';
const GRID = ['--vary', 'lifecycle.grace.days=3,14', '--vary', 'arrears.suspendAfterDays=3,7', '--runs', '2'];
const dir = mkdtempSync(join(tmpdir(), 'imsim-sweep-'));
const upTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1).join(',');
const files = (out: string) => Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'utf8')]));

describe('imsim sweep', () => {
  it('writes runs.csv, cells.csv, sweep.json and sweep.html, with no progress bar when stderr is not a terminal', () => {
    const run = imsim(['sweep', FILE, ...GRID, '--workers', '2', '--out', join(dir, 'whole')]);
    expect([run.status, run.stderr]).toEqual([0, `8 runs of 4 cells written to ${join(dir, 'whole')}\n`]);
    const written = files(join(dir, 'whole'));
    expect(Object.keys(written)).toEqual(['cells.csv', 'runs.csv', 'sweep.html', 'sweep.json']);
    expect(written['runs.csv'].split('\n')[0]).toMatch(/^cell,lifecycle\.grace\.days,arrears\.suspendAfterDays,seed,revenue\.prepaid,/);
    expect(written['runs.csv'].trim().split('\n')).toHaveLength(1 + 8);
    expect(written['cells.csv'].split('\n')[1]).toMatch(/^0,3,3,2,revenue\.prepaid,/);
  });

  it('draws a progress bar with the runs done and an ETA on stderr when it is a terminal', () => {
    const out = join(dir, 'tty');
    const command = `${process.execPath} bin/imsim.js sweep ${FILE} --vary lifecycle.grace.days=3,7 --runs 2 --workers 1 --out ${out}`;
    // util-linux `script` runs the command on a pseudo-terminal and copies what it draws to stdout.
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(0);
    // A frame for every run done, between the first and the last.
    for (const frame of ['| 25% | 1/4 runs | ETA', '| 50% | 2/4 runs | ETA', '| 75% | 3/4 runs | ETA']) expect(run.stdout).toContain(frame);
    expect(run.stdout).toContain('| 100% | 4/4 runs |');
    expect(readdirSync(out).sort()).toEqual(['cells.csv', 'runs.csv', 'sweep.html', 'sweep.json']);
  });

  it('gives in each row of runs.csv the KPIs of "imsim run --seed S --set …" of that cell', () => {
    const [header, ...rows] = readFileSync(join(dir, 'whole', 'runs.csv'), 'utf8').trim().split('\n').map((line) => line.split(','));
    const row = rows[5];
    const [grace, suspend, seed] = [row[1], row[2], row[3]];
    const report = JSON.parse(imsim(['run', FILE, '--seed', seed, '--set', `lifecycle.grace.days=${grace}`, '--set', `arrears.suspendAfterDays=${suspend}`, '--format', 'json']).stdout);
    const kpi = (path: string) => path.split('.').reduce((value, key) => value[key], report.kpis);
    for (const [column, path] of header.entries()) if (column >= 4) expect(String(kpi(path)), path).toBe(row[column]);
  });

  it('writes the same bytes with one worker, and as two shards merged', () => {
    expect(imsim(['sweep', FILE, ...GRID, '--workers', '1', '--out', join(dir, 'one')]).status).toBe(0);
    for (const shard of ['1/2', '2/2']) {
      const run = imsim(['sweep', FILE, ...GRID, '--shard', shard, '--out', join(dir, 'shards')]);
      expect([run.status, run.stderr]).toEqual([0, `4 runs of 4 cells written to ${join(dir, 'shards')}\n`]);
    }
    expect(Object.keys(files(join(dir, 'shards')))).toEqual(['shard-1-of-2.json', 'shard-2-of-2.json']);
    const merge = imsim(['merge', join(dir, 'shards'), '--out', join(dir, 'merged')]);
    expect([merge.status, merge.stderr]).toEqual([0, `merged 2 shards into ${join(dir, 'merged')}\n`]);
    const whole = files(join(dir, 'whole'));
    expect(files(join(dir, 'one'))).toEqual(whole);
    expect(files(join(dir, 'merged'))).toEqual(whole);
  });

  it('reports a cell the scenario cannot be played in, with its knobs and the reason, finishes the others, and exits 1', () => {
    const file = join(dir, 'three-years.yaml');
    writeFileSync(file, ['format: 1', 'name: Three years', 'policy: tencent-im-2019', 'start: 2020-01-01', 'end: 2020-03-31',
      'accounts:', '  - { id: a, balance: { cash: "100000" }, apps: [{ id: "1400000001" }] }',
      'events:', '  - { at: 2020-01-02, type: purchase, app: "1400000001", product: pro, months: 36 }', ''].join('\n'));
    const run = imsim(['sweep', file, '--vary', 'lengths.maxMonths=36,24', '--out', join(dir, 'failing')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cell 1 ({"lengths.maxMonths":24}), seed 0: ');
    expect(run.stderr).toContain('expected 1 to 24 months (P3), found 36');
    expect(run.stderr).toContain('1 run of 2 cells written to');
    const json = JSON.parse(readFileSync(join(dir, 'failing', 'sweep.json'), 'utf8'));
    expect(json.cells.map((cell: { runs: number }) => cell.runs)).toEqual([1, 0]);
    expect(readFileSync(join(dir, 'failing', 'sweep.html'), 'utf8')).toContain('<h2>Failures</h2>');
  });

  it.each([
    ['an unknown path', ['--vary', 'lifecycle.grase.days=7,14'], 'did you mean "grace"?'],
    ['a bad value', ['--vary', 'lifecycle.grace.days=7,-1'], 'expected a number ≥ 0, found -1 (value -1)'],
    ['an empty list', ['--vary', 'lifecycle.grace.days='], 'expected at least one value after "lifecycle.grace.days="'],
    ['no --vary', [], 'sweep needs at least one --vary'],
    ['more than 10,000 cells', ['--vary', `lifecycle.grace.days=${upTo(11)}`, '--vary', `lifecycle.retention.days=${upTo(10)}`, '--vary', `arrears.suspendAfterDays=${upTo(91)}`], 'expected at most 10000 cells, found 11 × 10 × 91 = 10010'],
    ['--shard 3/2', ['--vary', 'lifecycle.grace.days=7', '--shard', '3/2'], '--shard 3/2: expected I/N with 1 ≤ I ≤ N'],
    ['--runs 0', ['--vary', 'lifecycle.grace.days=7', '--runs', '0'], '--runs 0: expected a whole number ≥ 1'],
    ['an unknown --kpi', ['--vary', 'lifecycle.grace.days=7', '--kpi', 'revenue.net'], '--kpi revenue.net: expected KPI names'],
  ])('refuses %s with a clear error and exit 2', (_, args, message) => {
    const run = imsim(['sweep', FILE, ...args, '--out', join(dir, 'refused')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('reports every bad --vary at once', () => {
    const run = imsim(['sweep', FILE, '--vary', 'lifecycle.grase.days=7', '--vary', 'arrears.suspendAfterDays=x', '--vary', 'refund.noReason.windowDays=']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('3 errors');
  });
});

describe('imsim merge', () => {
  it('refuses an incomplete set of shards, naming the one missing', () => {
    const only = mkdtempSync(join(dir, 'only-'));
    writeFileSync(join(only, 'shard-1-of-2.json'), readFileSync(join(dir, 'shards', 'shard-1-of-2.json')));
    const run = imsim(['merge', only, '--out', join(dir, 'never')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected all 2 shards, missing shard-2-of-2.json');
    expect(readdirSync(dir)).not.toContain('never');
  });

  it('refuses shards of another sweep and a folder that does not exist', () => {
    const other = join(dir, 'other');
    expect(imsim(['sweep', FILE, '--vary', 'lifecycle.grace.days=3,30', '--vary', 'arrears.suspendAfterDays=3,7', '--runs', '2', '--shard', '2/2', '--out', other]).status).toBe(0);
    const mixed = mkdtempSync(join(dir, 'mixed-'));
    writeFileSync(join(mixed, 'shard-1-of-2.json'), readFileSync(join(dir, 'shards', 'shard-1-of-2.json')));
    const run = imsim(['merge', mixed, other, join(dir, 'nowhere'), '--out', join(dir, 'never')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'nowhere')}:1:1  (file)  expected a folder holding shard-I-of-N.json files, found no such folder`);
    const again = imsim(['merge', mixed, other, '--out', join(dir, 'never')]);
    expect(again.stderr).toContain('the grid differs from that of');
  });
});
