/**
 * The bad-input corpus (test/bad-inputs/README.md): every malformed scenario and policy there
 * must be refused with exactly the issues in its `.expected` file, as `imsim check` prints them,
 * and never with anything but an InputError. How long a refusal takes is measured by
 * `npm run bench`, not asserted here: a timed test fails on a loaded machine. Inputs too large to commit (20 MB, a
 * million apps, an alias bomb) are generated into a temporary folder; their expected lines, in
 * test/bad-inputs/generated/, write that folder as `$TMP`.
 *
 * Most cases go through the library (loadScenario, loadPolicy); a few go through the real
 * command, to prove exit code 2, the same lines on stderr, and no stack trace.
 *
 * `UPDATE_BAD_INPUTS=1 npx vitest run test/bad-inputs.test.ts` rewrites the `.expected` files
 * from what the loader says now: review the diff before committing it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, InputError } from '../src/inputError.ts';
import { loadPolicy } from '../src/policy/load.ts';
import { loadScenario, parseScenario } from '../src/scenario/load.ts';
import { MAX_REPORTED_ISSUES } from '../src/scenario/limits.ts';

const corpus = 'test/bad-inputs';
const update = process.env.UPDATE_BAD_INPUTS === '1';

/** The issue lines of an input that must not load, as `imsim check` prints them. */
function refusal(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map(formatIssue);
    throw new Error(`expected an InputError, got ${error instanceof Error ? error.stack : String(error)}`);
  }
  throw new Error('expected an InputError, but the input loaded');
}

/** Compares with (or, when updating, writes) the expected lines; `tmp` is written as `$TMP`. */
function expectLines(expectedFile: string, lines: string[], tmp?: string): void {
  const text = `${lines.join('\n')}\n`;
  const shown = tmp ? text.split(tmp).join('$TMP') : text;
  if (update) writeFileSync(expectedFile, shown);
  expect(shown).toBe(readFileSync(expectedFile, 'utf8'));
}

const scenarioFiles = readdirSync(corpus)
  .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'biome.json')
  .sort()
  .map((name) => `${corpus}/${name}`);
const policyFiles = readdirSync(`${corpus}/policies`)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => `${corpus}/policies/${name}`);

const expectedOf = (file: string) => file.replace(/\.(ya?ml|json)$/, '.expected');

describe('the bad-input corpus', () => {
  it('has at least 40 committed files, each with its expected lines', () => {
    const files = [...scenarioFiles, ...policyFiles];
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const file of files) expect(existsSync(expectedOf(file)) || update, `${file} has no .expected`).toBe(true);
  });

  describe.each(scenarioFiles)('scenario %s', (file) => {
    it('is refused with its expected issues', () => {
      expectLines(expectedOf(file), refusal(() => loadScenario(file)));
    });
  });

  describe.each(policyFiles)('policy %s', (file) => {
    it('is refused by loadPolicy with its expected issues', () => {
      expectLines(expectedOf(file), refusal(() => loadPolicy(file)));
    });
  });
});

/**
 * Inputs generated at run time. Each writes its file into the temporary folder and names the
 * expected lines in test/bad-inputs/generated/.
 */
