import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { centsMoneyText, centsOf, centsText } from '../../src/domain/cents.ts';
import { formatMoney, money } from '../../src/domain/money.ts';

/** Amount texts of every shape the fast path must take or leave to Decimal. */
function texts(): string[] {
  const random = seedrandom('cents');
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const generated = Array.from({ length: 2000 }, () => {
    const sign = random() < 0.3 ? '-' : '';
    const whole = digits(1 + Math.floor(random() * 15));
    const decimals = Math.floor(random() * 4);
    return `${sign}${whole}${decimals === 0 ? '' : `.${digits(decimals)}`}`;
  });
  return [...generated, '0', '-0', '0.0', '-0.00', '007.50', '0.05', '-0.5', '10', '9999999999999.99', '10000000000000'];
}

describe('cents', () => {
  it('reads whole cents of every text with at most two decimals and 13 digits before the point', () => {
    for (const text of texts()) {
      const [whole, fraction = ''] = text.replace('-', '').split('.');
      const cents = centsOf(text);
      if (whole.length > 13 || fraction.length > 2) expect(cents, text).toBeUndefined();
      else expect(cents, text).toBe(money(text).times(100).toNumber());
    }
  });

  it('writes cents as Decimal writes the same amount, with toString and as the report does', () => {
    for (const text of texts()) {
      const cents = centsOf(text);
      if (cents === undefined) continue;
      expect(centsText(cents), text).toBe(money(text).toString());
      expect(centsMoneyText(cents), text).toBe(money(text).toFixed(2));
    }
  });

  it('leaves text that is not plain digits to Decimal', () => {
    for (const text of ['', '-', '.5', '5.', '1e3', '+1', '1.2.3', ' 1', '1,000', 'NaN', '0x10']) expect(centsOf(text), text).toBeUndefined();
  });

  it('formatMoney writes whole cents and finer amounts alike', () => {
    expect(formatMoney('12.5')).toBe('12.50');
    expect(formatMoney('-0.00')).toBe('0.00');
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('-0.005')).toBe('-0.01');
    expect(formatMoney(money('3.14159'))).toBe('3.14');
    expect(formatMoney(7)).toBe('7.00');
  });
});
