import { z } from 'zod';
import { balanceParts } from '../domain/vocabulary.ts';

/** A decimal written as a string or a plain number, kept as its text, which must match `pattern`. */
export function decimalTextOf(pattern: RegExp, message: string) {
  return z
    .union([z.string(), z.number()])
    .transform((value) => String(value))
    .refine((text) => pattern.test(text), { message });
}

/** A non-negative decimal amount written as a string ("999", "0.98") or a plain number. */
export const decimalText = decimalTextOf(/^\d+(\.\d+)?$/, 'expected a decimal number ≥ 0 such as "999.00"');

const count = z.number().int().min(0);

/**
 * Longest length a knob may give in months (order lengths, auto-renewal, storage extension):
 * 100 years. The simulator walks an order month by month, so a knob of a hundred million
 * months would hang it.
 */
export const MAX_POLICY_MONTHS = 1200;
/** Longest span a knob may give in days (grace, retention, warnings, refund window): 100 years. */
export const MAX_POLICY_DAYS = 36_500;

const months = count.max(MAX_POLICY_MONTHS);
const days = count.max(MAX_POLICY_DAYS);
const limit = count.nullable();
const limits = z.strictObject({
  users: limit,
  groupMembers: limit,
  friends: limit,
  groupsPerUser: limit,
  avChatrooms: limit,
});
const rounding = z.enum(['ceilUnit', 'linear']);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:mm');

export const packFamilies = ['avChatrooms', 'groupMembers', 'groupsPerUser'] as const;

const editionId = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected an id of letters and digits');
/** The paid editions a pack or a usage item applies to; absent, every paid edition. */
const forEditions = z.array(editionId).optional();

const discounts = z.record(z.string().regex(/^\d+$/, 'expected a whole number of months'), decimalText);

/** E1, E2, P1, P2, P3: an edition; the free one (`trial`) has limits only. */
const edition = z.strictObject({
  names: z.strictObject({ zh: z.string().optional(), en: z.string().optional() }).optional(),
  pricePerMonth: decimalText.optional(),
  includedDau: count.optional(),
  validity: z.enum(['dayBefore', 'sameDay']).optional(),
  limits,
  discounts: discounts.optional(),
  upgradesTo: z.array(editionId).optional(),
});

const pack = z.strictObject({
  family: z.enum(packFamilies),
  pricePerMonth: decimalText,
  limit,
  editions: forEditions,
});

/** P6: a price factor on some products within a window of local dates, inclusive. */
const promotion = z.strictObject({
  id: z.string().min(1),
  factor: decimalText,
  products: z.array(z.string()).optional(),
  from: localDate,
  to: localDate,
  refundable: z.boolean().default(true),
});

export const policySchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  currency: z.string(),
  timezone: z.string(),
  money: z.strictObject({ rounding: z.enum(['halfUp', 'halfEven', 'down', 'up']) }),
  /** E1, E2, P1: `trial` (free) and the paid editions, checked in load.ts (editionProblems). */
  editions: z.record(editionId, edition),
  lengths: z.strictObject({
    minMonths: months.min(1),
    maxMonths: months.min(1),
    discounts,
    /** P3, an open reading: whether the length discounts also apply to packs, and to renewals (manual and automatic). */
    discountsApplyTo: z.strictObject({ packs: z.boolean(), renewals: z.boolean() }).default({ packs: false, renewals: true }),
  }),
  packs: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), pack),
  usage: z.strictObject({
    dauOverage: z.strictObject({ price: decimalText, per: count.min(1), rounding, editions: forEditions }),
    storageExtension: z.strictObject({ price: decimalText, perDau: count.min(1), maxMonths: months.min(1), editions: forEditions }),
    peakGroups: z.strictObject({ free: count, price: decimalText, per: count.min(1), rounding, editions: forEditions }),
    avBandwidth: z.strictObject({ domesticPerMbpsDay: decimalText, internationalPerMbpsDay: decimalText.nullable(), editions: forEditions }),
  }),
  billing: z.strictObject({ pushDay: count.min(1).max(28), chargeDay: count.min(1).max(28) }),
  balance: z.strictObject({
    payOrder: z
      .array(z.enum(balanceParts))
      .length(3)
      .refine((order) => new Set(order).size === 3, { message: 'expected gift, income and cash once each' }),
  }),
  arrears: z.strictObject({ suspendAfterDays: days.min(1) }),
  lifecycle: z.strictObject({
    expiryWarnings: z.strictObject({
      daysBefore: days,
      daysAfter: days,
      at: timeOfDay,
    }),
    grace: z.strictObject({ days, countEndDay: z.boolean() }),
    retention: z.strictObject({ days: days.min(1) }),
    packsOnProLapse: z.enum(['keep', 'cancel']),
    /** X4, an open reading: an app renewed in grace loses the lapsed period's purchase records at the end of that grace too. */
    purgeOnRenewalInGrace: z.boolean().default(false),
  }),
  renewal: z.strictObject({ inGraceFrom: z.enum(['previousEnd', 'renewalTime']) }),
  autoRenew: z.strictObject({
    months: months.min(1),
    retryDailyInGrace: z.boolean(),
    /** P5, an open reading: the retries 24 h apart from the end (`end`), or once a day at a local time. */
    retryAt: z.union([z.literal('end'), timeOfDay]).default('end'),
  }),
  refund: z.strictObject({
    noReason: z.strictObject({ windowDays: days.min(1), perAccount: count }),
    normal: z.strictObject({
      timeUnit: z.enum(['second', 'dayRoundUp']),
      /** R2, an open reading: how the monthly slices are anchored. */
      slices: z.enum(['orderStart', 'chained']).default('orderStart'),
    }),
  }),
  promotions: z.array(promotion),
  /** P7, an open reading: a voucher worth more than the price pays all of it, the rest lost (`forfeit`), or the order is refused. */
  vouchers: z.strictObject({ larger: z.enum(['forfeit', 'refuse']) }).default({ larger: 'forfeit' }),
});

export type Policy = z.output<typeof policySchema>;
export type UsageItem = keyof Policy['usage'];
export type PackFamily = (typeof packFamilies)[number];
export type Promotion = Policy['promotions'][number];
