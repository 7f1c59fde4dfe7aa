import { describe, expect, it } from 'vitest';
import { addAmounts, addParts, amountTextOf, compareAmounts, covers, drawFromBalance, noParts, type Parts, receive, subtractAmounts, subtractParts, takenBetween, totalOf } from '../../src/domain/balance.ts';
import { money } from '../../src/domain/money.ts';
import { loadPolicy } from '../../src/policy/load.ts';

const policy = loadPolicy('tencent-im-2019');
const payOrder = policy.balance.payOrder;

/** Parts as numbers-with-two-decimals, to compare without caring how the decimal string is written. */
const shown = (parts: Parts): Parts => ({
  cash: money(parts.cash).toFixed(2),
  income: money(parts.income).toFixed(2),
  gift: money(parts.gift).toFixed(2),
});
const parts = (cash: string, income: string, gift: string): Parts => ({ cash, income, gift });

describe('A1: the balance in three parts', () => {
  it('A1: the bundled pay order is gift, income, cash', () => {
    expect(payOrder).toEqual(['gift', 'income', 'cash']);
  });

  it('A1: totalOf adds the three parts exactly', () => {
    expect(totalOf(parts('200.00', '0.1', '207.96')).toFixed(2)).toBe('408.06');
    expect(totalOf(noParts).toString()).toBe('0');
  });

  it('A1: addParts and subtractParts work part by part', () => {
    const a = parts('10', '0.1', '0.2');
    const b = parts('5', '0.2', '0.2');
    expect(shown(addParts(a, b))).toEqual(parts('15.00', '0.30', '0.40'));
    expect(shown(subtractParts(a, b))).toEqual(parts('5.00', '-0.10', '0.00'));
  });
});

describe('A1: drawFromBalance', () => {
  it('A1: 999.00 from gift 100 / income 200 / cash 1000 takes gift first, then income, then cash', () => {
    const draw = drawFromBalance(parts('1000', '200', '100'), '999', payOrder);
    expect(shown(draw.paid)).toEqual(parts('699.00', '200.00', '100.00'));
    expect(shown(draw.balance)).toEqual(parts('301.00', '0.00', '0.00'));
    expect(draw.shortfall).toBe('0');
  });

  it('A1: a charge the gift part covers leaves income and cash untouched', () => {
    const draw = drawFromBalance(parts('1000', '200', '500'), '499.99', payOrder);
    expect(shown(draw.paid)).toEqual(parts('0.00', '0.00', '499.99'));
    expect(shown(draw.balance)).toEqual(parts('1000.00', '200.00', '0.01'));
  });

  it('A1: the pay order is a knob (balance.payOrder = cash, income, gift)', () => {
    const draw = drawFromBalance(parts('100', '200', '300'), '250', ['cash', 'income', 'gift']);
    expect(shown(draw.paid)).toEqual(parts('100.00', '150.00', '0.00'));
    expect(shown(draw.balance)).toEqual(parts('0.00', '50.00', '300.00'));
  });

  it('A1: a charge of exactly the balance empties it with no shortfall', () => {
    const draw = drawFromBalance(parts('200.00', '0', '207.96'), '407.96', payOrder);
    expect(shown(draw.balance)).toEqual(parts('0.00', '0.00', '0.00'));
    expect(draw.shortfall).toBe('0');
  });

  it('A2: when the balance is short, everything there pays and the rest is the shortfall', () => {
    const draw = drawFromBalance(parts('300', '50', '100'), '1000', payOrder);
    expect(shown(draw.paid)).toEqual(parts('300.00', '50.00', '100.00'));
    expect(shown(draw.balance)).toEqual(parts('0.00', '0.00', '0.00'));
    expect(draw.shortfall).toBe('550');
  });

  it('A2: an empty balance pays nothing and the whole charge is the shortfall', () => {
    const draw = drawFromBalance(noParts, '12.34', payOrder);
    expect(shown(draw.paid)).toEqual(parts('0.00', '0.00', '0.00'));
    expect(draw.shortfall).toBe('12.34');
  });

  it('A1: a charge of 0 draws nothing', () => {
    const draw = drawFromBalance(parts('1', '2', '3'), '0', payOrder);
    expect(shown(draw.paid)).toEqual(parts('0.00', '0.00', '0.00'));
    expect(shown(draw.balance)).toEqual(parts('1.00', '2.00', '3.00'));
  });

  it('A1: what was paid plus what is left is the balance before', () => {
    const before = parts('123.45', '67.89', '10.11');
    const draw = drawFromBalance(before, '150.5', payOrder);
    expect(shown(addParts(draw.paid, draw.balance))).toEqual(shown(before));
    expect(totalOf(draw.paid).toFixed(2)).toBe('150.50');
  });
});

