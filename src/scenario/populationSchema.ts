/**
 * The shape of `population:` (cohorts of generated accounts and apps) and of a cohort's
 * `behaviour`, as zod schemas. Fields that may hold a distribution are `unknown` slots here,
 * checked by ./distributionParse.ts with the field's own range; chances are plain numbers and
 * say so when a distribution is written where none is allowed.
 */
import { z } from 'zod';
import { usageSchema } from './schema.ts';

/** A value checked by `within`, with a message that reads "expected …" (and says a distribution is not allowed here). */
function plain<T>(expected: string, within: (value: unknown) => value is T) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (within(value)) return;
      const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? ' (a plain value: no distribution here)' : '';
      ctx.addIssue({ code: 'custom', message: `expected ${expected}${kind}`, input: value });
    })
    .transform((value) => value as T);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isName = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value);

/** A probability: a plain number from 0 to 1. */
const chance = plain('a chance from 0 to 1', (value): value is number => isNumber(value) && value >= 0 && value <= 1);
const weight = plain('a weight ≥ 0', (value): value is number => isNumber(value) && value >= 0);
const finite = z.number();

/** One schema per distribution form (docs/scenario-format.md, "Distributions"); uniform's pair is checked by the parser. */
export const distributionSchemas = {
  uniform: z.strictObject({ uniform: z.array(z.unknown()) }),
  normal: z.strictObject({
    normal: z.strictObject({ mean: finite, sd: finite.min(0), min: finite.optional(), max: finite.optional() }),
  }),
  logNormal: z.strictObject({
    logNormal: z.strictObject({ median: finite.gt(0), sigma: finite.min(0), min: finite.optional(), max: finite.optional() }),
  }),
  exponential: z.strictObject({ exponential: z.strictObject({ mean: finite.gt(0) }) }),
  choice: z.strictObject({ choice: z.record(z.string(), weight) }),
};

/** `{ uniform: [DATE, DATE] }`: a uniform day. */
export const dateUniformSchema = z.strictObject({ uniform: z.array(z.unknown()) });

const slot = z.unknown().optional();

/** Each section of `behaviour`, checked on its own so that one bad section hides nothing in another. */
export const behaviourSections = {
  purchase: z.strictObject({ chance, after: slot, months: slot }),
  renewal: z.strictObject({
    onWarning: chance.optional(),
    afterExpiry: z.strictObject({ chance, delay: slot }).optional(),
    months: slot,
  }),
  payment: z.strictObject({ chance, delay: slot, amount: slot }),
  topUp: z.strictObject({ chance, delay: slot }),
  refund: z.strictObject({ noReason: chance.optional(), noReasonAfter: slot, normal: chance.optional(), normalAfter: slot }),
};
export type BehaviourSection = keyof typeof behaviourSections;

/** The keys of `behaviour`, its sections as slots. */
export const behaviourKeysSchema = z.strictObject({
  purchase: slot,
  autoRenew: chance.optional(),
  renewal: slot,
  payment: slot,
  topUp: slot,
  refund: slot,
});

/** The whole of `behaviour`, for reading its shape (the parser checks it section by section). */
export const behaviourSchema = z.strictObject({
  purchase: behaviourSections.purchase.optional(),
  autoRenew: chance.optional(),
  renewal: behaviourSections.renewal.optional(),
  payment: behaviourSections.payment.optional(),
  topUp: behaviourSections.topUp.optional(),
  refund: behaviourSections.refund.optional(),
});

export const cohortSchema = z.strictObject({
  cohort: plain('a cohort name of letters, digits, - and _', isName),
  accounts: plain('a whole number of accounts ≥ 1', (value): value is number => isNumber(value) && Number.isInteger(value) && value >= 1),
  appsPerAccount: slot,
  tags: z.array(plain('a tag of letters, digits, - and _', isName)).default([]),
  balance: z.strictObject({ cash: slot, income: slot, gift: slot }).default({}),
  createdAt: slot,
  usage: usageSchema.default({}),
  behaviour: slot,
});
