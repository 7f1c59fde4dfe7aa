/**
 * Policies that extend policies (policy/extends.ts): `extends` plus an id and what changes, the
 * rest inherited; where each value came from; and the refusals, each at the line to fix.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/inputError.ts';
import { diffPolicies } from '../../src/policy/diff.ts';
import { loadPolicy, loadPolicyWithOrigins } from '../../src/policy/load.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { imsim } from '../cli/run.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'imsim-extends-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function issuesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((issue) => `${issue.file.split('/').at(-1)}:${issue.line} ${issue.path} ${issue.message}`);
    throw error;
  }
  return [];
}

/** grace-counts-end-day.yaml naming `policy` instead of the 2019 policy with countEndDay set by an override. */
function graceScenario(policy: string): string {
  const text = readFileSync('scenarios/grace-counts-end-day.yaml', 'utf8');
  const written = 'policy: tencent-im-2019\npolicyOverrides:\n  lifecycle.grace.countEndDay: true\n';
  if (!text.includes(written)) throw new Error('grace-counts-end-day.yaml no longer sets countEndDay by an override');
  return text.replace(written, `policy: ${policy}\n`);
}

const whatIf = 'extends: tencent-im-2019\nid: what-if\nlifecycle:\n  grace: { days: 14 }\nbalance: { payOrder: [cash, gift, income] }\nlengths: { discounts: { 6: "0.97" } }\n';

describe('a policy that extends another', () => {
  it('takes every value of its base and changes only what it writes', () => {
    const dir = folder({ 'what-if.yaml': whatIf });
    const differences = diffPolicies(loadPolicy('tencent-im-2019'), loadPolicy(join(dir, 'what-if.yaml')));
    expect(differences.map((difference) => difference.path)).toEqual(['id', 'lengths.discounts.6', 'balance.payOrder', 'lifecycle.grace.days']);
  });

  it('merges a mapping key by key and replaces a list', () => {
    const policy = loadPolicy(join(folder({ 'what-if.yaml': whatIf }), 'what-if.yaml'));
    expect(policy.lengths.discounts).toEqual({ 6: '0.97', 12: '0.95', 24: '0.90' });
    expect(policy.balance.payOrder).toEqual(['cash', 'gift', 'income']);
    expect(policy.lifecycle.grace).toEqual({ days: 14, countEndDay: false });
  });

  it('extends a file beside it that extends a bundled policy, and knows where each value came from', () => {
    const dir = folder({ 'what-if.yaml': whatIf, 'longer.yaml': 'extends: what-if.yaml\nid: longer\nlifecycle: { retention: { days: 180 } }\n' });
    const { policy, origins } = loadPolicyWithOrigins(join(dir, 'longer.yaml'));
    expect(policy.lifecycle.retention.days).toBe(180);
    expect(policy.lifecycle.grace.days).toBe(14);
    expect(origins.get('lifecycle.retention.days')).toMatch(/longer\.yaml$/);
    expect(origins.get('lifecycle.grace.days')).toMatch(/what-if\.yaml$/);
    expect(origins.get('lifecycle.grace.countEndDay')).toBe('tencent-im-2019');
    expect(origins.get('id')).toMatch(/longer\.yaml$/);
  });

  it('is refused without an id of its own, with an unknown base, or in a loop, at the line of extends', () => {
    const dir = folder({
      'no-id.yaml': 'name: x\nextends: tencent-im-2019\n',
      'unknown.yaml': 'id: x\nextends: tencent-im-2018\n',
      'a.yaml': 'id: a\nextends: b.yaml\n',
      'b.yaml': 'id: b\nextends: a.yaml\n',
    });
    expect(issuesOf(() => loadPolicy(join(dir, 'no-id.yaml')))).toEqual([
      'no-id.yaml:2 extends expected an id of its own beside extends (a policy that extends tencent-im-2019 is another policy), found none',
    ]);
    expect(issuesOf(() => loadPolicy(join(dir, 'unknown.yaml')))[0]).toMatch(/^unknown\.yaml:2 extends expected a bundled policy id \(.*\) or a policy file beside this one, found "tencent-im-2018"$/);
    expect(issuesOf(() => loadPolicy(join(dir, 'a.yaml')))[0]).toMatch(/:2 extends expected a policy that does not extend itself, found the loop .*a\.yaml → .*b\.yaml → .*a\.yaml$/);
  });

  it('reports a wrong value at the line where the extending file writes it', () => {
    const dir = folder({ 'bad.yaml': 'extends: tencent-im-2019\nid: bad\nlifecycle:\n  grace: { days: -3 }\n' });
    const [issue] = issuesOf(() => loadPolicy(join(dir, 'bad.yaml')));
    expect(issue).toMatch(/^bad\.yaml:4 lifecycle\.grace\.days /);
  });

  it('is named by a scenario as a file beside it, like any policy file', () => {
    const dir = folder({ 'what-if.yaml': 'extends: tencent-im-2019\nid: what-if\nlifecycle: { grace: { countEndDay: true } }\n', 'scenario.yaml': graceScenario('what-if.yaml') });
    const report = simulate(loadScenario(join(dir, 'scenario.yaml')));
    expect(report.policy.id).toBe('what-if');
    expect(report.expectations.every((expectation) => expectation.ok)).toBe(true);
  });
});

describe('tencent-im-2019-renewal-guide', () => {
  it('is the 2019 policy with grace counting the end day (X2), nothing else', () => {
    const differences = diffPolicies(loadPolicy('tencent-im-2019'), loadPolicy('tencent-im-2019-renewal-guide'));
    expect(differences.map((difference) => difference.path)).toEqual(['id', 'name', 'lifecycle.grace.countEndDay']);
  });

  it('suspends an app on 04-15 for an end on 04-08, as grace-counts-end-day.yaml expects (X2)', () => {
    const dir = folder({ 'scenario.yaml': graceScenario('tencent-im-2019-renewal-guide') });
    const report = simulate(loadScenario(join(dir, 'scenario.yaml')));
    expect(report.expectations.map((expectation) => expectation.ok)).toEqual([true, true, true, true]);
  });

  it('is shown resolved by imsim policy show, each value with the policy it comes from', () => {
    const shown = imsim(['policy', 'show', 'tencent-im-2019-renewal-guide']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/countEndDay: true # .*\(from tencent-im-2019-renewal-guide\)/);
    expect(shown.stdout).toMatch(/days: 7 # .*\(from tencent-im-2019\)/);
  });
});
