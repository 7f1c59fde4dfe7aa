/**
 * The README is a user's first page: its scenario examples run as written, the figures it
 * quotes are the ones imsim gives, and its links lead to files of this project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kpiAt } from '../src/report/kpiPaths.ts';
import { loadScenario, parseScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/sim/simulate.ts';

const readme = readFileSync('README.md', 'utf8');

describe('the README', () => {
  const examples = [...readme.matchAll(/```yaml\n(format: 1\n[\s\S]*?)```/g)].map((match) => match[1]);

  it.each(examples.map((text, index) => [index, text]))('runs scenario example %i as written, its expectations met', (_, text) => {
    const report = simulate(parseScenario(text as string, 'README.md'));
    expect(report.expectations.filter((result) => !result.ok)).toEqual([]);
  });

  it('quotes the grace-7 and grace-14 figures of scenarios/population-grace.yaml as imsim gives them', () => {
    const rows = [...readme.matchAll(/^\| ((?:apps|revenue)\.\w+) \| ([\d.]+) \| ([\d.]+) \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const withGrace = (days: number) =>
      simulate({ ...scenario, policy: { ...scenario.policy, lifecycle: { ...scenario.policy.lifecycle, grace: { ...scenario.policy.lifecycle.grace, days } } } }).kpis;
    const [seven, fourteen] = [withGrace(7), withGrace(14)];
    for (const [, name, a, b] of rows) expect([name, String(kpiAt(seven, name)), String(kpiAt(fourteen, name))]).toEqual([name, a, b]);
  });

  it('links only to files of this project', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((match) => match[1]).filter((link) => !/^https?:/.test(link));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(existsSync(link), link).toBe(true);
    expect(readme).not.toContain('../shared');
  });
});
