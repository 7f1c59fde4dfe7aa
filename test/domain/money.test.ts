import { describe, expect, it } from 'vitest';
import { allocate, formatMoney, formatRounded, formatTotal, maxMoney, money, type RoundingMode, roundCents, sum, ZERO } from '../../src/domain/money.ts';

const texts = (amounts: { toFixed: (dp: number) => string }[]): string[] => amounts.map((amount) => amount.toFixed(2));

describe('M1: formatRounded', () => {
  it('M1: rounds an exact amount to the cent in each mode and writes it as formatMoney does', () => {
    const modes: RoundingMode[] = ['halfUp', 'halfEven', 'down', 'up'];
    for (const amount of ['0.005', '0.015', '2.675', '10000', '0.5', '123.4', '1e-9', '99999999999999.995', '0.375']) {
      for (const mode of modes) expect(formatRounded(amount, mode)).toBe(formatMoney(roundCents(amount, mode)));
    }
    expect(formatRounded('10000', 'down')).toBe('10000.00');
    expect(formatRounded('0.375', 'halfEven')).toBe('0.38');
  });
});

describe('M1: formatTotal', () => {
  it('M1: totals amount texts as formatMoney(sum(…)) does, in cents or beyond them', () => {
    const lists = [
      [],
      ['0.00', '0.00'],
      ['10000.00', '1000.00', '0.40'],
      ['9999999999999.99', '9999999999999.99'],
      ['0.125', '0.005'],
      ['99999999999999.99', '0.01'],
      // Past Money's 40 digits the running sum rounds at each step, as it did before cents.
      ['1000000000000000000000000000000000000000', '0.40', '0.40'],
    ];
    for (const amounts of lists) expect(formatTotal(amounts)).toBe(formatMoney(sum(amounts)));
    expect(formatTotal(['1000000000000000000000000000000000000000', '0.40', '0.40'])).toBe('1000000000000000000000000000000000000000.00');
    expect(formatTotal(Array.from({ length: 2000 }, () => '9999999999999.99'))).toBe(formatMoney(money('9999999999999.99').times(2000)));
  });
});

describe('M1: roundCents', () => {
  it('M1: halfUp (the default) rounds 0.005 to 0.01 and 0.004 to 0.00', () => {
    expect(roundCents('0.005').toFixed(2)).toBe('0.01');
    expect(roundCents('0.004').toFixed(2)).toBe('0.00');
    expect(roundCents('0.015', 'halfUp').toFixed(2)).toBe('0.02');
    expect(roundCents('362.5999').toFixed(2)).toBe('362.60');
  });

  it('M1: halfUp rounds a negative half away from zero (-0.005 → -0.01)', () => {
    expect(roundCents('-0.005').toFixed(2)).toBe('-0.01');
  });

  it('M1: halfEven rounds 0.005 to 0.00 and 0.015 to 0.02', () => {
    expect(roundCents('0.005', 'halfEven').toFixed(2)).toBe('0.00');
    expect(roundCents('0.015', 'halfEven').toFixed(2)).toBe('0.02');
    expect(roundCents('0.0051', 'halfEven').toFixed(2)).toBe('0.01');
  });

  it('M1: down truncates (0.019 → 0.01) and up rounds away from zero (0.011 → 0.02)', () => {
    expect(roundCents('0.019', 'down').toFixed(2)).toBe('0.01');
    expect(roundCents('0.011', 'up').toFixed(2)).toBe('0.02');
    expect(roundCents('0.01', 'up').toFixed(2)).toBe('0.01');
  });

  it('M1: decimals are exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    expect(money('0.1').plus('0.2').toString()).toBe('0.3');
    expect(money(999).times(6).times('0.98').toString()).toBe('5874.12');
  });

  it('M1: a third of 1000 keeps full precision until it is rounded', () => {
    const third = money(1000).div(3);
    expect(third.times(3).toFixed(2)).toBe('1000.00');
    expect(roundCents(third).toString()).toBe('333.33');
  });
});

describe('M1: formatMoney', () => {
  it('M1: shows exactly two decimals: 999 → 999.00, 0.5 → 0.50, 0 → 0.00', () => {
    expect(formatMoney(999)).toBe('999.00');
    expect(formatMoney('0.5')).toBe('0.50');
    expect(formatMoney(ZERO)).toBe('0.00');
  });

  it('M1: rounds half up when given more decimals (0.005 → 0.01, 1.234 → 1.23)', () => {
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('1.234')).toBe('1.23');
  });

  it('M1: never uses exponent notation (1e21 and 1e-7)', () => {
    expect(formatMoney('1e21')).toBe('1000000000000000000000.00');
    expect(formatMoney('1e-7')).toBe('0.00');
  });
});

describe('sum and maxMoney', () => {
  it('sum adds decimal strings exactly and is 0 for none', () => {
    expect(sum(['0.1', '0.2', '0.3']).toString()).toBe('0.6');
    expect(sum([]).toString()).toBe('0');
  });

  it('maxMoney picks the larger amount', () => {
    expect(maxMoney('-1', 0).toString()).toBe('0');
    expect(maxMoney('2.5', '2.49').toString()).toBe('2.5');
  });
});

describe('R2: allocate', () => {
  it('R2: 362.60 over cash 200.00 / income 0 / gift 207.96 gives 177.76, 0, 184.84', () => {
    const parts = allocate('362.60', ['200.00', '0', '207.96']);
    expect(texts(parts)).toEqual(['177.76', '0.00', '184.84']);
    expect(sum(parts).toFixed(2)).toBe('362.60');
  });

  it('R2: 100.00 in three equal parts gives 33.34, 33.33, 33.33 (the leftover cent to the first)', () => {
    expect(texts(allocate(100, [1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('R2: the leftover cents go to the largest remainders', () => {
    // 0.05 over 1:2:2 → exact 1, 2, 2 cents
    expect(texts(allocate('0.05', [1, 2, 2]))).toEqual(['0.01', '0.02', '0.02']);
    // 0.10 over 1:1:1 → 3.33… each, one cent left to the first
    expect(texts(allocate('0.10', [1, 1, 1]))).toEqual(['0.04', '0.03', '0.03']);
    // 1.00 over 1:2:3 → 16.67, 33.33, 50.00 cents → 17, 33, 50
    expect(texts(allocate(1, [1, 2, 3]))).toEqual(['0.17', '0.33', '0.50']);
  });

  it('R2: the parts always add up exactly to the total', () => {
    const weights = ['123.45', '0.01', '678.9'];
    for (const total of ['0.00', '0.01', '0.02', '1.00', '99.99', '362.60', '1234.57', '999999.99']) {
      const parts = allocate(total, weights);
      expect(sum(parts).toFixed(2)).toBe(money(total).toFixed(2));
      for (const part of parts) expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });

  it('R2: a zero weight gets nothing', () => {
    const parts = allocate('0.01', ['0', '5', '5']);
    expect(texts(parts)).toEqual(['0.00', '0.01', '0.00']);
  });

  it('R2: with all weights zero, the whole amount goes to the first part', () => {
    expect(texts(allocate('10.00', [0, 0, 0]))).toEqual(['10.00', '0.00', '0.00']);
    expect(texts(allocate(0, [0, 0, 0]))).toEqual(['0.00', '0.00', '0.00']);
  });

  it('R2: allocating 0 gives zeros', () => {
    expect(texts(allocate(0, ['200', '0', '207.96']))).toEqual(['0.00', '0.00', '0.00']);
  });
});
