import { describe, expect, it } from 'vitest';
import { lengthDiscountFactor, monthlyPrice, priceOrder, promotionApplies } from '../../src/domain/pricing.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import type { Promotion } from '../../src/policy/schema.ts';

const policy = loadPolicy('tencent-im-2019');
const rounding = policy.money.rounding;
const half: Promotion = { id: 'smooth-migration', factor: '0.5', from: '2020-03-01', to: '2020-03-31', refundable: false };

function priced(order: Parameters<typeof priceOrder>[1]) {
  const price = priceOrder(policy, order, rounding);
  return {
    listPrice: price.listPrice.toFixed(2),
    discount: price.discount.toFixed(2),
    promotion: price.promotion.toFixed(2),
    voucher: price.voucher.toFixed(2),
    total: price.total.toFixed(2),
  };
}

describe('P1/P3: pro prices', () => {
  it('P1: one month of pro costs 999.00', () => {
    expect(monthlyPrice(policy, 'pro').toFixed(2)).toBe('999.00');
    expect(priced({ product: 'pro', months: 1 })).toEqual({ listPrice: '999.00', discount: '0.00', promotion: '0.00', voucher: '0.00', total: '999.00' });
  });

  it('P3: 6 months cost 5874.12 (5994 × 0.98)', () => {
    expect(priced({ product: 'pro', months: 6 })).toMatchObject({ listPrice: '5994.00', discount: '119.88', total: '5874.12' });
  });

  it('P3: 12 months cost 11388.60 (11988 × 0.95)', () => {
    expect(priced({ product: 'pro', months: 12 })).toMatchObject({ listPrice: '11988.00', discount: '599.40', total: '11388.60' });
  });

  it('P3: 24 months cost 21578.40 (23976 × 0.90)', () => {
    expect(priced({ product: 'pro', months: 24 })).toMatchObject({ listPrice: '23976.00', discount: '2397.60', total: '21578.40' });
  });

  it('P3: other lengths (2, 3, 7, 36 months) get no discount', () => {
    for (const months of [2, 3, 7, 36]) {
      expect(lengthDiscountFactor(policy, 'pro', months).toString()).toBe('1');
      expect(priced({ product: 'pro', months }).total).toBe((999 * months).toFixed(2));
    }
  });

  it('P3: the discount factors are policy data (6 → 0.98, 12 → 0.95, 24 → 0.9)', () => {
    expect(lengthDiscountFactor(policy, 'pro', 6).toString()).toBe('0.98');
    expect(lengthDiscountFactor(policy, 'pro', 12).toString()).toBe('0.95');
    expect(lengthDiscountFactor(policy, 'pro', 24).toString()).toBe('0.9');
    const custom = { ...policy, lengths: { ...policy.lengths, discounts: { 3: '0.99' } } };
    expect(priceOrder(custom, { product: 'pro', months: 3 }, rounding).total.toFixed(2)).toBe('2967.03');
    expect(priceOrder(custom, { product: 'pro', months: 6 }, rounding).total.toFixed(2)).toBe('5994.00');
  });
});

describe('F1/P3: pack prices', () => {
  it('F1: one month of each pack costs its list price', () => {
    expect(priced({ product: 'avChatroomUnlimited', months: 1 }).total).toBe('1000.00');
    expect(priced({ product: 'groupMembers2000', months: 1 }).total).toBe('500.00');
    expect(priced({ product: 'groupsPerUser3000', months: 1 }).total).toBe('2000.00');
  });

  it('P3: packs get no length discount (6, 12, 24 months of groupMembers2000 cost 3000, 6000, 12000)', () => {
    for (const months of [6, 12, 24]) {
      expect(lengthDiscountFactor(policy, 'groupMembers2000', months).toString()).toBe('1');
      expect(priced({ product: 'groupMembers2000', months })).toMatchObject({ discount: '0.00', total: (500 * months).toFixed(2) });
    }
  });
});

