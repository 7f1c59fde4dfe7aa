/**
 * What an order costs (P1, P3, P6, P7, F1): list price, then the length discount, then a
 * promotion, then at most one voucher. Only the charged total is rounded (M1).
 */
import type { Policy, Promotion } from '../policy/schema.ts';
import { isPaidEdition, paidEdition } from './editions.ts';
import { Money, money, type RoundingMode, roundCents, ZERO } from './money.ts';

/** What prices read of a policy: editions, packs and lengths (P1, P3, F1). */
export type PriceTerms = Pick<Policy, 'editions' | 'packs' | 'lengths'>;

/** An order's price. Never changed once made: sim/orders.ts shares a plain price among orders and keeps each price's texts by its object. */
export interface Price {
  readonly listPrice: Money;
  readonly discount: Money;
  readonly promotion: Money;
  readonly voucher: Money;
  readonly total: Money;
}

/** P1, F1: the monthly price of a paid edition or a pack. */
export function monthlyPrice(policy: PriceTerms, product: string): Money {
  const { editions } = policy;
  return money(isPaidEdition(editions, product) ? paidEdition(editions, product).pricePerMonth : policy.packs[product].pricePerMonth);
}

/**
 * P3: the discount factor for a length (6 → 0.98, 12 → 0.95, 24 → 0.90), 1 otherwise, from the
 * edition's own table where it has one; for packs and for renewals only where
 * `lengths.discountsApplyTo` says so (by default editions, renewals too).
 */
export function lengthDiscountFactor(policy: PriceTerms, product: string, months: number, renewal = false): Money {
  const { packs, renewals } = policy.lengths.discountsApplyTo;
  const edition = isPaidEdition(policy.editions, product);
  if ((!edition && !packs) || (renewal && !renewals)) return money(1);
  const table = (edition ? policy.editions[product].discounts : undefined) ?? policy.lengths.discounts;
  return money(table[String(months)] ?? 1);
}

/** P6: whether a promotion applies to a product on a local date (YYYY-MM-DD, inclusive window). */
export function promotionApplies(promotion: Promotion, product: string, localDate: string): boolean {
  const covers = promotion.products === undefined || promotion.products.includes(product);
  return covers && localDate >= promotion.from && localDate <= promotion.to;
}

export function priceOrder(
  policy: PriceTerms,
  order: { product: string; months: number; renewal?: boolean; promotion?: Promotion; voucher?: string },
  rounding: RoundingMode,
): Price {
  const listPrice = monthlyPrice(policy, order.product).times(order.months);
  const discounted = listPrice.times(lengthDiscountFactor(policy, order.product, order.months, order.renewal));
  const promoted = order.promotion ? discounted.times(order.promotion.factor) : discounted;
  const beforeVoucher = roundCents(promoted, rounding);
  const voucher = Money.min(money(order.voucher ?? 0), beforeVoucher);
  return {
    listPrice,
    discount: roundCents(listPrice.minus(discounted), rounding),
    promotion: roundCents(discounted.minus(promoted), rounding),
    voucher: voucher.gt(ZERO) ? voucher : ZERO,
    total: beforeVoucher.minus(voucher),
  };
}
