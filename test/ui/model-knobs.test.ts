import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.ts';
import { knobText, readKnobInput } from '../../src/ui/model/knobInput.ts';
import { policyKnobs } from '../../src/ui/model/knobs.ts';

describe('the knobs of the bundled policy', () => {
  const knobs = policyKnobs(loadPolicy('tencent-im-2019'));
  const knob = (path: string) => knobs.find((k) => k.path === path)!;

  it('walks the policy to its leaves by dotted path', () => {
    const paths = knobs.map((k) => k.path);
    expect(paths).toContain('lifecycle.grace.days');
    expect(paths).toContain('lengths.discounts.12');
    expect(paths).toContain('packs.groupMembers2000.limit');
    expect(paths).toContain('balance.payOrder');
    expect(paths).not.toContain('lifecycle.grace');
  });

  it('reads the kind of each input from the schema, enums with their values', () => {
    expect(knob('lifecycle.grace.days')).toMatchObject({ kind: 'count', value: 7, nullable: false, min: 0, max: 36500 });
    expect(knob('lengths.maxMonths')).toMatchObject({ kind: 'count', min: 1, max: 1200 });
    expect(knob('autoRenew.retryAt')).toMatchObject({ kind: 'text', value: 'end' });
    expect(knob('lifecycle.grace.countEndDay')).toMatchObject({ kind: 'boolean', value: false });
    expect(knob('usage.dauOverage.rounding')).toMatchObject({ kind: 'enum', options: ['ceilUnit', 'linear'] });
    expect(knob('renewal.inGraceFrom').options).toEqual(['previousEnd', 'renewalTime']);
    expect(knob('editions.pro.pricePerMonth')).toMatchObject({ kind: 'decimal', value: '999' });
    expect(knob('editions.pro.limits.users')).toMatchObject({ kind: 'count', nullable: true, value: null });
    expect(knob('balance.payOrder')).toMatchObject({ kind: 'list', options: ['cash', 'income', 'gift'] });
    expect(knob('timezone').kind).toBe('fixed');
    expect(knob('promotions').kind).toBe('fixed');
  });

  it('gives every knob a label in words from the schema, naming the edition, pack or length a record holds', () => {
    expect(knob('lifecycle.grace.days').label).toBe('grace days after expiry');
    expect(knob('editions.pro.limits.groupMembers').label).toBe('pro: most members in a group');
    expect(knob('packs.groupMembers2000.pricePerMonth').label).toBe('groupMembers2000: price a month');
    expect(knob('lengths.discounts.12').label).toBe('12: price factor of an order of this many months');
    const unlabelled = knobs.filter((k) => !['id', 'name', 'currency', 'timezone'].includes(k.path) && k.label === k.path);
    expect(unlabelled.map((k) => k.path)).toEqual([]);
    for (const id of ['tencent-im-2020', 'tencent-im-2019-renewal-guide']) {
      expect(policyKnobs(loadPolicy(id)).filter((k) => k.label === k.path && k.kind !== 'fixed').map((k) => k.path), id).toEqual([]);
    }
  });

  it('names the rules of each knob, the most specific first', () => {
    expect(knob('lifecycle.grace.days').rules.map((r) => r.id)).toEqual(['X2']);
    expect(knob('editions.trial.limits.users').rules.map((r) => r.id)).toEqual(['E4', 'E1']);
    expect(knob('usage.dauOverage.price').rules[0]).toMatchObject({ id: 'U2', source: expect.stringContaining('DAU') });
    expect(knob('currency').rules).toEqual([]);
  });
});

describe('reading what was typed into a knob', () => {
  const knobs = policyKnobs(loadPolicy('tencent-im-2019'));
  const knob = (path: string) => knobs.find((k) => k.path === path)!;

  it('turns text into the value an override takes', () => {
    expect(readKnobInput(knob('lifecycle.grace.days'), '14')).toEqual({ value: 14 });
    expect(readKnobInput(knob('lifecycle.grace.days'), '1.5')).toHaveProperty('error');
    expect(readKnobInput(knob('lifecycle.grace.days'), '-3')).toEqual({ error: 'expected a whole number from 0 to 36500; found "-3"' });
    expect(readKnobInput(knob('editions.pro.limits.users'), 'many')).toEqual({ error: 'expected a whole number 0 or more, or empty for no limit; found "many"' });
    expect(readKnobInput(knob('editions.pro.limits.users'), '')).toEqual({ value: null });
    expect(readKnobInput(knob('editions.pro.pricePerMonth'), '888.50')).toEqual({ value: '888.50' });
    expect(readKnobInput(knob('lifecycle.grace.countEndDay'), true)).toEqual({ value: true });
    expect(readKnobInput(knob('usage.dauOverage.rounding'), 'linear')).toEqual({ value: 'linear' });
    expect(readKnobInput(knob('usage.dauOverage.rounding'), 'round')).toHaveProperty('error');
    expect(readKnobInput(knob('balance.payOrder'), 'cash, gift ,income')).toEqual({ value: ['cash', 'gift', 'income'] });
  });

  it('says what is allowed and what was found when the text is not a value of the knob', () => {
    expect(readKnobInput(knob('editions.pro.pricePerMonth'), '-5')).toEqual({ error: 'expected a decimal number ≥ 0 such as "999.00"; found "-5"' });
    expect(readKnobInput(knob('balance.payOrder'), 'cash, coupons')).toEqual({ error: 'expected a comma-separated list of cash, income, gift; found "coupons"' });
  });

  it('shows values as text', () => {
    expect(knobText(['gift', 'income', 'cash'])).toBe('gift, income, cash');
    expect(knobText(null)).toBe('');
    expect(knobText(7)).toBe('7');
  });
});