describe('P3: whom the length discounts apply to (lengths.discountsApplyTo)', () => {
  const applyTo = (packs: boolean, renewals: boolean) => ({ ...policy, lengths: { ...policy.lengths, discountsApplyTo: { packs, renewals } } });

  it('P3: by default a 12-month renewal of pro pays the 12-month discount, as a purchase does (11388.60)', () => {
    expect(priced({ product: 'pro', months: 12, renewal: true }).total).toBe('11388.60');
  });

  it('P3: with renewals false a 12-month renewal pays the list price (11988.00), a purchase still 11388.60', () => {
    const noRenewals = applyTo(false, false);
    expect(priceOrder(noRenewals, { product: 'pro', months: 12, renewal: true }, rounding).total.toFixed(2)).toBe('11988.00');
    expect(priceOrder(noRenewals, { product: 'pro', months: 12 }, rounding).total.toFixed(2)).toBe('11388.60');
  });

  it('P3: with packs true 6 months of groupMembers2000 cost 2940.00 (3000 × 0.98), and a renewal of them too', () => {
    const packs = applyTo(true, true);
    expect(priceOrder(packs, { product: 'groupMembers2000', months: 6 }, rounding).total.toFixed(2)).toBe('2940.00');
    expect(priceOrder(packs, { product: 'groupMembers2000', months: 6, renewal: true }, rounding).total.toFixed(2)).toBe('2940.00');
    expect(priceOrder(applyTo(true, false), { product: 'groupMembers2000', months: 6, renewal: true }, rounding).total.toFixed(2)).toBe('3000.00');
  });
});

describe('P6: promotions', () => {
  it('P6: a promotion with factor 0.5 halves one month of pro to 499.50', () => {
    expect(priced({ product: 'pro', months: 1, promotion: half })).toMatchObject({ promotion: '499.50', total: '499.50' });
  });

  it('P6: the promotion applies after the length discount: 12 months at 0.5 cost 5694.30', () => {
    expect(priced({ product: 'pro', months: 12, promotion: half })).toMatchObject({
      listPrice: '11988.00',
      discount: '599.40',
      promotion: '5694.30',
      total: '5694.30',
    });
  });

  it('P6/M1: only the charged total is rounded (999 × 0.333 = 332.667 → 332.67)', () => {
    expect(priced({ product: 'pro', months: 1, promotion: { ...half, factor: '0.333' } }).total).toBe('332.67');
  });

  it('P6: a promotion applies within its window, both ends included', () => {
    expect(promotionApplies(half, 'pro', '2020-02-29')).toBe(false);
    expect(promotionApplies(half, 'pro', '2020-03-01')).toBe(true);
    expect(promotionApplies(half, 'pro', '2020-03-31')).toBe(true);
    expect(promotionApplies(half, 'pro', '2020-04-01')).toBe(false);
  });

  it('P6: a promotion without products covers all; with products only those', () => {
    expect(promotionApplies(half, 'groupMembers2000', '2020-03-15')).toBe(true);
    const proOnly = { ...half, products: ['pro'] };
    expect(promotionApplies(proOnly, 'pro', '2020-03-15')).toBe(true);
    expect(promotionApplies(proOnly, 'groupMembers2000', '2020-03-15')).toBe(false);
  });
});

describe('P7: vouchers', () => {
  it('P7: a voucher of 100 reduces one month of pro to 899.00', () => {
    expect(priced({ product: 'pro', months: 1, voucher: '100' })).toMatchObject({ voucher: '100.00', total: '899.00' });
  });

  it('P7: a voucher is capped at the price: 2000 on 999.00 uses 999.00 and charges 0.00', () => {
    expect(priced({ product: 'pro', months: 1, voucher: '2000' })).toMatchObject({ voucher: '999.00', total: '0.00' });
  });

  it('P7: the voucher applies after discount and promotion, capped at what is left', () => {
    expect(priced({ product: 'pro', months: 6, promotion: half, voucher: '37.06' })).toMatchObject({ total: '2900.00' });
    expect(priced({ product: 'pro', months: 1, promotion: half, voucher: '999' })).toMatchObject({ voucher: '499.50', total: '0.00' });
  });

  it('P7: a voucher of 0 is no voucher', () => {
    expect(priced({ product: 'pro', months: 1, voucher: '0' })).toMatchObject({ voucher: '0.00', total: '999.00' });
  });
});
