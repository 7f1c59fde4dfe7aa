/**
 * A cohort's `behaviour` (scenario-format "Behaviour"): chances are plain numbers from 0 to 1;
 * delays in days (fractional), months within the policy's lengths and amounts in CNY may be
 * distributions. A section left out means the customer never does that.
 */
import type { PathSegment } from '../input/yamlSource.ts';
import { type Behaviour, noBehaviour } from '../population/behaviour.ts';
import type { ChoiceValue, Varying } from '../population/distribution.ts';
import { type FieldRange, parseVarying } from './distributionParse.ts';
import type { ParseContext } from './parseContext.ts';
import { behaviourSchema } from './populationSchema.ts';

const days: FieldRange = { what: 'a number of days ≥ 0', min: 0 };

export function parseBehaviour(ctx: ParseContext, raw: unknown, path: PathSegment[]): Behaviour | undefined {
  if (raw === undefined) return noBehaviour;
  const data = ctx.check(behaviourSchema, raw, path);
  if (!data) return undefined;
  const lengths = ctx.policy?.lengths ?? { minMonths: 1, maxMonths: 36 };
  const months: FieldRange = {
    what: `a whole number of months from ${lengths.minMonths} to ${lengths.maxMonths} (P3)`,
    min: lengths.minMonths,
    max: lengths.maxMonths,
    whole: true,
  };
  let ok = true;
  /** The field's value, its default when left out; undefined (and not ok) when it is wrong. */
  const field = <T extends ChoiceValue>(value: unknown, at: PathSegment[], range: FieldRange, fallback: Varying<T>): Varying<T> => {
    if (value === undefined) return fallback;
    const parsed = parseVarying(ctx, value, [...path, ...at], range);
    if (parsed === undefined) ok = false;
    return parsed as Varying<T>;
  };
  const { purchase, renewal, payment, topUp, refund } = data;
  const behaviour: Behaviour = {
    autoRenew: data.autoRenew ?? 0,
    ...(purchase && {
      purchase: {
        chance: purchase.chance,
        after: field(purchase.after, ['purchase', 'after'], days, 0),
        months: field(purchase.months, ['purchase', 'months'], months, lengths.minMonths),
      },
    }),
    ...(renewal && {
      renewal: {
        onWarning: renewal.onWarning ?? 0,
        ...(renewal.afterExpiry && {
          afterExpiry: { chance: renewal.afterExpiry.chance, delay: field(renewal.afterExpiry.delay, ['renewal', 'afterExpiry', 'delay'], days, 0) },
        }),
        months: field<ChoiceValue>(renewal.months, ['renewal', 'months'], { ...months, words: ['same'] }, 'same'),
      },
    }),
    ...(payment && {
      payment: {
        chance: payment.chance,
        delay: field(payment.delay, ['payment', 'delay'], days, 0),
        amount: field<ChoiceValue>(payment.amount, ['payment', 'amount'], { what: 'an amount ≥ 0 (CNY)', min: 0, words: ['debt'] }, 'debt'),
      },
    }),
    ...(topUp && { topUp: { chance: topUp.chance, delay: field(topUp.delay, ['topUp', 'delay'], days, 0) } }),
    ...(refund && {
      refund: {
        noReason: refund.noReason ?? 0,
        noReasonAfter: field(refund.noReasonAfter, ['refund', 'noReasonAfter'], days, 0),
        normal: refund.normal ?? 0,
        normalAfter: field(refund.normalAfter, ['refund', 'normalAfter'], days, 0),
      },
    }),
  };
  return ok ? behaviour : undefined;
}
