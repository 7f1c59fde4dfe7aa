import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imsim } from './run.ts';
import { renderCsv } from '../../src/report/csv.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'imsim-cli-'));
}

const brokenScenario = `format: 1
name: Several mistakes
policy: tencent-im-2019
start: 2020-03-01
end: 2020-03-31
colour: blue
accounts:
  - id: acme
    balance: { cash: "100" }
    apps:
      - id: "1400000001"
        usage: { dau: { constant: -5 } }
events:
  - { at: 2020-02-30, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-03-05, type: purchase, app: "1400000009", product: pro, months: 40 }
`;

describe('imsim run', () => {
  it('prints the timeline, the bills and the summary of the default scenario as text', () => {
    const run = imsim(['run', 'scenarios/default.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('TIMELINE');
    expect(run.stdout).toContain('expiredGrace → suspended  (graceOver)');
    expect(run.stdout).toContain('BILLS');
    expect(run.stdout).toContain('SUMMARY');
  });

  it('prints nothing but the JSON report on stdout with --format json', () => {
    const run = imsim(['run', 'scenarios/missed-renewal.yaml', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe(1);
    expect(report.transitions.map((t: { to: string }) => t.to)).toEqual(['active', 'expiredGrace', 'suspended', 'reclaimed']);
  });

  it('writes one CSV file per array with --format csv --out DIR', () => {
    const dir = tempDir();
    const run = imsim(['run', 'scenarios/arrears.yaml', '--format', 'csv', '--out', dir]);
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['transitions.csv', 'orders.csv', 'bills.csv', 'bill-lines.csv']));
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(false);
    // Written line by line, the files are those the library renders whole.
    const rendered = renderCsv(simulate(loadScenario('scenarios/arrears.yaml')));
    for (const [name, text] of Object.entries(rendered)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('writes the JSON report to --out DIR record by record, the same bytes as the golden report', () => {
    const dir = tempDir();
    expect(imsim(['run', 'scenarios/arrears.yaml', '--format', 'json', '--out', dir]).status).toBe(0);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(readFileSync('scenarios/golden/arrears.json', 'utf8'));
  });

  it('changes a knob with --set and records it among the overrides (X2)', () => {
    const run = imsim(['run', 'scenarios/missed-renewal.yaml', '--format', 'json', '--set', 'lifecycle.grace.countEndDay=true']);
    const report = JSON.parse(run.stdout);
    expect(report.policy.overrides).toEqual({ 'lifecycle.grace.countEndDay': true });
    const suspended = report.transitions.find((t: { to: string }) => t.to === 'suspended');
    expect(suspended.at).toBe('2020-04-15T00:00:00+08:00');
    expect(run.status).toBe(1);
  });

  it('rejects an unknown knob with exit code 2 and no stack trace', () => {
    const run = imsim(['run', 'scenarios/missed-renewal.yaml', '--set', 'lifecycle.grace.weeks=2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lifecycle.grace.weeks');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every mistake of a scenario with its line and column, and exits 2', () => {
    const file = join(tempDir(), 'broken.yaml');
    writeFileSync(file, brokenScenario);
    const run = imsim(['run', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/broken\.yaml:6:1 +colour/);
    expect(run.stderr).toMatch(/broken\.yaml:12:\d+ +accounts\.0\.apps\.0\.usage\.dau\.constant/);
    expect(run.stderr).toMatch(/broken\.yaml:14:\d+ +events\.0\.at/);
    expect(run.stderr).toMatch(/broken\.yaml:15:\d+ +events\.1\.app/);
    expect(run.stderr).toMatch(/broken\.yaml:15:\d+ +events\.1\.months/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 and shows the actual value when an expectation fails', () => {
    const dir = tempDir();
    const text = readFileSync('scenarios/grace-counts-end-day.yaml', 'utf8').replace('2020-07-14T00:00:00', '2020-07-20T00:00:00');
    writeFileSync(join(dir, 'wrong.yaml'), text);
    const run = imsim(['run', join(dir, 'wrong.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2020-07-14T00:00:00+08:00');
  });
});

describe('imsim run --until --save and imsim resume', () => {
  it('pauses a run in one process and finishes it in another with the uninterrupted report', () => {
    const state = join(tempDir(), 'state.json');
    const paused = imsim(['run', 'scenarios/arrears.yaml', '--until', '2020-04-12T08:00', '--save', state]);
    expect(paused.status).toBe(0);
    expect(paused.stdout).toBe('');
    const resumed = imsim(['resume', state, '--format', 'json']);
    expect(resumed.stdout).toBe(readFileSync('scenarios/golden/arrears.json', 'utf8'));
  });

  it('refuses a file that is not a paused run, with exit code 2', () => {
    const run = imsim(['resume', 'scenarios/golden/default.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected a paused run');
  });
});

describe('imsim test, check, policy and help', () => {
  it('runs every scenario of a folder and ends with "N passed, N failed"', () => {
    const run = imsim(['test', 'scenarios']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, 0 failed$/);
    expect(run.status).toBe(0);
  });

  it('counts a scenario with a failed expectation or an input error as failed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.yaml'), brokenScenario);
    writeFileSync(join(dir, 'good.yaml'), readFileSync('scenarios/missed-renewal.yaml', 'utf8'));
    const run = imsim(['test', dir]);
    expect(run.stdout.trim().split('\n').pop()).toBe('1 passed, 1 failed');
    expect(run.status).toBe(1);
  });

  it('checks files without simulating them', () => {
    expect(imsim(['check', 'scenarios/default.yaml']).stdout).toMatch(/^ok scenarios\/default\.yaml/);
  });

  it('reports every error of a file in one pass, also what a broken end date or an unknown field would hide', () => {
    const file = join(tempDir(), 'many.yaml');
    writeFileSync(file, [
      'format: 1', 'name: Broken in many ways', 'policy: tencent-im-2019', 'start: 2020-01-01', 'end: 2020-02-30', 'colour: blue',
      'accounts:', '  - id: acme', '    balance: { cash: "1000" }', '    apps:', '      - id: "1400000001"', '        usage:',
      '          dau: { constnt: 5 }', '          groups: { linear: { from: -5, to: 10 } }',
      'events:', '  - { at: 2019-12-31, type: purchase, app: "1400000001", product: pro, months: 1 }',
      '  - { at: 2020-01-31T25:00, type: topUp, account: acme, cash: "5" }',
      'expect:', '  - { transition: { app: "1400000001", to: suspnded }, at: 2020-02-01 }', ''].join('\n'));
    const run = imsim(['check', file]);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').map((line) => line.replace(`${file}:`, '').split('  ').slice(0, 2).join('  '))).toEqual([
      '5:6  end',
      '6:1  colour',
      '13:18  accounts.0.apps.0.usage.dau.constnt',
      '14:37  accounts.0.apps.0.usage.groups.linear.from',
      '16:11  events.0.at',
      '17:11  events.1.at',
      '19:44  expect.0.transition.to',
      '7 errors',
      '',
    ]);
    expect(run.stderr).toContain('expected a time on or after the start of the period, 2020-01-01 00:00:00, found "2019-12-31"');
  });

  it('shows the bundled policy with the rule IDs of its knobs', () => {
    const run = imsim(['policy', 'show']);
    expect(run.stdout).toContain('grace: { days: 7, countEndDay: false }');
    expect(run.stdout).toContain('# X2');
  });

  it('has help for every command', () => {
    for (const command of ['run', 'resume', 'check', 'test', 'policy', 'coverage', 'compare', 'sweep', 'merge']) {
      const run = imsim([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`imsim ${command}`);
    }
    expect(imsim(['--help']).stdout).toContain('Usage:');
  });
});
