import { describe, expect, it } from 'vitest';
import { rulesOf } from '../../src/policy/rules.ts';

describe('the rules of a knob', () => {
  const ids = (path: string) => rulesOf(path).map((rule) => rule.id);

  it('are the rules naming the knob or a field it is part of, the most specific first', () => {
    expect(ids('lifecycle.grace.days')).toEqual(['X2']);
    expect(ids('editions.trial.limits.users')).toEqual(['E4', 'E1']);
    expect(ids('editions.trial.limits.friends')).toEqual(['E1']);
    expect(ids('usage.dauOverage.price')).toEqual(['U2']);
  });

  it('keep catalogue order among rules as specific as one another', () => {
    expect(ids('promotions')).toEqual(['P6', 'R5']);
  });

  it('are none for a knob no rule names', () => {
    expect(rulesOf('currency')).toEqual([]);
    expect(ids('editions.trialX')).toEqual([]);
  });
});