describe('generated bad inputs', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'imsim-bad-inputs-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const header = (name: string, period = 'start: 2020-03-01\nend: 2020-04-30') => `format: 1\nname: ${name}\npolicy: tencent-im-2019\n${period}\n`;
  /** `count` apps under one account, one line each. */
  const apps = (count: number, usage = '') => {
    const lines = ['accounts:', '  - id: acme', '    apps:'];
    for (let i = 0; i < count; i++) lines.push(`      - { id: "${1400000000 + i}"${usage} }`);
    return `${lines.join('\n')}\n`;
  };

  const generated: Record<string, () => string> = {
    // 20 MB: refused by its size, before a byte of it is parsed.
    'huge-20mb.yaml': () => `${header('Twenty megabytes')}description: |\n${'  All work and no play makes a very long description.\n'.repeat(400_000)}${apps(1)}`,
    // A million apps, one line each: refused by the file size too (it is about 22 MB).
    'million-apps.yaml': () => header('A million apps') + apps(1_000_000),
    // A million apps in 5 KB: a thousand accounts share one list of a thousand apps by alias.
    'million-apps-aliased.yaml': () => {
      const list = Array.from({ length: 1000 }, (_, i) => `{ id: "${i}" }`).join(', ');
      const accounts = Array.from({ length: 1000 }, (_, i) => `  - { id: a${i}, apps: *apps }`).join('\n');
      return `${header('A million apps by alias')}x-apps: &apps [${list}]\naccounts:\n${accounts}\n`;
    },
    // One app over the most apps a scenario may have.
    'apps-over-limit.yaml': () => header('A hundred thousand and one apps') + apps(100_001),
    // 14,000 apps for twenty years: 102,270,000 app-days.
    'app-days-over-limit.yaml': () => header('Fourteen thousand apps for twenty years', 'start: 2000-01-01\nend: 2019-12-31') + apps(14_000),
    // A cohort of 60,000 accounts of two apps each: generation stops past 100,000 apps.
    'population-over-limit.yaml': () => `${header('A hundred and twenty thousand generated apps')}population:\n  - { cohort: big, accounts: 60000, appsPerAccount: 2 }\n`,
    // Cohorts after the one that passes the limit: checked, not generated, and the limit said once.
    'population-over-limit-later.yaml': () =>
      `${header('Cohorts after the limit')}population:\n  - { cohort: big, accounts: 60000, appsPerAccount: 2 }\n  - { cohort: after, accounts: 10 }\n  - { cohort: later, accounts: 10, appsPerAccount: -1 }\n`,
    // Twenty million apps for one account: generation stops past the limit.
    'population-huge-accounts.yaml': () => `${header('Twenty million apps in one account')}population:\n  - { cohort: one, accounts: 1, appsPerAccount: 20000000 }\n`,
    // A uniform of a trillion apps for one account: generation stops past the limit.
    'population-huge-uniform.yaml': () =>
      `${header('A trillion apps in one account')}population:\n  - { cohort: two, accounts: 1, appsPerAccount: { uniform: [1e12, 1000000000001] } }\n`,
    // 15,000 generated apps for twenty years: 109,575,000 app-days.
    'population-app-days-over-limit.yaml': () =>
      `${header('Fifteen thousand generated apps for twenty years', 'start: 2000-01-01\nend: 2019-12-31')}population:\n  - { cohort: wide, accounts: 15000 }\n`,
    // A "billion laughs": nine levels of ten aliases each.
    'alias-bomb.yaml': () => {
      const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let level = 1; level <= 9; level++) lines.push(`l${level}: &l${level} [${Array(10).fill(`*l${level - 1}`).join(', ')}]`);
      return `${lines.join('\n')}\n`;
    },
    // 1,001 uses of one small alias.
    'aliases-1001.yaml': () => `${header('A thousand and one aliases')}rules: [&rule P1, ${Array(1001).fill('*rule').join(', ')}]\n${apps(1)}`,
    // A million unclosed brackets: refused by a scan of the text, before the YAML parser.
    'deep-brackets.yaml': () => `${header('A million brackets')}junk: ${'['.repeat(1_000_000)}\n`,
    // A CSV curve whose file is 6 MB.
    'csv-huge.yaml': () => {
      writeFileSync(join(tmp, 'huge.csv'), `date,dau\n${'2020-03-01,100\n'.repeat(420_000)}`);
      return header('A 6 MB CSV') + apps(1, ', usage: { dau: { csv: huge.csv, column: dau } }');
    },
  };

  describe.each(Object.keys(generated))('%s', (name) => {
    it('is refused with its expected issues', () => {
      const file = join(tmp, name);
      writeFileSync(file, generated[name]());
      expectLines(`${corpus}/generated/${name.replace(/\.yaml$/, '.expected')}`, refusal(() => loadScenario(file)), tmp);
    });
  });

  it('refuses a 20 MB text given to parseScenario (the browser) by its length', () => {
    const value = refusal(() => parseScenario(generated['huge-20mb.yaml'](), 'huge.yaml'));
    expect(value).toEqual(['huge.yaml:1:1  (file)  the scenario is larger than 5242880 bytes (5 MB)']);
  });

  it(`lists the first ${MAX_REPORTED_ISSUES} issues of a file with thousands, then counts the rest`, () => {
    const text = header('Fifteen hundred negative apps') + apps(1500, ', usage: { dau: { constant: -1 } }');
    const value = refusal(() => parseScenario(text, 'many.yaml'));
    expect(value).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(value[0]).toBe('many.yaml:9:55  accounts.0.apps.0.usage.dau.constant  expected a number ≥ 0, found -1');
    expect(value.at(-1)).toBe(`many.yaml:1:1  (file)  … and 500 more issues (only the first ${MAX_REPORTED_ISSUES} are listed)`);
  });
});

/** The real command on a few of them: exit code 2, the expected lines and a count on stderr, no stack trace. */
describe('imsim check on bad inputs', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'imsim-bad-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const check = (file: string) =>
    spawnSync(process.execPath, ['bin/imsim.js', 'check', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });

  const cases = ['syntax-unclosed-flow.yaml', 'unknown-fields.yaml', 'csv-bad-rows.yaml', 'uses-rule-breaking-policy.yaml'];
  it.each(cases)('%s: exit 2 with the expected lines', (name) => {
    const file = `${corpus}/${name}`;
    const result = check(file);
    const expected = readFileSync(expectedOf(file), 'utf8');
    const count = expected.trimEnd().split('\n').length;
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${expected}${count} error${count === 1 ? '' : 's'}\n`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a 20 MB file by its size, with exit 2 and no stack trace', () => {
    mkdirSync(tmp, { recursive: true });
    const file = join(tmp, 'huge.yaml');
    writeFileSync(file, `format: 1\ndescription: "${'x'.repeat(20 * 1024 * 1024)}"\n`);
    const result = check(file);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${file}:1:1  (file)  cannot read the scenario file: it is 20971546 bytes; expected at most 5242880 (5 MB)\n1 error\n`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
