import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError, type InputIssue } from '../src/inputError.ts';
import { bundledPolicyIds, bundledPolicyText, loadPolicy, parsePolicy } from '../src/policy/load.ts';
import { applyOverrides, parseSetOption } from '../src/policy/overrides.ts';

function issuesOf(run: () => unknown): InputIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error('expected an InputError');
}

const bundled = () => loadPolicy('tencent-im-2019');

describe('the bundled policy', () => {
  it('is listed by id', () => {
    expect(bundledPolicyIds()).toEqual(['tencent-im-2019', 'tencent-im-2019-renewal-guide', 'tencent-im-2020']);
  });

  it('loads and equals the values written in its YAML file', () => {
    expect(bundled()).toEqual(parse(bundledPolicyText('tencent-im-2019')));
  });

  it('has the knobs of docs/policy.md at their defaults', () => {
    const policy = bundled();
    expect(policy.timezone).toBe('Asia/Shanghai');
    expect(policy.lengths).toEqual({
      minMonths: 1,
      maxMonths: 36,
      discounts: { 6: '0.98', 12: '0.95', 24: '0.90' },
      discountsApplyTo: { packs: false, renewals: true },
    });
    expect(policy.lifecycle.grace).toEqual({ days: 7, countEndDay: false });
    expect(policy.usage.avBandwidth.internationalPerMbpsDay).toBeNull();
    expect(policy.balance.payOrder).toEqual(['gift', 'income', 'cash']);
  });

  it('keeps its comments for policy show', () => {
    expect(bundledPolicyText('tencent-im-2019')).toMatch(/# P3/);
  });

  it('refuses an id that is neither bundled nor a file', () => {
    const issues = issuesOf(() => loadPolicy('tencent-im-2099', { baseDir: tmpdir() }));
    expect(issues[0].message).toBe('expected a bundled policy id (tencent-im-2019, tencent-im-2019-renewal-guide, tencent-im-2020) or a policy file, found neither');
  });
});

describe('policy files', () => {
  it('loads a YAML or JSON policy relative to the base folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imsim-policy-'));
    writeFileSync(join(dir, 'mine.yaml'), bundledPolicyText('tencent-im-2019').replace('id: tencent-im-2019', 'id: mine'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ ...bundled(), id: 'mine-json' }, null, 2));
    expect(loadPolicy('mine.yaml', { baseDir: dir }).id).toBe('mine');
    expect(loadPolicy('mine.json', { baseDir: dir }).id).toBe('mine-json');
  });

  it('reports wrong types and unknown fields at their line and column', () => {
    const text = bundledPolicyText('tencent-im-2019')
      .replace('grace: { days: 7, countEndDay: false }', 'grace: { days: seven, countEndDay: false, extra: 1 }')
      .replace('currency: CNY', 'currency: CNY\ncolour: red');
    const issues = issuesOf(() => parsePolicy(text, 'p.yaml'));
    expect(issues.map((issue) => [`${issue.file}:${issue.line}:${issue.column}`, issue.path, issue.message])).toEqual([
      ['p.yaml:6:1', 'colour', expect.stringMatching(/^unknown field "colour"/)],
      ['p.yaml:35:18', 'lifecycle.grace.days', 'expected a number, found "seven"'],
      ['p.yaml:35:45', 'lifecycle.grace.extra', 'unknown field "extra"; expected one of days, countEndDay'],
    ]);
  });

  it('refuses an unknown time zone, lengths out of order and discounts outside the lengths', () => {
    const text = bundledPolicyText('tencent-im-2019')
      .replace('timezone: Asia/Shanghai', 'timezone: Mars/Olympus_Mons')
      .replace('minMonths: 1, maxMonths: 36', 'minMonths: 1, maxMonths: 12')
      .replace('24: "0.90"', '24: "0.90", 0: "1"');
    const issues = issuesOf(() => parsePolicy(text, 'p.yaml'));
    expect(issues.map((issue) => issue.path)).toEqual(['timezone', 'lengths.discounts.24', 'lengths.discounts.0']);
    expect(issues[0].message).toBe('expected a time zone: an IANA name such as Asia/Shanghai or Europe/Berlin, UTC, or an offset such as +08:00, found "Mars/Olympus_Mons"');
    expect(issues[1].message).toBe('expected a length from 1 to 12 months, found 24');
    const reversed = bundledPolicyText('tencent-im-2019').replace('minMonths: 1, maxMonths: 36', 'minMonths: 37, maxMonths: 36').replace(/discounts: \{[^}]*\}/, 'discounts: {}');
    expect(issuesOf(() => parsePolicy(reversed, 'p.yaml')).map((issue) => issue.message)).toEqual(['expected at least minMonths (37), found 36']);
  });
});

