/**
 * Refunds of prepaid orders (R1, R2). Pure: the simulator decides which orders are refunded
 * and records the result.
 */
import type { Parts } from './balance.ts';
import { balanceParts } from './vocabulary.ts';
import { MS_PER_DAY } from './calendar.ts';
import { allocate, Money, money, type RoundingMode, roundCents, ZERO } from './money.ts';

export type RefundTimeUnit = 'second' | 'dayRoundUp';

export interface RefundableOrder {
  /** What the balance paid, by part: net of discounts, promotions and vouchers. */
  paid: Parts;
  voucher: string;
  /** n+1 slice boundaries (domain/validity `sliceBoundaries`). */
  slices: number[];
}

export interface RefundAmount {
  amount: Money;
  to: Parts;
  voucherForfeited: Money;
  basis: string;
}

function paidTotal(order: RefundableOrder): Money {
  return balanceParts.reduce<Money>((total, part) => total.plus(order.paid[part]), ZERO);
}

/** R1: everything paid goes back to where it came from; the voucher is not refunded. */
export function noReasonRefund(order: RefundableOrder): RefundAmount {
  return {
    amount: paidTotal(order),
    to: { ...order.paid },
    voucherForfeited: money(order.voucher),
    basis: 'everything paid (5-day no-reason refund)',
  };
}

/** R2 "资源已使用价值": the share of a slice used by `now`, by second or by started day. */
export function usedShare(sliceStart: number, sliceEnd: number, now: number, unit: RefundTimeUnit): Money {
  const elapsed = now - sliceStart;
  if (unit === 'second') return money(elapsed).div(sliceEnd - sliceStart);
  const usedDays = Math.ceil(elapsed / MS_PER_DAY);
  return Money.min(money(usedDays).times(MS_PER_DAY).div(sliceEnd - sliceStart), money(1));
}

/**
 * R2: refund = the slice in effect + the slices not started − the value used of the slice in
 * effect; each slice is worth paid/n. The amount is rounded (M1) and split back to cash,
 * income and gift in the proportions they paid, adding up exactly.
 */
export function normalRefund(order: RefundableOrder, now: number, unit: RefundTimeUnit, rounding: RoundingMode): RefundAmount {
  const months = order.slices.length - 1;
  const total = paidTotal(order);
  const sliceValue = total.div(months);
  let remainingSlices = money(0);
  let notStarted = 0;
  let currentShareLeft = money(0);
  for (let k = 0; k < months; k += 1) {
    const [start, end] = [order.slices[k], order.slices[k + 1]];
    if (now < start) {
      notStarted += 1;
      remainingSlices = remainingSlices.plus(1);
    } else if (now < end) {
      currentShareLeft = money(1).minus(usedShare(start, end, now, unit));
      remainingSlices = remainingSlices.plus(currentShareLeft);
    }
  }
  const amount = roundCents(Money.max(sliceValue.times(remainingSlices), ZERO), rounding);
  const split = allocate(amount, balanceParts.map((part) => order.paid[part]));
  const voucherShare = remainingSlices.div(months);
  return {
    amount,
    to: { cash: split[0].toString(), income: split[1].toString(), gift: split[2].toString() },
    voucherForfeited: roundCents(money(order.voucher).times(voucherShare), rounding),
    basis: `${notStarted} of ${months} slices not started + ${currentShareLeft.times(100).toDecimalPlaces(2).toString()}% of the slice in effect, at ${sliceValue.toDecimalPlaces(2).toString()} a slice`,
  };
}
