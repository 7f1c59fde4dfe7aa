import { describe, expect, it } from 'vitest';
import type { Parts } from '../../src/domain/balance.ts';
import { zoneNamed, MS_PER_DAY, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import { money, sum } from '../../src/domain/money.ts';
import { noReasonRefund, normalRefund, type RefundableOrder, usedShare } from '../../src/domain/refund.ts';
import { sliceBoundaries } from '../../src/domain/validity.ts';
import { loadPolicy } from '../../src/policy/load.ts';

const policy = loadPolicy('tencent-im-2019');
const zone = zoneNamed(policy.timezone) as Zone;
const rounding = policy.money.rounding;
const at = (text: string): number => {
  const instant = parseLocalTime(text, zone);
  if (instant === undefined) throw new Error(`bad test time ${text}`);
  return instant;
};
const shown = (parts: Parts): Parts => ({
  cash: money(parts.cash).toFixed(2),
  income: money(parts.income).toFixed(2),
  gift: money(parts.gift).toFixed(2),
});

/** The worked example of R2: 407.96 paid (cash 200.00, gift 207.96) for a 30-day slice from 2020-04-01 00:00. */
const april = at('2020-04-01T00:00:00');
const worked: RefundableOrder = {
  paid: { cash: '200.00', income: '0', gift: '207.96' },
  voucher: '0',
  slices: sliceBoundaries(april, 1, { kind: 'pack' }, zone),
};

/** Three months of pro from 2020-01-15 10:00: list 2997.00, a 30.00 voucher, 2967.00 paid in cash. */
const quarter: RefundableOrder = {
  paid: { cash: '2967.00', income: '0', gift: '0' },
  voucher: '30',
  slices: sliceBoundaries(at('2020-01-15T10:00:00'), 3, { kind: 'edition', mode: 'dayBefore' }, zone),
};

describe('R1: no-reason refund', () => {
  it('R1: returns every part to where it came from', () => {
    const order: RefundableOrder = { paid: { cash: '500', income: '99.5', gift: '300' }, voucher: '0', slices: quarter.slices };
    const refund = noReasonRefund(order);
    expect(refund.amount.toFixed(2)).toBe('899.50');
    expect(shown(refund.to)).toEqual({ cash: '500.00', income: '99.50', gift: '300.00' });
  });

  it('R1: the voucher is forfeited, not refunded', () => {
    const refund = noReasonRefund(quarter);
    expect(refund.amount.toFixed(2)).toBe('2967.00');
    expect(refund.voucherForfeited.toFixed(2)).toBe('30.00');
  });
});

describe('R2: normal refund', () => {
  it('R2: the worked slice is 30 days long (F3: April has 30 days)', () => {
    expect((worked.slices[1] - worked.slices[0]) / MS_PER_DAY).toBe(30);
  });

  it('R2: paid 407.96 (cash 200.00 + gift 207.96), refunded at 2020-04-04 08:03:20 after 45.36 used → 362.60 = 177.76 + 184.84', () => {
    const now = at('2020-04-04T08:03:20');
    const used = money('407.96').times(usedShare(worked.slices[0], worked.slices[1], now, 'second'));
    expect(used.toFixed(2)).toBe('45.36');
    const refund = normalRefund(worked, now, 'second', rounding);
    expect(refund.amount.toFixed(2)).toBe('362.60');
    expect(shown(refund.to)).toEqual({ cash: '177.76', income: '0.00', gift: '184.84' });
  });

  it('R2: the split back to the parts adds up exactly to the refund', () => {
    for (const text of ['2020-04-01T00:00:01', '2020-04-04T08:03:20', '2020-04-17T13:13:13', '2020-04-30T23:59:59']) {
      const refund = normalRefund(worked, at(text), 'second', rounding);
      expect(sum([refund.to.cash, refund.to.income, refund.to.gift]).toFixed(2)).toBe(refund.amount.toFixed(2));
    }
  });

  it('R2: refunded at the start instant, everything is returned', () => {
    expect(normalRefund(worked, april, 'second', rounding).amount.toFixed(2)).toBe('407.96');
  });

  it('R2: slices not started refund in full: before the order starts, 2967.00 back', () => {
    const refund = normalRefund(quarter, at('2020-01-01T00:00:00'), 'second', rounding);
    expect(refund.amount.toFixed(2)).toBe('2967.00');
    expect(refund.basis).toMatch(/^3 of 3 slices not started/);
  });

  it('R2: at the start of the second slice (2020-02-14 10:00), two slices of 989.00 are left: 1978.00', () => {
    expect(quarter.slices[1]).toBe(at('2020-02-14T10:00:00'));
    const refund = normalRefund(quarter, quarter.slices[1], 'second', rounding);
    expect(refund.amount.toFixed(2)).toBe('1978.00');
    expect(refund.voucherForfeited.toFixed(2)).toBe('20.00');
  });

  it('R2: halfway through the first slice, half of it and the two slices not started are refunded (2472.50)', () => {
    const [start, end] = quarter.slices;
    const refund = normalRefund(quarter, start + (end - start) / 2, 'second', rounding);
    expect(refund.amount.toFixed(2)).toBe('2472.50');
    expect(refund.basis).toMatch(/^2 of 3 slices not started \+ 50% of the slice in effect/);
  });

  it('R2: slices are worth paid/n even when their lengths differ (2020-01-31 for 3 months: 29, 30 and 31 days)', () => {
    // slices end 02-29, 03-30, 04-30
    const order: RefundableOrder = {
      paid: { cash: '3000', income: '0', gift: '0' },
      voucher: '0',
      slices: sliceBoundaries(at('2020-01-31T00:00:00'), 3, { kind: 'edition', mode: 'dayBefore' }, zone),
    };
    expect(normalRefund(order, at('2020-02-29T00:00:00'), 'second', rounding).amount.toFixed(2)).toBe('2000.00');
    // 15 of 30 days into the second slice: 500 + 1000
    expect(normalRefund(order, at('2020-03-15T00:00:00'), 'second', rounding).amount.toFixed(2)).toBe('1500.00');
  });

  it('R2: a finished order refunds 0.00', () => {
    const refund = normalRefund(quarter, quarter.slices[3], 'second', rounding);
    expect(refund.amount.toFixed(2)).toBe('0.00');
    expect(shown(refund.to)).toEqual({ cash: '0.00', income: '0.00', gift: '0.00' });
    expect(normalRefund(quarter, quarter.slices[3] + 365 * MS_PER_DAY, 'second', rounding).amount.toFixed(2)).toBe('0.00');
  });

  it('R2: an order paid entirely by a voucher refunds 0.00 to every part', () => {
    const order: RefundableOrder = { paid: { cash: '0', income: '0', gift: '0' }, voucher: '999', slices: worked.slices };
    const refund = normalRefund(order, at('2020-04-10T00:00:00'), 'second', rounding);
    expect(refund.amount.toFixed(2)).toBe('0.00');
    expect(shown(refund.to)).toEqual({ cash: '0.00', income: '0.00', gift: '0.00' });
  });
});

describe('R2: knob refund.normal.timeUnit = dayRoundUp', () => {
  it('R2 dayRoundUp: a started day counts whole: 1 second into the slice uses 1 of 30 days', () => {
    const share = usedShare(worked.slices[0], worked.slices[1], april + 1000, 'dayRoundUp');
    expect(share.equals(money(1).div(30))).toBe(true);
  });

  it('R2 dayRoundUp: 3 days 8 h into the worked slice counts 4 days: 407.96 × 26/30 = 353.57', () => {
    const now = at('2020-04-04T08:03:20');
    expect(usedShare(worked.slices[0], worked.slices[1], now, 'dayRoundUp').equals(money(4).div(30))).toBe(true);
    expect(normalRefund(worked, now, 'dayRoundUp', rounding).amount.toFixed(2)).toBe('353.57');
  });

  it('R2 dayRoundUp: exactly 3 days into the slice counts 3 days, not 4', () => {
    expect(usedShare(worked.slices[0], worked.slices[1], april + 3 * MS_PER_DAY, 'dayRoundUp').equals(money(3).div(30))).toBe(true);
  });

  it('R2 dayRoundUp: in the last, partial day the used share is capped at the whole slice', () => {
    const [start, end] = worked.slices;
    expect(usedShare(start, end, end - 1, 'dayRoundUp').toString()).toBe('1');
    // a 29.5-day slice: 29 days and 1 hour in counts 30 days, capped at 1
    expect(usedShare(0, 29.5 * MS_PER_DAY, 29 * MS_PER_DAY + 3_600_000, 'dayRoundUp').toString()).toBe('1');
  });

  it('R2 second: the used share is elapsed seconds over the slice seconds', () => {
    expect(usedShare(0, 30 * MS_PER_DAY, 288_200_000, 'second').equals(money(288_200).div(2_592_000))).toBe(true);
  });
});
