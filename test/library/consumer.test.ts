/**
 * imsim as another project installs it: a consumer folder outside the project, with its own
 * package.json, installs the packed tarball (built by `npm pack`, which runs `prepare`), then
 * - in production (`--omit=dev`): holds no development tool, imports the library under plain
 *   node (ES modules and require), and runs the command;
 * - with its own TypeScript and vitest: type-checks its code with skipLibCheck: false, and runs
 *   imsim scenarios in its vitest suite against goldens, failing in words when one differs.
 * And a copy of the sources without its development tools, installed as a folder, says how to
 * build it instead of failing in the compiler.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderJson } from '../../src/report/json.ts';
import { scenarioFromObject } from '../../src/scenario/fromObject.ts';
import type { ScenarioInput } from '../../src/scenario/input.ts';
import { advance, finish, reportSoFar, startRun } from '../../src/sim/simulate.ts';
import { imsim } from '../cli/run.ts';

const root = resolve('.');
const fixtures = join(root, 'test/library/consumer');
const scratch = mkdtempSync(join(tmpdir(), 'imsim-consumer-'));
const production = join(scratch, 'production');
const developer = join(scratch, 'developer');
const versionOf = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8' });
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', UPDATE_GOLDENS: '', ...env }, maxBuffer: 64 * 1024 * 1024 });

function project(dir: string, tarball: string, devDependencies: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { imsim: `file:${tarball}` }, devDependencies }, null, 2));
}

/** Every package folder under node_modules, at any depth. */
function installed(dir: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`) : [entry];
      for (const name of names) {
        found.push(name);
        walk(join(modules, name, 'node_modules'));
      }
    }
  };
  walk(join(dir, 'node_modules'));
  return found;
}

/** The TypeScript examples of the README and docs/, one module each: the consumer type-checks them. */
function documentedCode(): [name: string, code: string][] {
  return ['README.md', 'docs/library.md', 'docs/testing.md', 'docs/explore.md'].flatMap((doc) =>
    [...readFileSync(join(root, doc), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code], index): [string, string] => [`${doc.replace(/\W/g, '-')}-${index}.ts`, `${code}export {};\n`]),
  );
}

/** A copy of the project's sources beside its node_modules: packing it builds the copy's lib/, never the checkout's, which other tests read. */
function sourcesCopy(): string {
  const copy = join(scratch, 'project');
  for (const part of ['package.json', 'README.md', 'scripts', 'src', 'bin', 'docs', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.cli.json']) cpSync(join(root, part), join(copy, part), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

beforeAll(() => {
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], sourcesCopy())) as { filename: string }[];
  const tarball = join(scratch, filename);
  project(production, tarball);
  npm(['install', '--omit=dev'], production);
  project(developer, tarball, { typescript: versionOf('typescript'), vitest: versionOf('vitest') });
  for (const file of ['use.ts', 'tsconfig.json', 'tsconfig.bundler.json', 'smoke.mjs']) cpSync(join(fixtures, file), join(developer, file));
  cpSync(join(fixtures, 'regression-suite.ts'), join(developer, 'scenarios.test.ts'));
  for (const [name, code] of documentedCode()) writeFileSync(join(developer, name), code);
  npm(['install'], developer);
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The default scenario as an object, as code would build it. */
const input = parse(readFileSync(join(root, 'scenarios/default.yaml'), 'utf8')) as ScenarioInput;

describe('a production install of the packed tarball', () => {
  it('holds imsim and its run-time libraries, and no development tool or source', () => {
    const names = installed(production);
    expect(names).toContain('imsim');
    expect(names).toContain('xstate');
    expect(names.filter((name) => /^(tsx|esbuild|@esbuild\/.*|vite|vitest|typescript|@biomejs\/.*|playwright-core)$/.test(name))).toEqual([]);
    expect(existsSync(join(production, 'node_modules/imsim/src'))).toBe(false);
  });

  it('imports under plain node, as ES modules and by require, and runs a scenario object exactly as the sources do', () => {
    cpSync(join(fixtures, 'smoke.mjs'), join(production, 'smoke.mjs'));
    const result = run(process.execPath, ['smoke.mjs', JSON.stringify(input)], production);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as { report: string; soFarTransitions: number; soFarBills: number; appStates: string[]; requiredAppStates: string[] };
    const sources = startRun(scenarioFromObject(input));
    advance(sources, '2020-04-15T12:00');
    const soFar = reportSoFar(sources);
    expect(out.report).toBe(renderJson(finish(sources)));
    expect([out.soFarTransitions, out.soFarBills]).toEqual([soFar.transitions.length, soFar.bills.length]);
    expect(out.appStates).toEqual(['trial', 'active', 'expiredGrace', 'suspended', 'reclaimed']);
    expect(out.requiredAppStates).toEqual(out.appStates);
  });

  it('runs the imsim command, with the same output as the checkout', () => {
    const scenario = join(root, 'scenarios/default.yaml');
    const installedRun = run(join(production, 'node_modules/.bin/imsim'), ['run', scenario, '--format', 'json'], production);
    expect(installedRun.status).toBe(0);
    expect(installedRun.stdout).toBe(imsim(['run', scenario, '--format', 'json']).stdout);
  });
});

describe('a TypeScript project with vitest that depends on the tarball', () => {
  it('has the examples of the README and docs/ to type-check', () => {
    expect(documentedCode().length).toBeGreaterThanOrEqual(10);
    expect(readdirSync(developer).filter((name) => name.startsWith('docs-library-md-')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(['tsconfig.json', 'tsconfig.bundler.json'])('type-checks its code and the documented examples against the published types with skipLibCheck: false (%s)', (config) => {
    const result = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], developer);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  /** The consumer's own vitest run over its scenarios/ folder, which holds default.yaml and what a test adds. */
  const vitest = (env: Record<string, string> = {}) => {
    const result = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run'], developer, env);
    return { status: result.status, output: result.stdout + result.stderr };
  };
  const freshScenarios = () => {
    rmSync(join(developer, 'scenarios'), { recursive: true, force: true });
    mkdirSync(join(developer, 'scenarios'));
    cpSync(join(root, 'scenarios/default.yaml'), join(developer, 'scenarios/default.yaml'));
  };

  it('runs its scenarios as vitest tests against goldens, and fails saying in words what changed', () => {
    freshScenarios();
    const missing = vitest();
    expect(missing.status).toBe(1);
    expect(missing.output).toMatch(/no golden report scenarios\/golden\/default\.json \(run with UPDATE_GOLDENS=1 to write it\)/);
    const written = vitest({ UPDATE_GOLDENS: '1' });
    expect(written.status, written.output).toBe(0);
    expect(written.output).toContain('golden report written: scenarios/golden/default.json');
    const same = vitest();
    expect(same.status, same.output).toBe(0);
    const scenario = readFileSync(join(developer, 'scenarios/default.yaml'), 'utf8');
    writeFileSync(join(developer, 'scenarios/default.yaml'), scenario.replace(/^policy: (.*)$/m, 'policy: $1\npolicyOverrides:\n  lifecycle.grace.days: 14'));
    const changed = vitest();
    expect(changed.status).toBe(1);
    expect(changed.output).toMatch(/the report differs from scenarios\/golden\/default\.json: \d+ changes/);
    expect(changed.output).toMatch(/~ transition 1400000002 expiredGrace → suspended \(graceOver\): 2020-03-17T00:00:00\+08:00 → 2020-03-24T00:00:00\+08:00/);
    expect(changed.output).toMatch(/2 of the expectations of scenarios\/default\.yaml do not hold:\n {2}line \d+: expected .*2020-03-17T00:00.*, got at: 2020-03-24T00:00:00\+08:00, cause: graceOver/);
  }, 180_000);

  it('runs every other scenario when one has input errors, and leaves out a policy file beside them', () => {
    freshScenarios();
    expect(vitest({ UPDATE_GOLDENS: '1' }).status).toBe(0);
    writeFileSync(join(developer, 'scenarios/team.yaml'), 'extends: tencent-im-2019\nid: team\nlifecycle: { grace: { days: 14 } }\n');
    writeFileSync(join(developer, 'scenarios/broken.yaml'), readFileSync(join(root, 'scenarios/default.yaml'), 'utf8').replace(/^end: .*$/m, 'end: 2019-01-01'));
    const { status, output } = vitest();
    expect(status).toBe(1);
    expect(output).toMatch(/scenarios\/broken\.yaml:\d+:\d+ {2}end {2}expected a date on or after start/);
    expect(output).toMatch(/Tests {2}1 failed \| 2 passed \| 1 skipped \(4\)/);
    expect(output).not.toContain('team.yaml');
  }, 180_000);
});

describe('a copy of the sources without its development tools, installed as a folder', () => {
  it('is refused with what to run to build it, not a compiler missing', () => {
    const copy = join(scratch, 'sources');
    for (const part of ['package.json', 'scripts', 'src', 'bin']) cpSync(join(root, part), join(copy, part), { recursive: true });
    const user = join(scratch, 'folder-user');
    mkdirSync(user);
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'folder-user', private: true, type: 'module' }));
    const result = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', copy], user);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`imsim: ${copy} is a copy of the sources without its development tools, so lib/ cannot be built.`);
    expect(result.stderr).toContain(`Run \`npm ci\` in ${copy} first`);
    expect(result.stderr).not.toMatch(/tsc: not found/);
  });
});