describe('policy overrides', () => {
  it('sets dotted paths and leaves the original policy alone', () => {
    const policy = bundled();
    const changed = applyOverrides(policy, {
      'lifecycle.grace.days': 14,
      'lengths.discounts.6': 0.97,
      'lengths.discounts.24': null,
      'usage.avBandwidth.internationalPerMbpsDay': '8',
      'balance.payOrder': ['cash', 'gift', 'income'],
    });
    expect(changed.lifecycle.grace.days).toBe(14);
    expect(changed.lengths.discounts).toEqual({ 6: '0.97', 12: '0.95' });
    expect(changed.usage.avBandwidth.internationalPerMbpsDay).toBe('8');
    expect(changed.balance.payOrder).toEqual(['cash', 'gift', 'income']);
    expect(policy).toEqual(bundled());
  });

  it('refuses an unknown path, naming it and what exists there', () => {
    const issues = issuesOf(() => applyOverrides(bundled(), { 'lifecycle.grace.dayz': 14, 'billing.pushDay.hour': 1, colour: 'red' }));
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['lifecycle.grace.dayz', 'unknown policy path: "lifecycle.grace" has no field "dayz"; did you mean "days"?'],
      ['billing.pushDay.hour', 'unknown policy path: "billing.pushDay" is a single value and has no field "hour"'],
      ['colour', expect.stringMatching(/^unknown policy path: the policy has no field "colour"; expected one of id, name/)],
    ]);
  });

  it('refuses a value of the wrong type, saying what was expected', () => {
    const issues = issuesOf(() =>
      applyOverrides(bundled(), { 'lifecycle.grace.days': '14', 'editions.pro.validity': 'never', 'usage.dauOverage.price': -1 }),
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['lifecycle.grace.days', 'expected a number, found "14"'],
      ['editions.pro.validity', 'expected dayBefore | sameDay, found "never"'],
      ['usage.dauOverage.price', 'expected a decimal number ≥ 0 such as "999.00", found "-1"'],
    ]);
  });

  it('checks the policy as a whole after the change', () => {
    const issues = issuesOf(() => applyOverrides(bundled(), { 'lengths.maxMonths': 12, timezone: 'America/Atlantis' }));
    expect(issues.map((issue) => issue.path)).toEqual(['timezone', 'lengths.discounts.24']);
  });

  it('places issues where the source says each key was written', () => {
    const issues = issuesOf(() =>
      applyOverrides(bundled(), { 'lifecycle.grace.days': 14, 'refund.noReason.windowDayz': 3 }, { file: 's.yaml', locate: (key) => ({ line: key.length, column: 3 }) }),
    );
    expect(issues).toEqual([
      { file: 's.yaml', line: 'refund.noReason.windowDayz'.length, column: 3, path: 'refund.noReason.windowDayz', message: expect.stringMatching(/windowDays/) },
    ]);
  });
});

describe('the --set option', () => {
  it('reads the value as YAML', () => {
    expect(parseSetOption('lifecycle.grace.days=14')).toEqual({ path: 'lifecycle.grace.days', value: 14 });
    expect(parseSetOption('lifecycle.grace.countEndDay=true')).toEqual({ path: 'lifecycle.grace.countEndDay', value: true });
    expect(parseSetOption('lengths.discounts.6="0.5"')).toEqual({ path: 'lengths.discounts.6', value: '0.5' });
    expect(parseSetOption('usage.avBandwidth.internationalPerMbpsDay=null')).toEqual({ path: 'usage.avBandwidth.internationalPerMbpsDay', value: null });
    expect(parseSetOption('balance.payOrder=[cash, gift, income]')).toEqual({ path: 'balance.payOrder', value: ['cash', 'gift', 'income'] });
    expect(parseSetOption('lifecycle.expiryWarnings.at=10:00')).toEqual({ path: 'lifecycle.expiryWarnings.at', value: '10:00' });
  });

  it('feeds applyOverrides', () => {
    const { path, value } = parseSetOption('lifecycle.grace.days=10');
    expect(applyOverrides(bundled(), { [path]: value }).lifecycle.grace.days).toBe(10);
  });

  it('refuses text without a path or a value', () => {
    for (const text of ['lifecycle.grace.days', '=14', 'a..b=1', 'lifecycle.grace.days=']) {
      expect(() => parseSetOption(text)).toThrow(InputError);
    }
    expect(issuesOf(() => parseSetOption('days 14'))[0]).toMatchObject({ file: '--set', message: 'expected path=value such as lifecycle.grace.days=14, found "days 14"' });
  });
});
