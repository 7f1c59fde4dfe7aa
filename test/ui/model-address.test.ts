/** The page's address: what a link carries (issue 11, item 7). */
import { describe, expect, it } from 'vitest';
import { readAddress, writeAddress } from '../../src/ui/model/address.ts';

describe('the page address', () => {
  it('carries the scenario, knobs as JSON, the instant, the apps and compare B, and reads back the same', () => {
    const address = {
      file: 'default.yaml',
      overrides: { 'lifecycle.grace.days': 14, 'editions.pro.pricePerMonth': '899', 'balance.payOrder': ['cash', 'income', 'gift'] },
      at: '2020-03-17T12:00',
      apps: ['1400000002', '1400000003'],
      compare: 'lifecycle.grace.days=7\nusage.dauOverage.rounding=linear',
      view: 'explore' as const,
    };
    const hash = writeAddress(address);
    expect(hash.startsWith('#default.yaml?set=lifecycle.grace.days%3D14&')).toBe(true);
    expect(readAddress(hash)).toEqual(address);
  });

  it('opens a plain #FILE as before, and the default scenario for an empty hash', () => {
    expect(readAddress('#fleet-1000.yaml')).toEqual({ file: 'fleet-1000.yaml', overrides: {} });
    expect(readAddress('').file).toBe('default.yaml');
  });

  it('leaves the view to the scenario when the link names none, or one it does not know', () => {
    expect(readAddress('#population-grace.yaml?view=timeline').view).toBe('timeline');
    expect(readAddress('#population-grace.yaml').view).toBeUndefined();
    expect(readAddress('#population-grace.yaml?view=map').view).toBeUndefined();
  });

  it('leaves out a knob whose value a link mangled, and keeps the rest', () => {
    expect(readAddress('#default.yaml?set=a.b=%7Bbroken&set=lifecycle.grace.days=14').overrides).toEqual({ 'lifecycle.grace.days': 14 });
  });
});
