import { describe, expect, it } from 'vitest';
import { diffPolicies, overridesFrom } from '../../src/policy/diff.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

const bundled = loadPolicy('tencent-im-2019');

describe('the differences between two policies', () => {
  it('names every knob that differs, with both values, and nothing else', () => {
    const changed = applyOverrides(bundled, { 'lifecycle.grace.days': 14, 'usage.dauOverage.rounding': 'linear' });
    expect(diffPolicies(bundled, changed)).toEqual([
      { path: 'usage.dauOverage.rounding', a: 'ceilUnit', b: 'linear' },
      { path: 'lifecycle.grace.days', a: 7, b: 14 },
    ]);
    expect(diffPolicies(bundled, bundled)).toEqual([]);
  });

  it('takes a list as one value, and an entry one policy lacks as undefined', () => {
    const changed = applyOverrides(bundled, { 'balance.payOrder': ['cash', 'gift', 'income'], 'lengths.discounts.24': null });
    expect(diffPolicies(bundled, changed)).toEqual([
      { path: 'lengths.discounts.24', a: '0.90', b: undefined },
      { path: 'balance.payOrder', a: ['gift', 'income', 'cash'], b: ['cash', 'gift', 'income'] },
    ]);
    expect(overridesFrom(bundled, changed)).toEqual({ 'lengths.discounts.24': null, 'balance.payOrder': ['cash', 'gift', 'income'] });
  });
});

describe('the policy a report names', () => {
  it('lists the knobs the run was played under: the scenario’s overrides and --set', () => {
    const scenario = loadScenario('scenarios/grace-counts-end-day.yaml', { set: { 'lifecycle.grace.days': 10 } });
    expect(simulate(scenario).policy).toEqual({ id: 'tencent-im-2019', overrides: { 'lifecycle.grace.days': 10, 'lifecycle.grace.countEndDay': true } });
  });

  it('lists none when the caller plays the scenario under the bare bundled policy (a passed policy replaces the scenario’s)', () => {
    const scenario = loadScenario('scenarios/grace-counts-end-day.yaml');
    expect(Object.keys(scenario.policyOverrides)).toEqual(['lifecycle.grace.countEndDay']);
    expect(simulate(scenario, loadPolicy('tencent-im-2019')).policy).toEqual({ id: 'tencent-im-2019', overrides: {} });
  });

  it('lists the knobs a policy changed in code was given, whatever policy the scenario was loaded with', () => {
    const team = applyOverrides(loadPolicy('tencent-im-2019'), { 'lifecycle.grace.days': 14 });
    const scenario = loadScenario('scenarios/default.yaml', { policy: { ...team, id: 'team' } });
    const three = applyOverrides(applyOverrides(loadPolicy('tencent-im-2019'), { 'lifecycle.grace.days': 3 }), { 'arrears.suspendAfterDays': 5 });
    expect(simulate(scenario, three).policy).toEqual({ id: 'tencent-im-2019', overrides: { 'lifecycle.grace.days': 3, 'arrears.suspendAfterDays': 5 } });
  });
});
