/** `imsim run` on a population: --seed, --summary, --top N, the KPI table, kpis.csv, and JSON and CSV written as the run goes. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { imsim } from './run.ts';

const population = `format: 1
name: Two cohorts
policy: tencent-im-2019
start: 2020-01-01
end: 2020-06-30
seed: 3
population:
  - cohort: small
    accounts: 6
    appsPerAccount: { uniform: [1, 2] }
    tags: [smb]
    balance: { cash: { uniform: [500, 5000] } }
    usage: { dau: { constant: { uniform: [200, 5000] } } }
    behaviour:
      purchase: { chance: 0.8, after: { exponential: { mean: 5 } }, months: 1 }
      renewal: { afterExpiry: { chance: 0.7, delay: { exponential: { mean: 8 } } } }
  - cohort: large
    accounts: 2
    tags: [enterprise]
    balance: { cash: 500000 }
    usage: { dau: { constant: 250000 } }
    behaviour:
      purchase: { chance: 1, after: 2, months: 12 }
expect:
  - { kpi: { name: apps.total, cohort: large }, value: 2 }
`;

let file: string;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'imsim-population-'));
  file = join(dir, 'two-cohorts.yaml');
  writeFileSync(file, population);
});

describe('imsim run on a population', () => {
  it('prints the summary and a KPI table per cohort with --summary, and no timeline', () => {
    const run = imsim(['run', file, '--summary']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/apps {6}\d+ in 8 accounts, 2 cohorts: small, large/);
    expect(run.stdout).toMatch(/^ {2}kpi +all +small +large$/m);
    expect(run.stdout).toMatch(/^ {2}apps\.total +\d+ +\d+ +2$/m);
    expect(run.stdout).not.toContain('TIMELINE');
    expect(run.stdout).not.toContain('BILLS');
  });

  it('draws another population with --seed N, and says which seed', () => {
    const [three, four] = [imsim(['run', file, '--format', 'json']), imsim(['run', file, '--format', 'json', '--seed', '4'])];
    const [a, b] = [JSON.parse(three.stdout), JSON.parse(four.stdout)];
    expect([a.scenario.seed, b.scenario.seed]).toEqual([3, 4]);
    expect(b.accounts.map((account: { id: string }) => account.id)).toEqual(a.accounts.map((account: { id: string }) => account.id));
    expect(b.kpis.revenue).not.toEqual(a.kpis.revenue);
  });

  it('keeps the timeline to the N apps with the largest net revenue with --top N', () => {
    const run = imsim(['run', file, '--top', '2']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/TIMELINE {2}\(the 2 apps with the largest net revenue, of \d+\)/);
    const timeline = run.stdout.slice(run.stdout.indexOf('TIMELINE'), run.stdout.indexOf('BILLS'));
    expect(timeline.match(/^ {4}app /gm)).toEqual(['    app ', '    app ']);
    expect(timeline).toContain('app large-1-1');
    expect(timeline).toContain('app large-2-1');
  });

  it('writes kpis.csv with a row per KPI for all accounts, each cohort and each tag', () => {
    const out = join(dir, 'csv');
    expect(imsim(['run', file, '--format', 'csv', '--out', out]).status).toBe(0);
    const lines = readFileSync(join(out, 'kpis.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('group,kpi,value');
    expect(lines).toContain('cohort/large,apps.total,2');
    expect(lines).toContain('tag/enterprise,apps.total,2');
    expect(lines.filter((line) => line.startsWith('all,'))).toHaveLength(lines.filter((line) => line.startsWith('cohort/large,')).length);
  });

  /** The population without its expectations, run with `--format FORMAT --out`: spooled. */
  function spooled(format: 'json' | 'csv') {
    const bare = join(dir, `no-expectations-${format}.yaml`);
    writeFileSync(bare, population.slice(0, population.indexOf('expect:')));
    const out = join(dir, `spooled-${format}`);
    const run = imsim(['run', bare, '--format', format, '--out', out]);
    expect(run.status).toBe(0);
    return { bare, out, run };
  }

  it('writes the JSON report of a population without expectations as the run goes, the same bytes as on stdout', () => {
    const { bare, out, run } = spooled('json');
    expect(run.stderr).toContain(`wrote the json report of ${bare} to ${out}`);
    expect(readdirSync(out)).toEqual(['report.json']);
    const written = readFileSync(join(out, 'report.json'), 'utf8');
    expect(JSON.parse(written).kpis.byCohort.large.apps.total).toBe(2);
    expect(written).toBe(imsim(['run', bare, '--format', 'json']).stdout);
  });

  it('writes the CSV files of a population without expectations as the run goes, those of the run in memory', () => {
    const { bare, out } = spooled('csv');
    const inMemory = renderCsv(simulate(loadScenario(bare)));
    expect(readdirSync(out).sort()).toEqual(Object.keys(inMemory).sort());
    for (const [name, text] of Object.entries(inMemory)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(text);
  });

  it('refuses --summary and --top with another format, and a seed that is not a whole number', () => {
    const json = imsim(['run', file, '--summary', '--format', 'json']);
    expect(json.status).toBe(2);
    expect(json.stderr).toContain('--summary and --top shape the text report');
    const seed = imsim(['run', file, '--seed', 'x']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('--seed x: expected a whole number');
    expect(imsim(['run', file, '--top', '0']).status).toBe(2);
  });
});