describe('A4: receive', () => {
  it('A4: a top-up of 1000 cash with a debt of 550 pays the debt first; 450 is balance', () => {
    const result = receive(noParts, '550', parts('1000', '0', '0'), payOrder);
    expect(result.debt).toBe('0');
    expect(shown(result.balance)).toEqual(parts('450.00', '0.00', '0.00'));
  });

  it('A4: a top-up smaller than the debt pays part of it; the debt remains', () => {
    const result = receive(noParts, '550', parts('200', '0', '0'), payOrder);
    expect(result.debt).toBe('350');
    expect(shown(result.balance)).toEqual(parts('0.00', '0.00', '0.00'));
  });

  it('A4: with no debt, the money is added to the balance as it came', () => {
    const result = receive(parts('10', '0', '5'), '0', parts('100', '0', '20'), payOrder);
    expect(result.debt).toBe('0');
    expect(shown(result.balance)).toEqual(parts('110.00', '0.00', '25.00'));
  });

  it('A4: incoming parts pay the debt in the pay order (gift before cash)', () => {
    const result = receive(noParts, '30', parts('100', '0', '20'), payOrder);
    expect(result.debt).toBe('0');
    expect(shown(result.balance)).toEqual(parts('90.00', '0.00', '0.00'));
  });
});

describe('A1: amounts beyond whole cents', () => {
  it('A1: a part with more than two decimals is drawn on exactly', () => {
    const draw = drawFromBalance(parts('10', '0.125', '0.005'), '0.2', payOrder);
    expect(draw.paid).toEqual(parts('0.07', '0.125', '0.005'));
    expect(draw.balance).toEqual(parts('9.93', '0', '0'));
    expect(draw.shortfall).toBe('0');
  });

  it('A1: totals and differences mix whole cents and finer amounts exactly', () => {
    expect(takenBetween(parts('1.1', '0.001', '2'), parts('1', '0', '0'))).toBe('2.101');
    expect(takenBetween(parts('300', '50', '100'), parts('300', '0', '0'))).toBe('150');
    expect(subtractParts(parts('1', '1e-9', '99999999999999.99'), parts('0.5', '0', '0.01'))).toEqual(parts('0.5', '1e-9', '99999999999999.98'));
    expect(addAmounts('9999999999999.99', '9999999999999.99')).toBe('19999999999999.98');
    expect(subtractAmounts('9999999999999.99', '-9999999999999.99')).toBe('19999999999999.98');
    expect(subtractAmounts('0.3', '0.001')).toBe('0.299');
  });

  it('compares amounts of any shape as Decimal orders them', () => {
    const texts = ['-1', '-0.001', '0', '0.00', '0.001', '0.01', '0.1', '99999999999999.99', '100000000000000', '1e20'];
    for (const a of texts) for (const b of texts) expect(Math.sign(compareAmounts(a, b))).toBe(money(a).comparedTo(b));
  });

  it('writes an amount as Decimal does, with or without cents', () => {
    for (const text of ['123.40', '0.00', '-5.50', '7', '0.125', '99999999999999.99', '1e-9']) expect(amountTextOf(text)).toBe(money(text).toString());
    expect(amountTextOf('123.40')).toBe('123.4');
  });
});

describe('P8, A4: covers', () => {
  it('P8: the parts together cover an amount up to their total, not a cent more', () => {
    expect(covers(parts('100', '0.5', '0.49'), '100.99')).toBe(true);
    expect(covers(parts('100', '0.5', '0.49'), '101')).toBe(false);
    expect(covers(parts('100', '0.5', '0.49'), '100.991')).toBe(false);
  });
});
