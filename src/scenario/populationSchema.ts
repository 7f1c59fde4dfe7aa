/**
 * The shape of `population:` (cohorts of generated accounts and apps) and of a cohort's
 * `behaviour`, as zod schemas. Fields that may hold a distribution are `unknown` slots here,
 * checked by ./distributionParse.ts with the field's own range; chances are plain numbers and
 * say so when a distribution is written where none is allowed.
 */
import { z } from 'zod';
import { dateText, usageSchema } from './schema.ts';

const finite = z.number();

/** A plain number within a range, with a message that says a distribution is not allowed here. */
function plainNumber(expected: string, within: (value: number) => boolean) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value === 'number' && Number.isFinite(value) && within(value)) return;
      const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? ' (a plain number: no distribution here)' : '';
      ctx.addIssue({ code: 'custom', message: `expected ${expected}${kind}`, input: value });
    })
    .transform((value) => value as number);
}

/** A probability: a plain number from 0 to 1. */
export const chance = plainNumber('a chance from 0 to 1', (value) => value >= 0 && value <= 1);

/** One schema per distribution form (scenario-format "Distributions"). */
export const distributionSchemas = {
  uniform: z.strictObject({ uniform: z.tuple([finite, finite]) }),
  normal: z.strictObject({
    normal: z.strictObject({ mean: finite, sd: finite.min(0), min: finite.optional(), max: finite.optional() }),
  }),
  logNormal: z.strictObject({
    logNormal: z.strictObject({ median: finite.gt(0), sigma: finite.min(0), min: finite.optional(), max: finite.optional() }),
  }),
  exponential: z.strictObject({ exponential: z.strictObject({ mean: finite.gt(0) }) }),
  choice: z.strictObject({ choice: z.record(z.string(), finite.min(0)) }),
};

/** `{ uniform: [DATE, DATE] }`: a uniform day. */
export const dateUniformSchema = z.strictObject({ uniform: z.tuple([dateText, dateText]) });

const slot = z.unknown().optional();

export const behaviourSchema = z.strictObject({
  purchase: z.strictObject({ chance, after: slot, months: slot }).optional(),
  autoRenew: chance.optional(),
  renewal: z
    .strictObject({
      onWarning: chance.optional(),
      afterExpiry: z.strictObject({ chance, delay: slot }).optional(),
      months: slot,
    })
    .optional(),
  payment: z.strictObject({ chance, delay: slot, amount: slot }).optional(),
  topUp: z.strictObject({ chance, delay: slot }).optional(),
  refund: z
    .strictObject({ noReason: chance.optional(), noReasonAfter: slot, normal: chance.optional(), normalAfter: slot })
    .optional(),
});

export const cohortSchema = z.strictObject({
  cohort: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected a cohort name of letters, digits, - and _'),
  accounts: plainNumber('a whole number of accounts ≥ 1', (value) => Number.isInteger(value) && value >= 1),
  appsPerAccount: slot,
  tags: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected a tag of letters, digits, - and _')).default([]),
  balance: z.strictObject({ cash: slot, income: slot, gift: slot }).default({}),
  createdAt: slot,
  usage: usageSchema.default({}),
  behaviour: z.unknown().optional(),
});
