import { describe, expect, it } from 'vitest';
import { money, sum } from '../../src/domain/money.ts';
import { avBandwidth, type ChargeLine, dauOverage, peakGroups, storageExtension } from '../../src/domain/usageCharges.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import type { Policy } from '../../src/policy/schema.ts';

const policy = loadPolicy('tencent-im-2019');
/** A line's amount to the cent, as a bill shows it. */
const yuan = (line: ChargeLine | undefined) => line && money(line.amount).toFixed(2);
const withDauRounding = (rounding: 'ceilUnit' | 'linear'): Policy => ({
  ...policy,
  usage: { ...policy.usage, dauOverage: { ...policy.usage.dauOverage, rounding } },
});
const withGroupRounding = (rounding: 'ceilUnit' | 'linear'): Policy => ({
  ...policy,
  usage: { ...policy.usage, peakGroups: { ...policy.usage.peakGroups, rounding } },
});

describe('U2: DAU overage', () => {
  it('U2: peak DAU 150,000 costs 10000.00 (50,000 over, rounded up to one block)', () => {
    const line = dauOverage(policy.usage.dauOverage, 100_000, 150_000, '2020-03-12');
    expect(line?.item).toBe('dauOverage');
    expect(line?.quantity).toBe('50000');
    expect(yuan(line)).toBe('10000.00');
    expect(line?.basis).toContain('2020-03-12');
  });

  it('U2: peak DAU 100,000 (all included) gives no line', () => {
    expect(dauOverage(policy.usage.dauOverage, 100_000, 100_000, '2020-03-12')).toBeUndefined();
    expect(dauOverage(policy.usage.dauOverage, 100_000, 0, '2020-03-12')).toBeUndefined();
  });

  it('U2: one DAU over costs a whole block (100,001 → 10000.00); 200,000 → 10000.00; 200,001 → 20000.00', () => {
    expect(yuan(dauOverage(policy.usage.dauOverage, 100_000, 100_001, 'd'))).toBe('10000.00');
    expect(yuan(dauOverage(policy.usage.dauOverage, 100_000, 200_000, 'd'))).toBe('10000.00');
    expect(yuan(dauOverage(policy.usage.dauOverage, 100_000, 200_001, 'd'))).toBe('20000.00');
  });

  it('U2 linear (knob usage.dauOverage.rounding): 0.1 per DAU, peak 150,000 → 5000.00, 100,001 → 0.10', () => {
    const linear = withDauRounding('linear');
    expect(yuan(dauOverage(linear.usage.dauOverage, 100_000, 150_000, 'd'))).toBe('5000.00');
    expect(yuan(dauOverage(linear.usage.dauOverage, 100_000, 100_001, 'd'))).toBe('0.10');
    expect(dauOverage(linear.usage.dauOverage, 100_000, 100_000, 'd')).toBeUndefined();
  });
});

describe('M1: a line is exact until the bill rounds it', () => {
  const rate = (price: string) => ({ ...policy.usage.dauOverage, price, rounding: 'ceilUnit' as const });

  it('M1: a block price finer than a cent gives the exact product (3 blocks at 0.125 → 0.375)', () => {
    expect(dauOverage(rate('0.125'), 100_000, 300_001, 'd')?.amount).toBe('0.375');
  });

  it('M1: a product past the integers a double holds exactly is still exact', () => {
    // Whole cents (13 digits before the point), but 99 blocks of them are more than 2^53 cents.
    const price = '9999999999999.99';
    expect(dauOverage(rate(price), 100_000, 100_000 + 99 * 100_000, 'd')?.amount).toBe('989999999999999.01');
    expect(storageExtension({ ...policy.usage.storageExtension, price }, 1_000, 250_000)?.amount).toBe(money(price).times(3_000).toString());
    expect(dauOverage(rate('99999999999999.99'), 100_000, 200_000, 'd')?.amount).toBe('99999999999999.99');
  });

  it('M1: whole yuan are written as Decimal writes them (no trailing zeros)', () => {
    expect(dauOverage(policy.usage.dauOverage, 100_000, 150_000, 'd')?.amount).toBe('10000');
    expect(storageExtension({ ...policy.usage.storageExtension, price: '0.50' }, 1, 1)?.amount).toBe('0.5');
  });
});

