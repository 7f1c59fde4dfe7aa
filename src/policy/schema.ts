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
  users: limit.describe('most users (empty: no limit)'),
  groupMembers: limit.describe('most members in a group'),
  friends: limit.describe('most friends of a user'),
  groupsPerUser: limit.describe('most groups a user joins'),
  avChatrooms: limit.describe('most AV chat rooms'),
});
const rounding = z.enum(['ceilUnit', 'linear']).describe('charged by whole blocks (ceilUnit) or pro rata (linear)');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:mm');

export const packFamilies = ['avChatrooms', 'groupMembers', 'groupsPerUser'] as const;

const editionId = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'expected an id of letters and digits');
/** The paid editions a pack or a usage item applies to; absent, every paid edition. */
const forEditions = z.array(editionId).optional().describe('editions it applies to (absent: every paid edition)');

const discounts = z.record(z.string().regex(/^\d+$/, 'expected a whole number of months'), decimalText.describe('price factor of an order of this many months'));

/** E1, E2, P1, P2, P3: an edition; the free one (`trial`) has limits only. */
const edition = z.strictObject({
  names: z.strictObject({ zh: z.string().optional().describe('name in Chinese'), en: z.string().optional().describe('name in English') }).optional(),
  pricePerMonth: decimalText.optional().describe('price a month'),
  includedDau: count.optional().describe('daily active users included'),
  validity: z.enum(['dayBefore', 'sameDay']).optional().describe('a period ends the day before its start date (T−1) or on it'),
  limits,
  discounts: discounts.optional(),
  upgradesTo: z.array(editionId).optional().describe('editions it can be upgraded to'),
});

const pack = z.strictObject({
  family: z.enum(packFamilies).describe('the limit it raises'),
  pricePerMonth: decimalText.describe('price a month'),
  limit: limit.describe('the limit it gives (empty: no limit)'),
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
  money: z.strictObject({ rounding: z.enum(['halfUp', 'halfEven', 'down', 'up']).describe('rounding of amounts to the cent') }),
  /** E1, E2, P1: `trial` (free) and the paid editions, checked in load.ts (editionProblems). */
  editions: z.record(editionId, edition),
  lengths: z.strictObject({
    minMonths: months.min(1).describe('shortest order, in months'),
    maxMonths: months.min(1).describe('longest order, in months'),
    discounts,
    /** P3, an open reading: whether the length discounts also apply to packs, and to renewals (manual and automatic). */
    discountsApplyTo: z
      .strictObject({ packs: z.boolean().describe('length discounts apply to packs'), renewals: z.boolean().describe('length discounts apply to renewals') })
      .default({ packs: false, renewals: true }),
  }),
  packs: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), pack),
  usage: z.strictObject({
    dauOverage: z.strictObject({
      price: decimalText.describe('price of each block of DAU over the included'),
      per: count.min(1).describe('DAU in a block'),
      rounding,
      editions: forEditions,
    }),
    storageExtension: z.strictObject({
      price: decimalText.describe('price a month of each block of DAU'),
      perDau: count.min(1).describe('DAU in a block'),
      maxMonths: months.min(1).describe('longest extension, in months'),
      editions: forEditions,
    }),
    peakGroups: z.strictObject({
      free: count.describe('groups free'),
      price: decimalText.describe('price of each block of groups over the free'),
      per: count.min(1).describe('groups in a block'),
      rounding,
      editions: forEditions,
    }),
    avBandwidth: z.strictObject({
      domesticPerMbpsDay: decimalText.describe('domestic AV bandwidth, price per Mbps a day'),
      internationalPerMbpsDay: decimalText.nullable().describe('international AV bandwidth, price per Mbps a day (empty: not sold)'),
      editions: forEditions,
    }),
  }),
  billing: z.strictObject({
    pushDay: count.min(1).max(28).describe('day of the month the bill is pushed'),
    chargeDay: count.min(1).max(28).describe('day of the month the bill is charged'),
  }),
  balance: z.strictObject({
    payOrder: z
      .array(z.enum(balanceParts))
      .length(3)
      .refine((order) => new Set(order).size === 3, { message: 'expected gift, income and cash once each' })
      .describe('the order the balance parts pay in'),
  }),
  arrears: z.strictObject({ suspendAfterDays: days.min(1).describe('days in arrears before the apps are suspended') }),
  lifecycle: z.strictObject({
    expiryWarnings: z.strictObject({
      daysBefore: days.describe('days of expiry warnings before the end'),
      daysAfter: days.describe('days of expiry warnings after the end'),
      at: timeOfDay.describe('time of day the warnings are sent'),
    }),
    grace: z.strictObject({ days: days.describe('grace days after expiry'), countEndDay: z.boolean().describe('grace counts the day the package ends') }),
    retention: z.strictObject({ days: days.min(1).describe('days an app is kept after suspension') }),
    packsOnProLapse: z.enum(['keep', 'cancel']).describe('packs when the paid edition lapses'),
    /** X4, an open reading: an app renewed in grace loses the lapsed period's purchase records at the end of that grace too. */
    purgeOnRenewalInGrace: z.boolean().default(false).describe("a renewal in grace still purges the lapsed period's records"),
  }),
  renewal: z.strictObject({ inGraceFrom: z.enum(['previousEnd', 'renewalTime']).describe('a renewal in grace starts at the previous end or when it is made') }),
  autoRenew: z.strictObject({
    months: months.min(1).describe('months each auto-renewal buys'),
    retryDailyInGrace: z.boolean().describe('a failed auto-renewal is retried daily in grace'),
    /** P5, an open reading: the retries 24 h apart from the end (`end`), or once a day at a local time. */
    retryAt: z.union([z.literal('end'), timeOfDay]).default('end').describe('when the retries are made: end (24 h apart from the end) or a time HH:mm'),
  }),
  refund: z.strictObject({
    noReason: z.strictObject({ windowDays: days.min(1).describe('days after purchase a no-reason refund is allowed'), perAccount: count.describe('no-reason refunds an account may have') }),
    normal: z.strictObject({
      timeUnit: z.enum(['second', 'dayRoundUp']).describe('a refund counts the time used by the second or by whole days'),
      /** R2, an open reading: how the monthly slices are anchored. */
      slices: z.enum(['orderStart', 'chained']).default('orderStart').describe("a refund's monthly slices start at the order's start or each after the last"),
    }),
  }),
  promotions: z.array(promotion).describe('promotions: price factors between two dates'),
  /** P7, an open reading: a voucher worth more than the price pays all of it, the rest lost (`forfeit`), or the order is refused. */
  vouchers: z
    .strictObject({ larger: z.enum(['forfeit', 'refuse']).describe('a voucher worth more than the price: the rest is lost, or the order refused') })
    .default({ larger: 'forfeit' }),
});

/**
 * A policy (docs/policy.md): the editions, prices, usage rates, billing, lifecycle and refund
 * terms a run is played under, as its schema reads them (defaults filled in).
 */
export type Policy = z.output<typeof policySchema>;
export type UsageItem = keyof Policy['usage'];
export type PackFamily = (typeof packFamilies)[number];
export type Promotion = Policy['promotions'][number];
