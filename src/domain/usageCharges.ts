/**
 * Postpaid usage charges of one app for one natural month (U2–U5). Inputs are the month's
 * figures over the days pro was in effect (U6); outputs are bill lines before rounding (M1).
 */
import type { Policy } from '../policy/schema.ts';
import { type Cents, centsOf, centsText } from './cents.ts';
import { type Money, money } from './money.ts';

export interface ChargeLine {
  item: 'dauOverage' | 'storageExtension' | 'peakGroups' | 'avBandwidth' | 'avBandwidthInternational';
  quantity: string;
  basis: string;
  /** Exact, before the bill rounds it (M1), as Decimal's `toString` writes it. */
  amount: string;
}

/**
 * A price times whole numbers: in exact cents when the price has them and the product stays a
 * safe integer (cents.ts), else in Decimal; the same text either way.
 */
function priceTimes(price: string, ...counts: number[]): string {
  const cents = centsOf(price);
  // Whole counts: a product within the safe integers was exact at every step on the way.
  const product = cents === undefined ? undefined : counts.reduce<number>((total, count) => total * count, cents);
  if (product !== undefined && Number.isSafeInteger(product)) return centsText(product as Cents);
  return counts.reduce((total, count) => total.times(count), money(price)).toString();
}

/** Whole blocks (`ceilUnit`, "不足10万按10万算") or a linear price per unit. */
function blockCharge(excess: number, per: number, price: string, rounding: 'ceilUnit' | 'linear'): string {
  if (rounding === 'ceilUnit') return priceTimes(price, Math.ceil(excess / per));
  return money(excess).times(price).div(per).toString();
}

/**
 * U2: peak DAU above the edition's included DAU (100,000 for 2019's pro), at 10,000 CNY per
 * 100,000 DAU rounded up to whole blocks (peak 150,000 → 10000.00). No proration for a partial
 * month.
 */
export function dauOverage(rate: Policy['usage']['dauOverage'], includedDau: number, peakDau: number, peakDay: string): ChargeLine | undefined {
  const excess = peakDau - includedDau;
  if (excess <= 0) return undefined;
  return {
    item: 'dauOverage',
    quantity: String(excess),
    basis: `peak DAU ${peakDau} on ${peakDay}, ${includedDau} included`,
    amount: blockCharge(excess, rate.per, rate.price, rate.rounding),
  };
}

/**
 * U3: a month with history-storage extension on costs 500 × months of extension × units, a
 * unit per 100,000 of the month's whole peak DAU, at least one (2 months, peak 200,000 → 2000).
 */
export function storageExtension(rate: Policy['usage']['storageExtension'], extensionMonths: number, peakDau: number): ChargeLine | undefined {
  if (extensionMonths <= 0) return undefined;
  const { price, perDau } = rate;
  const units = Math.max(1, Math.ceil(peakDau / perDau));
  return {
    item: 'storageExtension',
    quantity: String(extensionMonths * units),
    basis: `${extensionMonths} month(s) of extension × ${units} unit(s) for peak DAU ${peakDau}`,
    amount: priceTimes(price, extensionMonths, units),
  };
}

/** U4: peak groups above 100,000, at 1,000 CNY per 100,000 rounded up (130,000 → 1000.00). */
export function peakGroups(rate: Policy['usage']['peakGroups'], peak: number): ChargeLine | undefined {
  const excess = peak - rate.free;
  if (excess <= 0) return undefined;
  return {
    item: 'peakGroups',
    quantity: String(excess),
    basis: `peak groups ${peak}, ${rate.free} free`,
    amount: blockCharge(excess, rate.per, rate.price, rate.rounding),
  };
}

/** U5: 2 CNY per Mbps per day on each day's peak: daily peaks 300, 500, 200 → 2000.00. */
export function avBandwidth(
  mbpsDays: Money,
  pricePerMbpsDay: string,
  item: 'avBandwidth' | 'avBandwidthInternational',
): ChargeLine | undefined {
  if (mbpsDays.isZero()) return undefined;
  return {
    item,
    quantity: mbpsDays.toString(),
    basis: `${mbpsDays.toString()} Mbps·days at ${pricePerMbpsDay} per Mbps·day`,
    amount: mbpsDays.times(pricePerMbpsDay).toString(),
  };
}
