import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { money, ZERO } from '../../src/domain/money.ts';
import { MoneySum } from '../../src/domain/moneySum.ts';

/** Amounts of every shape: whole cents, more decimals, too many digits for cents, Decimals. */
function amounts(seed: string, count: number): (string | ReturnType<typeof money>)[] {
  const random = seedrandom(seed);
  const digits = (length: number) => Array.from({ length }, () => Math.floor(random() * 10)).join('');
  return Array.from({ length: count }, () => {
    const text = `${random() < 0.4 ? '-' : ''}${digits(1 + Math.floor(random() * 16))}.${digits(Math.floor(random() * 4) + 1)}`;
    return random() < 0.1 ? money(text) : text;
  });
}

describe('MoneySum', () => {
  it('adds and takes away amounts to the sum Decimal gives, whatever their shape', () => {
    for (const seed of ['a', 'b', 'c']) {
      const sum = new MoneySum();
      let expected = ZERO;
      amounts(seed, 500).forEach((amount, index) => {
        if (index % 3 === 0) {
          sum.subtract(amount);
          expected = expected.minus(amount);
        } else {
          sum.add(amount);
          expected = expected.plus(amount);
        }
      });
      expect(sum.value().toFixed()).toBe(expected.toFixed());
      expect(sum.text()).toBe(expected.toFixed());
    }
  });

  it('is exact when whole cents add up past the integers a double holds', () => {
    const sum = new MoneySum();
    for (let index = 0; index < 40; index += 1) sum.add('9999999999999.99');
    sum.add('0.01');
    expect(sum.text()).toBe(money('9999999999999.99').times(40).plus('0.01').toFixed());
  });

  it('writes a sum of whole cents as Decimal writes it: no trailing zeros, 0 for nothing', () => {
    const sum = new MoneySum();
    expect(sum.text()).toBe('0');
    sum.add('12.50');
    sum.add('-0.30');
    expect(sum.text()).toBe('12.2');
    sum.subtract('12.20');
    expect(sum.text()).toBe('0');
    expect(sum.value().isZero()).toBe(true);
  });
});
