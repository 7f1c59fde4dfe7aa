/**
 * `imsim test DIR --golden`: each scenario's report against DIR/golden/<name>.json, what changed
 * in words, --update, a policy edit's impact, and the JUnit and JSON reporters.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { imsim } from './run.ts';

const scratch = mkdtempSync(join(tmpdir(), 'imsim-goldens-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder with default.yaml and its golden (written where the scenario was scenarios/default.yaml), and missed-renewal.yaml without one. */
function folder(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'golden'), { recursive: true });
  copyFileSync('scenarios/default.yaml', join(dir, 'default.yaml'));
  copyFileSync('scenarios/golden/default.json', join(dir, 'golden', 'default.json'));
  copyFileSync('scenarios/missed-renewal.yaml', join(dir, 'missed-renewal.yaml'));
  return dir;
}

describe('imsim test --golden', () => {
  it('passes every bundled scenario against its committed golden report', () => {
    const run = imsim(['test', 'scenarios', '--golden']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`${scenarioFiles('scenarios').length} passed, 0 failed`);
  });

  it('reports a scenario without a golden, writes it with --update, then passes', () => {
    const dir = folder('update');
    const first = imsim(['test', dir, '--golden']);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain(`no golden report ${join(dir, 'golden', 'missed-renewal.json')} (write it with --update)`);
    const update = imsim(['test', dir, '--update']);
    expect(update.status).toBe(0);
    expect(update.stdout).toContain(`golden report written: ${join(dir, 'golden', 'missed-renewal.json')}`);
    expect(readFileSync(join(dir, 'golden', 'missed-renewal.json'), 'utf8')).toBe(renderJson(simulate(loadScenario(join(dir, 'missed-renewal.yaml')))));
    expect(imsim(['test', dir, '--golden']).stdout.trim().split('\n').at(-1)).toBe('2 passed, 0 failed');
  });

  it('writes the first goldens of a folder that has no golden/ folder yet', () => {
    const dir = join(scratch, 'first');
    mkdirSync(dir);
    copyFileSync('scenarios/default.yaml', join(dir, 'default.yaml'));
    const update = imsim(['test', dir, '--update']);
    expect(update.status).toBe(0);
    expect(update.stdout).toContain(`golden report written: ${join(dir, 'golden', 'default.json')}`);
    expect(imsim(['test', dir, '--golden']).stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });

  it('says what changed in words when the report is not its golden one, and --update says it again as it writes', () => {
    const dir = folder('changed');
    const fourteen = simulate(loadScenario('scenarios/default.yaml', { set: { 'lifecycle.grace.days': 14 } }));
    writeFileSync(join(dir, 'golden', 'default.json'), renderJson(fourteen));
    const run = imsim(['test', dir, '--golden']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`✗ ${join(dir, 'default.yaml')}`);
    expect(run.stdout).toContain('~ transition 1400000002 expiredGrace → suspended (graceOver): 2020-03-24T00:00:00+08:00 → 2020-03-17T00:00:00+08:00');
    expect(run.stdout).toContain('~ policy: tencent-im-2019 {"lifecycle.grace.days":14} → tencent-im-2019 {}');
    const update = imsim(['test', dir, '--update']);
    expect(update.stdout).toContain('~ transition 1400000002 expiredGrace → suspended (graceOver)');
    expect(readFileSync(join(dir, 'golden', 'default.json'), 'utf8')).toBe(renderJson(simulate(loadScenario(join(dir, 'default.yaml')))));
  });

  it('lists which scenarios a policy edit changes, and how, with exit 1; those it does not change pass', () => {
    const run = imsim(['test', 'scenarios', '--golden', '--set', 'lifecycle.grace.days=14']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ scenarios/default.yaml');
    expect(run.stdout).toContain('~ transition 1400000002 expiredGrace → suspended (graceOver): 2020-03-17T00:00:00+08:00 → 2020-03-24T00:00:00+08:00');
    expect(run.stdout).toContain('✓ scenarios/arrears-never-paid.yaml\n    the same outcome as scenarios/golden/arrears-never-paid.json under the edited policy');
  });

  it('gives the same output on worker threads, in the order of the files', () => {
    const one = imsim(['test', 'scenarios', '--golden', '--set', 'lifecycle.grace.days=14']);
    const two = imsim(['test', 'scenarios', '--golden', '--set', 'lifecycle.grace.days=14', '--workers', '2']);
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes JUnit XML, one test case per scenario with what failed as its failure, and JSON', () => {
    const dir = folder('reporters');
    const xmlFile = join(scratch, 'junit.xml');
    const junit = imsim(['test', dir, '--golden', '--reporter', 'junit', '--out', xmlFile]);
    expect(junit.status).toBe(1);
    expect(junit.stdout.trim()).toBe(`1 passed, 1 failed (junit report written to ${xmlFile})`);
    const xml = readFileSync(xmlFile, 'utf8');
    // Well-formed, and the shape CI systems read: testsuites > testsuite > testcase, a failure with a message.
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string; testsuite: { tests: string; failures: string; testcase: { name: string; failure?: { message: string; '#text': string } }[] } };
    };
    expect([parsed.testsuites.tests, parsed.testsuites.failures, parsed.testsuites.testsuite.tests, parsed.testsuites.testsuite.failures]).toEqual(['2', '1', '2', '1']);
    const [passedCase, failedCase] = parsed.testsuites.testsuite.testcase;
    expect(passedCase.failure).toBeUndefined();
    expect(failedCase.failure?.message).toMatch(/^no golden report .*missed-renewal\.json \(write it with --update\)$/);
    expect(xml).toContain('<testsuites name="imsim" tests="2" failures="1">');
    expect(xml).toContain(`<testcase name="${join(dir, 'default.yaml')}" classname="imsim.${dir}"/>`);
    expect(xml).toMatch(/<testcase name="[^"]*missed-renewal\.yaml"[^>]*>\n\s+<failure message="no golden report [^"]*">/);
    const json = JSON.parse(imsim(['test', dir, '--golden', '--reporter', 'json']).stdout) as { passed: number; failed: number; scenarios: { file: string; golden: string }[] };
    expect([json.passed, json.failed]).toEqual([1, 1]);
    expect(json.scenarios.map((scenario) => scenario.golden)).toEqual(['same', 'missing']);
  });
});