describe('U3: history storage extension', () => {
  it('U3: 2 months of extension, peak 200,000 → 500 × 2 × 2 = 2000.00', () => {
    const line = storageExtension(policy.usage.storageExtension, 2, 200_000);
    expect(yuan(line)).toBe('2000.00');
    expect(line?.quantity).toBe('4');
  });

  it('U3: a peak under 100,000 is still 1 unit (2 months, peak 30,000 → 1000.00; peak 0 → 1000.00)', () => {
    expect(yuan(storageExtension(policy.usage.storageExtension, 2, 30_000))).toBe('1000.00');
    expect(yuan(storageExtension(policy.usage.storageExtension, 2, 0))).toBe('1000.00');
  });

  it('U3: the whole peak counts, no free DAU deducted, rounded up (1 month, peak 100,001 → 1000.00)', () => {
    expect(yuan(storageExtension(policy.usage.storageExtension, 1, 100_000))).toBe('500.00');
    expect(yuan(storageExtension(policy.usage.storageExtension, 1, 100_001))).toBe('1000.00');
  });

  it('U3: 12 months of extension, peak 250,000 → 500 × 12 × 3 = 18000.00', () => {
    expect(yuan(storageExtension(policy.usage.storageExtension, 12, 250_000))).toBe('18000.00');
  });

  it('U3: no extension, no line', () => {
    expect(storageExtension(policy.usage.storageExtension, 0, 200_000)).toBeUndefined();
  });
});

describe('U4: peak groups', () => {
  it('U4: peak 130,000 groups → 1000.00', () => {
    expect(yuan(peakGroups(policy.usage.peakGroups, 130_000))).toBe('1000.00');
  });

  it('U4: peak 1,000,000 groups → 9000.00', () => {
    expect(yuan(peakGroups(policy.usage.peakGroups, 1_000_000))).toBe('9000.00');
  });

  it('U4: peak 100,000 groups (all free) gives no line', () => {
    expect(peakGroups(policy.usage.peakGroups, 100_000)).toBeUndefined();
  });

  it('U4: 200,000 → 1000.00 and 200,001 → 2000.00 ("不足10万按10万算")', () => {
    expect(yuan(peakGroups(policy.usage.peakGroups, 200_000))).toBe('1000.00');
    expect(yuan(peakGroups(policy.usage.peakGroups, 200_001))).toBe('2000.00');
  });

  it('U4 linear (knob usage.peakGroups.rounding): peak 130,000 → 300.00', () => {
    expect(yuan(peakGroups(withGroupRounding('linear').usage.peakGroups, 130_000))).toBe('300.00');
  });
});

describe('U5: AV chat room bandwidth', () => {
  it('U5: daily peaks 300 + 500 + 200 Mbps at 2 per Mbps·day → 2000.00', () => {
    const mbpsDays = sum([300, 500, 200]);
    const line = avBandwidth(mbpsDays, policy.usage.avBandwidth.domesticPerMbpsDay, 'avBandwidth');
    expect(yuan(line)).toBe('2000.00');
    expect(line?.quantity).toBe('1000');
    expect(line?.item).toBe('avBandwidth');
  });

  it('U5: fractional peaks are exact (0.1 + 0.2 Mbps·days → 0.60)', () => {
    expect(avBandwidth(sum(['0.1', '0.2']), '2', 'avBandwidth')?.amount).toBe('0.6');
  });

  it('U5: no bandwidth, no line', () => {
    expect(avBandwidth(money(0), '2', 'avBandwidth')).toBeUndefined();
  });

  it('U5: the international price comes from a policy override (none in the bundled policy)', () => {
    expect(policy.usage.avBandwidth.internationalPerMbpsDay).toBeNull();
    expect(yuan(avBandwidth(money(100), '5', 'avBandwidthInternational'))).toBe('500.00');
  });
});
